using System.Globalization;
using System.Text.RegularExpressions;

namespace MapDashboard.Domain.Input;

/// <summary>
/// The sane window for any time or date a client sends. Nothing in this district's records predates 2000 (a
/// 0001-01-01 or a 1970 epoch is a device or client bug, and PostgreSQL would store year 1 as -infinity), an
/// event cannot be recorded later than now plus the clock-drift tolerance, and a plan or a query may look ahead
/// at most <see cref="Horizon"/>.
/// </summary>
public static partial class TimeRules
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);

    /// <summary>How far ahead a planned day or a query window may reach.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(366);

    /// <summary>Why an event time (a ping's recordedAt) is outside the window, or null.</summary>
    public static string? EventProblem(DateTimeOffset at, string field, DateTimeOffset now, TimeSpan futureTolerance)
    {
        if (at < Earliest) return $"{field} {at:O} is before {Earliest:yyyy-MM-dd}: not a time this system records";
        if (at > now + futureTolerance)
            return $"{field} {at:O} is {(at - now).TotalSeconds:F0} s in the future (more than {futureTolerance.TotalSeconds:F0} s of clock drift)";
        return null;
    }

    /// <summary>Why a query bound or a plan time is outside the window, or null.</summary>
    public static string? WindowProblem(DateTimeOffset at, string field, DateTimeOffset now)
    {
        if (at < Earliest) return $"{field} {at:O} is before {Earliest:yyyy-MM-dd}";
        if (at > now + Horizon) return $"{field} {at:O} is more than {Horizon.TotalDays:F0} days ahead";
        return null;
    }

    /// <summary>Why a day (a planned day, a date filter) is outside the window, or null.</summary>
    public static string? DayProblem(DateOnly day, string field, DateOnly today)
    {
        if (day < EarliestDay) return $"{field} {day:yyyy-MM-dd} is before {EarliestDay:yyyy-MM-dd}";
        if (day > today.AddDays((int)Horizon.TotalDays)) return $"{field} {day:yyyy-MM-dd} is more than {Horizon.TotalDays:F0} days ahead";
        return null;
    }

    /// <summary>
    /// An instant written in ISO 8601 with its offset (2026-12-03T08:00:00+08:00, 2026-12-03T00:00:00Z) inside the
    /// window, or why not. A time without an offset is refused: the district's local time and UTC are 8 hours apart.
    /// </summary>
    public static string? ParseInstant(string text, string field, DateTimeOffset now, out DateTimeOffset at)
    {
        at = default;
        if (!IsoInstant().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
            return $"{field} '{text}' is not an ISO 8601 time with an offset, e.g. 2026-12-03T08:00:00+08:00 or 2026-12-03T00:00:00Z";
        return WindowProblem(at, field, now);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoInstant();

    /// <summary>A day written YYYY-MM-DD inside the window, or why not.</summary>
    public static string? ParseDay(string text, string field, DateOnly today, out DateOnly day)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return $"{field} '{text}' is not a day written YYYY-MM-DD";
        return DayProblem(day, field, today);
    }
}
