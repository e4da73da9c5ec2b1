using ProjNet.CoordinateSystems;

namespace MapDashboard.Domain.Projection;

/// <summary>
/// The EPSG codes a metric frame may have, and the UTM zone of a point. The same rule as the database's
/// metric_crs_utm_srid (Schema/05_metric_crs.sql): zones of 6° from 180°W, a point on an edge in the zone east of
/// it, 326zz north of the equator and 327zz south.
/// </summary>
public static class MetricSrids
{
    /// <summary>The EPSG code of the WGS 84 UTM zone of a point.</summary>
    public static int UtmAt(double lon, double lat)
    {
        if (!double.IsFinite(lon) || !double.IsFinite(lat)) throw new ArgumentOutOfRangeException(nameof(lon), "not a position");
        var zone = Math.Clamp((int)Math.Floor((lon + 180) / 6) + 1, 1, 60);
        return (lat < 0 ? 32700 : 32600) + zone;
    }

    /// <summary>Whether <paramref name="srid"/> is a frame this class can build.</summary>
    public static bool IsKnown(int srid) => Utm(srid) is not null || GaussKruger(srid) is not null;

    /// <summary>The coordinate system of a frame's EPSG code.</summary>
    /// <exception cref="ArgumentException">The code is not a UTM or CGCS2000 Gauss-Krüger zone.</exception>
    public static ProjectedCoordinateSystem CoordinateSystem(int srid)
    {
        if (Utm(srid) is var (zone, north)) return ProjectedCoordinateSystem.WGS84_UTM(zone, north);
        if (GaussKruger(srid) is var (meridian, falseEasting, name)) return GaussKrugerSystem(name, meridian, falseEasting);
        throw new ArgumentException($"EPSG:{srid} is not a UTM (326zz/327zz) or CGCS2000 Gauss-Krüger (4491–4554) zone", nameof(srid));
    }

    static (int Zone, bool North)? Utm(int srid) => srid switch
    {
        >= 32601 and <= 32660 => (srid - 32600, true),
        >= 32701 and <= 32760 => (srid - 32700, false),
        _ => null,
    };

    // The CGCS2000 Gauss-Krüger codes, as EPSG defines them: 6° zones 13–23 with the zone number before the false
    // easting (4491–4501) and by central meridian 75°E–135°E without it (4502–4512); 3° zones 25–45 with the zone
    // number (4513–4533) and by central meridian without it (4534–4554).
    static (double Meridian, double FalseEasting, string Name)? GaussKruger(int srid) => srid switch
    {
        >= 4491 and <= 4501 => (6 * (srid - 4491 + 13) - 3, (srid - 4491 + 13) * 1e6 + 500000, $"CGCS2000 / Gauss-Kruger zone {srid - 4491 + 13}"),
        >= 4502 and <= 4512 => (75 + 6 * (srid - 4502), 500000, $"CGCS2000 / Gauss-Kruger CM {75 + 6 * (srid - 4502)}E"),
        >= 4513 and <= 4533 => (3 * (srid - 4513 + 25), (srid - 4513 + 25) * 1e6 + 500000, $"CGCS2000 / 3-degree Gauss-Kruger zone {srid - 4513 + 25}"),
        >= 4534 and <= 4554 => (75 + 3 * (srid - 4534), 500000, $"CGCS2000 / 3-degree Gauss-Kruger CM {75 + 3 * (srid - 4534)}E"),
        _ => null,
    };

    // Transverse Mercator with scale 1 on the central meridian, on WGS 84's geographic system: CGCS2000's ellipsoid
    // (GRS 80) differs from WGS 84's by 0.1 mm in the semi-minor axis, so projecting on WGS 84's moves no point by a
    // millimetre, while a separate CGCS2000 datum would send every point through ProjNet's geocentric datum
    // conversion (9 mm of round-trip error, and slower). PostGIS transforms 4326 to these codes with no datum
    // shift either (the two realisations agree to centimetres, below what a phone or a grid survey resolves).
    static ProjectedCoordinateSystem GaussKrugerSystem(string name, double meridian, double falseEasting)
    {
        var factory = new CoordinateSystemFactory();
        var projection = factory.CreateProjection("Transverse_Mercator", "Transverse_Mercator",
        [
            new ProjectionParameter("latitude_of_origin", 0), new ProjectionParameter("central_meridian", meridian),
            new ProjectionParameter("scale_factor", 1), new ProjectionParameter("false_easting", falseEasting),
            new ProjectionParameter("false_northing", 0),
        ]);
        return factory.CreateProjectedCoordinateSystem(name, GeographicCoordinateSystem.WGS84, projection, LinearUnit.Metre,
            new AxisInfo("East", AxisOrientationEnum.East), new AxisInfo("North", AxisOrientationEnum.North));
    }
}
