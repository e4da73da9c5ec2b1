using MapDashboard.Data;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Http;
using MapDashboard.Server.Permissions;
using Npgsql;

namespace MapDashboard.Server.Grids;

/// <summary>
/// /api/grids/{code}…: one grid with its worker, buildings, households, residents and hazards (the leader's grid panel),
/// its patrol coverage and a suggested route through it.
/// </summary>
public static class GridsApi
{
    static readonly string PanelSql = SqlResource.Beside<Marker>("grid_panel.sql");

    // People in the answers, judged by the grid: its worker (buildings' and hazards' owners and managers are
    // organisations, on public registers: not personal data); the workers who walked in it.
    static readonly PersonalDataShape Panel = PersonalDataShape.Of("", ["grid.code"],
        ("grid.gridWorker.name", PersonalKind.Name), ("grid.gridWorker.phone", PersonalKind.Phone));
    static readonly PersonalDataShape Coverage = PersonalDataShape.Of("", ["grid"], ("workers[].name", PersonalKind.Name));

    public static IEndpointRouteBuilder MapGridsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/grids/{code}", GetGrid).Produces<GridPanel>().Discloses(Panel).RequireAuthorization(Auth.Policies.Read);
        app.MapGet("/api/grids/{code}/coverage", GridCoverageApi.Get).Produces<GridCoverage>().Discloses(Coverage).RequireAuthorization(Auth.Policies.Read);
        app.MapPost("/api/grids/{code}/route-suggestion", RouteSuggestionApi.Post).Produces<RouteSuggestion>().RequireAuthorization(Auth.Policies.Plan);
        return app;
    }

    static async Task<IResult> GetGrid(string code, NpgsqlDataSource db, CancellationToken cancel)
    {
        var json = await SqlJson.QueryAsync(db, PanelSql, cancel, ("code", code));
        return json is null
            ? Problems.NotFound("Unknown grid", $"no community, dedicated, micro or police grid has code '{code}'")
            : SqlJson.Json(json);
    }

    sealed class Marker;
}
