using MapDashboard.Domain.Input;
using NetTopologySuite.Geometries;

namespace MapDashboard.Domain.Patrols;

/// <summary>
/// What a saved route must be: named, a line of at least two distinct vertices,
/// every vertex a WGS84 position inside the district (with a hint when latitude
/// and longitude were swapped). A route may cross itself (a sweep doubles back);
/// a line of one repeated point is not a route. Every problem is reported.
/// </summary>
public sealed class RouteValidator(ServiceArea area)
{
    public const int MaxName = 200;
    public const int MaxVertices = 5000;

    static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public IReadOnlyList<string> Validate(RouteDraft route)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(route.Name)) problems.Add("name is required");
        else if (TextRules.Problem(route.Name, "name", MaxName) is { } name) problems.Add(name);

        if (route.Path is null) { problems.Add("path is required: a GeoJSON LineString in EPSG:4326"); return problems; }
        if (route.Path.Count < 2) { problems.Add($"path has {route.Path.Count} vertex; a route needs at least 2"); return problems; }
        if (route.Path.Count > MaxVertices) { problems.Add($"path has {route.Path.Count} vertices; at most {MaxVertices}"); return problems; }

        var before = problems.Count;
        for (var i = 0; i < route.Path.Count; i++) CheckVertex(i, route.Path[i], problems);
        if (problems.Count > before) return problems;

        var line = Factory.CreateLineString(route.Path.Select(p => new Coordinate(p[0], p[1])).ToArray());
        if (!line.IsValid) problems.Add("path is not a valid line: its vertices are all the same point (zero length)");
        return problems;
    }

    void CheckVertex(int i, double[] p, List<string> problems)
    {
        if (p.Length < 2 || !double.IsFinite(p[0]) || !double.IsFinite(p[1]))
            problems.Add($"path vertex {i} must be [lon, lat] in degrees");
        else if (area.Contains(p[0], p[1])) return;
        else if (area.Contains(p[1], p[0]))
            problems.Add($"path vertex {i} [{p[0]}, {p[1]}]: longitude and latitude look swapped (GeoJSON is [lon, lat])");
        else
            problems.Add($"path vertex {i} [{p[0]}, {p[1]}] is outside the district");
    }
}
