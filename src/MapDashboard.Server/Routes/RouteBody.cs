using System.Text.Json;
using MapDashboard.Domain.Patrols;
using MapDashboard.Server.Http;
using NetTopologySuite.Geometries;

namespace MapDashboard.Server.Routes;

/// <summary>POST/PUT /api/routes body; path is a GeoJSON LineString (or a Feature holding one) in EPSG:4326.</summary>
public sealed record RouteBody(string? Name, JsonElement? Path, string? Grid, string? Worker, string? PlannedFor)
{
    /// <summary>The path's vertices, or null with the reason it is not a LineString.</summary>
    public (IReadOnlyList<double[]>? Vertices, string? Problem) ReadPath()
    {
        if (Path is not { ValueKind: JsonValueKind.Object } path) return (null, null);
        if (path.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.ValueEquals("Feature") && path.TryGetProperty("geometry", out var g))
            path = g;
        if (path.ValueKind != JsonValueKind.Object || !path.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            return (null, "path must be a GeoJSON LineString");
        // Compared raw: GetString would throw on a lone surrogate, and a huge type is not echoed whole.
        if (!type.ValueEquals("LineString"))
            return (null, $"path must be a GeoJSON LineString, not {Shown(type)}");
        if (!path.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            return (null, "path has no coordinates array");
        return (coordinates.EnumerateArray().Select(Position).ToList(), null);
    }

    static string Shown(JsonElement value) =>
        value.GetRawText() is { Length: <= 40 } raw && !raw.Contains('\\') ? "a " + raw.Trim('"') : "that type";

    /// <summary>A position that is not an array of numbers becomes NaN, which the validator names by index.</summary>
    static double[] Position(JsonElement p) =>
        p.ValueKind != JsonValueKind.Array ? [double.NaN]
        : p.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.Number && n.TryGetDouble(out var d) && double.IsFinite(d) ? d : double.NaN).ToArray();

    /// <summary>
    /// The validated vertices as the line PostGIS stores, SRID 4326, bound as a geometry parameter (PostGIS parses
    /// no text). A height a client sent is dropped: a route is stored 2D.
    /// </summary>
    public static LineString Line(IReadOnlyList<double[]> vertices) =>
        Wgs84.Factory.CreateLineString(vertices.Select(v => new Coordinate(v[0], v[1])).ToArray());

    public RouteDraft ToDraft(IReadOnlyList<double[]>? vertices) => new(Name, vertices);
}
