using System.Text.Json;
using MapDashboard.Data.Patrols;
using MapDashboard.Domain.Patrols;
using MapDashboard.Server.Http;
using MapDashboard.Server.Patrols;
using NetTopologySuite.Geometries;

namespace MapDashboard.Server.Routes;

/// <summary>
/// A line a planner drew and has not saved, checked exactly as a saved route's path is (RouteBody reads it,
/// RouteValidator judges it): a draft the analysis accepts is one the planner can save.
/// </summary>
public static class DrawnPath
{
    /// <summary>The path as a line in EPSG:4326, or a 400 problem naming every problem.</summary>
    public static async Task<(LineString? Line, IResult? Problem)> CheckAsync(JsonElement? path, ServiceAreaSource area, CancellationToken cancel)
    {
        if (path is not { ValueKind: JsonValueKind.Object })
            return (null, Problems.BadRequest("No path", "path is required: a GeoJSON LineString in EPSG:4326 [lon, lat]"));
        var draft = new RouteBody("draft", path, null, null, null);
        var (vertices, problem) = draft.ReadPath();
        if (problem is not null) return (null, Problems.BadRequest("Path rejected", problem));
        var problems = new RouteValidator(await area.GetAsync(cancel)).Validate(draft.ToDraft(vertices));
        return problems.Count > 0
            ? (null, Problems.BadRequest("Path rejected", string.Join("; ", problems)))
            : (RouteBody.Line(vertices!), null);
    }
}
