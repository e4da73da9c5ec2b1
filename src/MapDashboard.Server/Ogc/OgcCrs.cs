namespace MapDashboard.Server.Ogc;

/// <summary>
/// The coordinate systems the OGC API answers in and takes boxes in (Part 2): CRS84 (longitude, latitude: the
/// default and what is stored), EPSG:4326 (WGS 84, latitude first as EPSG defines its axes) and EPSG:4490
/// (CGCS2000, the Chinese national system, latitude first). PostGIS/PROJ transforms 4326 to 4490 as the identity:
/// the two datums agree to within a few centimetres, far below the data's own accuracy.
/// </summary>
public sealed record OgcCrs(string Uri, int Srid, bool LatitudeFirst)
{
    public static readonly OgcCrs Crs84 = new("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false);
    public static readonly OgcCrs Wgs84 = new("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true);
    public static readonly OgcCrs Cgcs2000 = new("http://www.opengis.net/def/crs/EPSG/0/4490", 4490, true);

    public static readonly IReadOnlyList<OgcCrs> All = [Crs84, Wgs84, Cgcs2000];

    /// <summary>The CRS a parameter names: its URI (also the short forms <c>EPSG:4490</c>, <c>[EPSG:4490]</c>, <c>CRS84</c>); null if not served.</summary>
    public static OgcCrs? Parse(string text)
    {
        var name = text.Trim().TrimStart('[').TrimEnd(']');
        return All.FirstOrDefault(c => c.Uri == name
            || string.Equals(name, c == Crs84 ? "OGC:CRS84" : $"EPSG:{c.Srid}", StringComparison.OrdinalIgnoreCase)
            || c == Crs84 && string.Equals(name, "CRS84", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The Content-Crs header's value: the URI in angle brackets.</summary>
    public string Header => $"<{Uri}>";
}
