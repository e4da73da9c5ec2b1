using System.Globalization;
using System.Text.RegularExpressions;

namespace MapDashboard.Tools.Bench;

/// <summary>A duration as people write it on a command line: 2h, 90m, 45s, 1h30m (or a TimeSpan, 02:00:00).</summary>
public static partial class DurationOption
{
    public static TimeSpan Parse(string text)
    {
        var m = Duration().Match(text.Trim());
        if (m.Success && m.Length > 0)
            return TimeSpan.FromHours(Number(m.Groups["h"])) + TimeSpan.FromMinutes(Number(m.Groups["m"])) + TimeSpan.FromSeconds(Number(m.Groups["s"]));
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)) return span;
        throw new FormatException($"'{text}' is no duration (e.g. 2h, 30m, 1h30m, 45s)");
    }

    static double Number(Group g) => g.Success ? double.Parse(g.Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m)?(?:(?<s>\d+(?:\.\d+)?)s)?$")]
    private static partial Regex Duration();
}
