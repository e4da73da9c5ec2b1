using System.Text.RegularExpressions;

namespace MapDashboard.Data.Import.Coordinates;

/// <summary>EPSG codes as people and files write them: EPSG:4544, epsg:4490, urn:ogc:def:crs:EPSG::4544, 4326.</summary>
public static partial class CrsName
{
    public static int? Epsg(string name)
    {
        if (name.Contains("CRS84", StringComparison.OrdinalIgnoreCase)) return 4326;
        var match = EpsgPattern().Match(name.Trim());
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^(?:(?:urn:ogc:def:crs:)?EPSG:{1,2}(?:[\d.]*:)?)?(\d{4,6})$", RegexOptions.IgnoreCase)]
    private static partial Regex EpsgPattern();
}
