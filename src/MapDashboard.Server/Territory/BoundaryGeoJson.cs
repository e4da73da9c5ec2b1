using System.Globalization;
using System.Text.Json;
using MapDashboard.Server.Http;
using NetTopologySuite.Geometries;

namespace MapDashboard.Server.Territory;

/// <summary>
/// The shape of a proposed boundary, checked in C# and then built from the checked positions as an NTS
/// (Multi)Polygon in EPSG:4326 that is bound as a parameter (PostGIS parses no text), so that every refusal names
/// the fault in plain words and nothing huge or malformed costs a query: GeoJSON types are case-sensitive and
/// exact, positions are two finite numbers [lon, lat] (boundaries are 2D: a third number is refused, not silently
/// dropped), rings are closed with at least four positions, and a boundary has at most <see cref="MaxVertices"/> vertices (the demo's largest unit has ~400; a city street a few
/// thousand). A crs member naming another CRS is refused: the positions are taken as EPSG:4326. Validity, area
/// and containment in the parent are PostGIS's part (boundary_check.sql).
/// </summary>
public static class BoundaryGeoJson
{
    public const int MaxVertices = 20_000;

    static readonly string[] OtherGeometryTypes = ["Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection"];

    /// <summary>The geometry member of a Feature, or the body itself; null when the body is not a JSON object.</summary>
    public static JsonElement? Geometry(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("Feature"))
            return root.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object ? g : null;
        return root;
    }

    /// <summary>Why the geometry cannot be a boundary, or null and the boundary for PostGIS to judge further.</summary>
    public static string? Problem(JsonElement geometry, out Geometry? boundary)
    {
        boundary = null;
        if (!geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            return "the geometry has no type; a boundary is a GeoJSON Polygon or MultiPolygon";
        var isPolygon = type.ValueEquals("Polygon");
        if (!isPolygon && !type.ValueEquals("MultiPolygon"))
        {
            if (OtherGeometryTypes.FirstOrDefault(t => type.ValueEquals(t)) is { } other)
                return $"the geometry is a {other}; a boundary is a Polygon or MultiPolygon";
            return "the type is not a GeoJSON geometry type; a boundary is a \"Polygon\" or \"MultiPolygon\" (GeoJSON types are case-sensitive)";
        }
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            return "the GeoJSON cannot be read: coordinates must be an array of rings";

        var vertices = 0;
        var polygons = new List<Polygon>();
        if (isPolygon)
        {
            if (PolygonProblem(coordinates, "", ref vertices, polygons) is { } problem) return problem;
        }
        else
        {
            var p = 0;
            foreach (var polygon in coordinates.EnumerateArray())
            {
                if (polygon.ValueKind != JsonValueKind.Array) return $"the GeoJSON cannot be read: polygon {p} must be an array of rings";
                if (PolygonProblem(polygon, $"polygon {p} ", ref vertices, polygons) is { } problem) return problem;
                p++;
            }
            if (p == 0) return "the polygon is empty";
        }
        // After the positions, where the SQL check judged a crs before: a refusal names the same fault it did.
        if (CrsProblem(geometry) is { } crs) return crs;
        boundary = isPolygon ? polygons[0] : Wgs84.Factory.CreateMultiPolygon([.. polygons]);
        return null;
    }

    /// <summary>
    /// The positions are taken as EPSG:4326, so a named crs must be that one (or OGC CRS84, the same axes here);
    /// any other EPSG code is refused as PostGIS's parser placed it in that SRID before, and anything else as unreadable.
    /// </summary>
    static string? CrsProblem(JsonElement geometry)
    {
        if (!geometry.TryGetProperty("crs", out var crs) || crs.ValueKind == JsonValueKind.Null) return null;
        var name = crs.ValueKind == JsonValueKind.Object && crs.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("name", out var n)
            && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (name is null || !(name.StartsWith("EPSG:") || name.StartsWith("urn:ogc:def:crs:")))
            return "the geometry's crs cannot be read; send EPSG:4326 longitude/latitude";
        if (name.EndsWith(":CRS84")) return null;
        var code = name[(name.LastIndexOf(':') + 1)..];
        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var srid))
            return "the geometry's crs cannot be read; send EPSG:4326 longitude/latitude";
        return srid == 4326 ? null : $"the boundary is in SRID {srid}; send EPSG:4326 longitude/latitude";
    }

    static string? PolygonProblem(JsonElement rings, string where, ref int vertices, List<Polygon> polygons)
    {
        var r = 0;
        var built = new List<LinearRing>();
        foreach (var ring in rings.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array) return $"the GeoJSON cannot be read: {where}ring {r} must be an array of positions";
            var count = ring.GetArrayLength();
            if (count < 4) return $"{where}ring {r} has {count} positions; a closed ring needs at least 4";
            vertices += count;
            if (vertices > MaxVertices) return $"the boundary has more than {MaxVertices:N0} vertices; simplify it first";
            var positions = new Coordinate[count];
            var i = 0;
            foreach (var position in ring.EnumerateArray())
            {
                if (PositionProblem(position, $"{where}ring {r} position {i}", out var lonLat) is { } problem) return problem;
                positions[i++] = new Coordinate(lonLat.Lon, lonLat.Lat);
            }
            if (!positions[0].Equals2D(positions[^1])) return $"{where}ring {r} is not closed: its first and last positions differ";
            built.Add(Wgs84.Factory.CreateLinearRing(positions));
            r++;
        }
        if (r == 0) return "the polygon is empty";
        // Rings as sent: NTS builds without judging validity, so a self-intersection reaches ST_IsValidReason.
        polygons.Add(Wgs84.Factory.CreatePolygon(built[0], [.. built.Skip(1)]));
        return null;
    }

    static string? PositionProblem(JsonElement position, string where, out (double Lon, double Lat) lonLat)
    {
        lonLat = default;
        if (position.ValueKind != JsonValueKind.Array) return $"{where} must be [lon, lat]";
        var n = position.GetArrayLength();
        if (n > 2) return $"{where} has {n} numbers: boundaries are 2D, send [lon, lat] without a height";
        if (n < 2) return $"{where} must be [lon, lat]";
        var lon = position[0];
        var lat = position[1];
        if (lon.ValueKind != JsonValueKind.Number || lat.ValueKind != JsonValueKind.Number
            || !lon.TryGetDouble(out var x) || !lat.TryGetDouble(out var y) || !double.IsFinite(x) || !double.IsFinite(y))
            return $"{where} must be two finite numbers [lon, lat]";
        if (x is < -180 or > 180 || y is < -90 or > 90)
            return $"{where} [{x.ToString(CultureInfo.InvariantCulture)}, {y.ToString(CultureInfo.InvariantCulture)}]: coordinates are out of longitude/latitude range; send EPSG:4326 [lon, lat]";
        lonLat = (x, y);
        return null;
    }
}
