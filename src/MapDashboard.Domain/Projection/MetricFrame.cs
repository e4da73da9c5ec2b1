using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace MapDashboard.Domain.Projection;

/// <summary>
/// A metric frame: a transverse Mercator projection (UTM or CGCS2000 Gauss-Krüger) in which areas, lengths and
/// distances of lon/lat geometry (EPSG:4326) are taken. The database decides which one the district uses
/// (metric_srid(), Schema/05_metric_crs.sql); C# code asks for the same SRID here, so both measure alike.
/// </summary>
public sealed class MetricFrame
{
    public const int Wgs84Srid = 4326;

    static readonly ConcurrentDictionary<int, MetricFrame> BySrid = new();

    // Two separate transforms instead of one Invert()ed instance: Invert() mutates the transform,
    // while Transform() on an un-inverted instance only reads its fields, so sharing them across threads is safe.
    readonly MathTransform _forward;
    readonly MathTransform _inverse;
    readonly GeometryFactory _metricFactory;
    static readonly GeometryFactory Wgs84Factory = new(new PrecisionModel(), Wgs84Srid);

    MetricFrame(int srid, ProjectedCoordinateSystem system)
    {
        Srid = srid;
        Name = system.Name;
        var factory = new CoordinateTransformationFactory();
        _forward = factory.CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, system).MathTransform;
        _inverse = factory.CreateFromCoordinateSystems(system, GeographicCoordinateSystem.WGS84).MathTransform;
        _metricFactory = new GeometryFactory(new PrecisionModel(), srid);
    }

    public int Srid { get; }

    public string Name { get; }

    /// <summary>The frame of an EPSG code (see <see cref="MetricSrids"/> for the codes known); one instance per code.</summary>
    /// <exception cref="ArgumentException">The code is not a UTM or CGCS2000 Gauss-Krüger zone.</exception>
    public static MetricFrame ForSrid(int srid) => BySrid.GetOrAdd(srid, s => new MetricFrame(s, MetricSrids.CoordinateSystem(s)));

    /// <summary>The frame of the UTM zone a point lies in (what the database picks for a district's centroid).</summary>
    public static MetricFrame AtLocation(double lon, double lat) => ForSrid(MetricSrids.UtmAt(lon, lat));

    /// <summary>Longitude/latitude in degrees to easting/northing in metres.</summary>
    public (double X, double Y) FromLonLat(double lon, double lat) => _forward.Transform(lon, lat);

    /// <summary>Easting/northing in metres to longitude/latitude in degrees.</summary>
    public (double Lon, double Lat) ToLonLat(double x, double y) => _inverse.Transform(x, y);

    /// <summary>A copy of an EPSG:4326 geometry in this frame's metres (SRID <see cref="Srid"/>).</summary>
    public Geometry Project(Geometry wgs84) => Apply(wgs84, _forward, _metricFactory);

    /// <summary>A copy of a geometry in this frame's metres in EPSG:4326 degrees (SRID 4326).</summary>
    public Geometry Unproject(Geometry metric) => Apply(metric, _inverse, Wgs84Factory);

    static Geometry Apply(Geometry source, MathTransform transform, GeometryFactory factory)
    {
        var copy = factory.CreateGeometry(source);
        copy.Apply(new MathTransformFilter(transform));
        copy.GeometryChanged();
        return copy;
    }
}
