using System.Globalization;

namespace MapDashboard.Server.Ogc;

/// <summary>
/// The datetime parameter of OGC API Features: an RFC 3339 instant, or an interval <c>start/end</c> with either
/// end open (<c>..</c> or empty). An instant matches features at exactly that time.
/// </summary>
public static class OgcDateTime
{
    public static (DateTimeOffset? From, DateTimeOffset? To, string? Problem) Read(string text)
    {
        if (text.Length == 0) return (null, null, null);
        var parts = text.Split('/');
        if (parts.Length > 2) return (null, null, $"datetime={text} is neither an instant nor one interval start/end");
        if (parts.Length == 1)
            return Instant(parts[0]) is { } at ? (at, at, null) : (null, null, Wrong(text, parts[0]));
        DateTimeOffset? from = null, to = null;
        if (!Open(parts[0]) && (from = Instant(parts[0])) is null) return (null, null, Wrong(text, parts[0]));
        if (!Open(parts[1]) && (to = Instant(parts[1])) is null) return (null, null, Wrong(text, parts[1]));
        if (from is null && to is null) return (null, null, $"datetime={text} is open at both ends; leave datetime out instead");
        if (from > to) return (null, null, $"datetime={text}: the start is after the end");
        return (from, to, null);
    }

    static bool Open(string part) => part is "" or "..";

    /// <summary>RFC 3339 with a zone (Z or ±hh:mm); a time without one is ambiguous, so it is refused.</summary>
    static DateTimeOffset? Instant(string part) =>
        (part.EndsWith('Z') || part.EndsWith('z') || part.LastIndexOfAny(['+', '-']) > part.IndexOf('T'))
        && part.Contains('T', StringComparison.OrdinalIgnoreCase)
        && DateTimeOffset.TryParse(part, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    static string Wrong(string text, string part) =>
        $"datetime={text}: '{part}' is not an RFC 3339 date-time with its zone (2026-12-03T08:00:00Z)";
}
