namespace MapDashboard.Server.Options;

/// <summary>
/// The metric frame areas, lengths and distances are taken in. Unset, it follows the district: the UTM zone of its
/// centroid (EPSG:326zz). Set, it overrides that with a UTM zone or a CGCS2000 Gauss-Krüger zone, e.g. 4544
/// (3° zone, central meridian 105°E) for a district surveyed in it.
/// </summary>
public sealed class MetricCrsOptions
{
    public const string Section = "MetricCrs";

    /// <summary>The frame's EPSG code: 32601–32660 / 32701–32760 (UTM) or 4491–4554 (CGCS2000 Gauss-Krüger); null follows the district.</summary>
    public int? Srid { get; set; }
}
