using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace MapDashboard.Domain.Projection;

/// <summary>
/// Projects between WGS84 / CGCS2000 longitude-latitude (EPSG:4326) and UTM zone 48N (EPSG:32648),
/// the metric frame the project measures areas, lengths and buffers in around Lanzhou (~103.8°E).
/// </summary>
public static class Utm48N
{
    public const int Srid = 32648;
    public const int Wgs84Srid = 4326;

    // Two separate transforms instead of one Invert()ed instance: Invert() mutates the transform,
    // while Transform() on an un-inverted instance only reads its fields, so sharing them across threads is safe.
    private static readonly MathTransform Forward = CreateTransform(toUtm: true);
    private static readonly MathTransform Inverse = CreateTransform(toUtm: false);

    private static readonly GeometryFactory UtmFactory = new(new PrecisionModel(), Srid);
    private static readonly GeometryFactory Wgs84Factory = new(new PrecisionModel(), Wgs84Srid);

    /// <summary>Longitude/latitude in degrees to UTM 48N easting/northing in metres.</summary>
    public static (double X, double Y) FromLonLat(double lon, double lat) => Forward.Transform(lon, lat);

    /// <summary>UTM 48N easting/northing in metres to longitude/latitude in degrees.</summary>
    public static (double Lon, double Lat) ToLonLat(double x, double y) => Inverse.Transform(x, y);

    /// <summary>A copy of an EPSG:4326 geometry in UTM 48N metres (SRID 32648).</summary>
    public static Geometry Project(Geometry wgs84)
        => Apply(wgs84, Forward, UtmFactory);

    /// <summary>A copy of a UTM 48N geometry in EPSG:4326 degrees (SRID 4326).</summary>
    public static Geometry Unproject(Geometry utm)
        => Apply(utm, Inverse, Wgs84Factory);

    private static Geometry Apply(
        Geometry source, MathTransform transform, GeometryFactory factory)
    {
        var copy = factory.CreateGeometry(source);
        copy.Apply(new MathTransformFilter(transform));
        copy.GeometryChanged();
        return copy;
    }

    private static MathTransform CreateTransform(bool toUtm)
    {
        var geographic = GeographicCoordinateSystem.WGS84;
        var utm = ProjectedCoordinateSystem.WGS84_UTM(48, true);
        var factory = new CoordinateTransformationFactory();
        var transformation = toUtm
            ? factory.CreateFromCoordinateSystems(geographic, utm)
            : factory.CreateFromCoordinateSystems(utm, geographic);
        return transformation.MathTransform;
    }
}
