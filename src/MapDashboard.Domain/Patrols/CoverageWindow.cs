namespace MapDashboard.Domain.Patrols;

/// <summary>
/// The time windows coverage is asked for. "today" and "7d" start at a local midnight (7d = today and the six
/// days before it), so they are whole stored grid-days; "24h" is rolling, so a grid does not look unpatrolled
/// every morning just because the day turned.
/// </summary>
public sealed record CoverageWindow(string Name, DateTimeOffset From, DateTimeOffset To)
{
    public static readonly IReadOnlyList<string> Names = ["today", "24h", "7d"];

    /// <summary>The window <paramref name="name"/> ending at <paramref name="now"/>, or null for an unknown name.</summary>
    public static CoverageWindow? Parse(string? name, DateTimeOffset now, TimeZoneInfo zone)
    {
        var todayStart = LocalMidnight(now, zone, daysBack: 0);
        return name switch
        {
            "today" => new(name, todayStart, now),
            "24h" => new(name, now.AddHours(-24), now),
            "7d" => new(name, LocalMidnight(now, zone, daysBack: 6), now),
            _ => null,
        };
    }

    /// <summary>The local day <paramref name="daysBack"/> before today begins, as an instant.</summary>
    public static DateTimeOffset LocalMidnight(DateTimeOffset now, TimeZoneInfo zone, int daysBack)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(-daysBack);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
