using System.Text.Json;
using MapDashboard.Data;
using MapDashboard.Data.Patrols;
using MapDashboard.Domain.Input;
using MapDashboard.Server.Coverage;
using MapDashboard.Server.Http;
using MapDashboard.Server.Territory;
using Npgsql;

namespace MapDashboard.Server.Routes;

/// <summary>
/// POST /api/routes/analysis — a drafted, unsaved route measured as if it had been walked: length, walking time,
/// the share of the grid it covers, what it passes and what it misses. Writes nothing.
/// </summary>
public static class RouteAnalysisApi
{
    static readonly string Sql = SqlResource.Beside<Marker>("route_analysis.sql");

    public sealed record Body(JsonElement? Path, string? Grid);

    public static async Task<IResult> Post(Body? body, NpgsqlDataSource db, ServiceAreaSource area, CancellationToken cancel)
    {
        var (path, problem) = await DrawnPath.CheckAsync(body?.Path, area, cancel);
        if (problem is not null) return problem;
        if (TextRules.Problem(body!.Grid, "grid", TextRules.MaxCode) is { } text) return Problems.BadRequest("Bad grid", text);
        if (body.Grid is { } grid && !await TerritoryLookup.PatrolGridExistsAsync(db, grid, cancel))
            return CoverageProblems.UnknownGrid(grid);
        var json = await SqlJson.QueryAsync(db, Sql, cancel, ("path", path!), ("grid", (object?)body.Grid ?? DBNull.Value));
        return SqlJson.Json(json!);
    }

    sealed class Marker;
}
