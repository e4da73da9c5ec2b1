using System.Globalization;
using System.Text.Json;

namespace MapDashboard.Server.Endpoints.Boundary;

/// <summary>
/// The shape of a proposed boundary, checked in C# before PostGIS parses it, so that every refusal names the
/// fault in plain words (PostGIS's parser messages never reach the client) and nothing huge or malformed costs a
/// query: GeoJSON types are case-sensitive and exact, positions are two finite numbers [lon, lat] (boundaries are
/// 2D: a third number is refused, not silently dropped), rings are closed with at least four positions, and a
/// boundary has at most <see cref="MaxVertices"/> vertices (the demo's largest unit has ~400; a city street a few
/// thousand). Validity, SRID, area and containment in the parent are PostGIS's part (boundary_check.sql).
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

    /// <summary>Why the geometry cannot be a boundary, or null when PostGIS may take it from here.</summary>
    public static string? Problem(JsonElement geometry)
    {
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
        if (isPolygon) return PolygonProblem(coordinates, "", ref vertices);
        var p = 0;
        foreach (var polygon in coordinates.EnumerateArray())
        {
            if (polygon.ValueKind != JsonValueKind.Array) return $"the GeoJSON cannot be read: polygon {p} must be an array of rings";
            if (PolygonProblem(polygon, $"polygon {p} ", ref vertices) is { } problem) return problem;
            p++;
        }
        return p == 0 ? "the polygon is empty" : null;
    }

    static string? PolygonProblem(JsonElement rings, string where, ref int vertices)
    {
        var r = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array) return $"the GeoJSON cannot be read: {where}ring {r} must be an array of positions";
            var count = ring.GetArrayLength();
            if (count < 4) return $"{where}ring {r} has {count} positions; a closed ring needs at least 4";
            vertices += count;
            if (vertices > MaxVertices) return $"the boundary has more than {MaxVertices:N0} vertices; simplify it first";
            var i = 0;
            (double, double) first = default, last = default;
            foreach (var position in ring.EnumerateArray())
            {
                if (PositionProblem(position, $"{where}ring {r} position {i}", out var lonLat) is { } problem) return problem;
                if (i == 0) first = lonLat;
                last = lonLat;
                i++;
            }
            if (first != last) return $"{where}ring {r} is not closed: its first and last positions differ";
            r++;
        }
        return r == 0 ? "the polygon is empty" : null;
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
