using MapDashboard.Domain.Projection;
using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Projection;

/// <summary>
/// Turns UTM 48N metres into EPSG:4326 coordinates rounded to 7 decimals (about 1 cm), the precision data/ is
/// written in. Rounding happens here, once per point, so a shared vertex is the same number everywhere it is used.
/// </summary>
public static class RoundedWgs84
{
    public const int Decimals = 7;

    public static GeometryFactory Factory { get; } = new(new PrecisionModel(), Utm48N.Wgs84Srid);

    public static Coordinate FromUtm(double x, double y)
    {
        var (lon, lat) = Utm48N.ToLonLat(x, y);
        return new Coordinate(Math.Round(lon, Decimals), Math.Round(lat, Decimals));
    }

    public static Coordinate FromUtm((double X, double Y) point) => FromUtm(point.X, point.Y);

    public static Point Point((double X, double Y) utm) => Factory.CreatePoint(FromUtm(utm));

    /// <summary>A polygon from an open UTM ring (the closing vertex is added here).</summary>
    public static Polygon Polygon(IReadOnlyList<(double X, double Y)> openRing)
    {
        var coordinates = new Coordinate[openRing.Count + 1];
        for (var k = 0; k < openRing.Count; k++)
            coordinates[k] = FromUtm(openRing[k]);
        coordinates[^1] = coordinates[0].Copy();
        return Factory.CreatePolygon(coordinates);
    }

    public static LineString Line(IEnumerable<(double X, double Y)> utm) =>
        Factory.CreateLineString(utm.Select(FromUtm).ToArray());

    public static double[] LonLat(Coordinate c) => [Math.Round(c.X, Decimals), Math.Round(c.Y, Decimals)];
}
