using MapDashboard.Domain.Projection;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using ProjNet.IO.CoordinateSystems;

namespace MapDashboard.Data.Import.Coordinates;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>
/// Brings a source's coordinates to EPSG:4326 longitude/latitude with ProjNET, from the WKT of its system (a .prj, a
/// GeoPackage definition, or PostGIS's spatial_ref_sys for an EPSG code). CGCS2000 and WGS84 are taken as one datum
/// (they differ by centimetres, below any survey of grids), as PostGIS and GDAL do for EPSG:4490.
/// </summary>
public sealed class ToWgs84
{
    readonly MathTransform? _transform;

    ToWgs84(MathTransform? transform) => _transform = transform;

    /// <summary>What the report says the source was in.</summary>
    public required string Description { get; init; }

    public static ToWgs84 FromWkt(string wkt, string? code = null)
    {
        CoordinateSystem source;
        try
        {
            // ESRI .prj files (ArcGIS, GDAL's Shapefile writer) name the Gauss-Krüger projection by its Chinese
            // custom; it is the transverse Mercator.
            source = (CoordinateSystem)CoordinateSystemWktReader.Parse(wkt.Replace("\"Gauss_Kruger\"", "\"Transverse_Mercator\""));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidCastException or FormatException)
        {
            throw new ImportInputException($"无法识别的坐标系定义（{e.Message}）", $"unrecognised coordinate system definition ({e.Message})", ImportOption.Srs);
        }
        if (source is GeographicCoordinateSystem { AngularUnit.RadiansPerUnit: var r } && Math.Abs(r - Math.PI / 180) < 1e-12)
            return new ToWgs84(null) { Description = Describe(source, code) };
        var transform = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(source, GeographicCoordinateSystem.WGS84).MathTransform;
        return new ToWgs84(transform) { Description = Describe(source, code) };
    }

    static string Describe(CoordinateSystem source, string? code) => code is null ? source.Name : $"{code} {source.Name}";

    /// <summary>A copy of <paramref name="geometry"/> in EPSG:4326.</summary>
    public Geometry Apply(Geometry geometry)
    {
        var copy = geometry.Copy();
        if (_transform is not null)
        {
            copy.Apply(new MathTransformFilter(_transform));
            copy.GeometryChanged();
        }
        copy.SRID = 4326;
        return copy;
    }
}
