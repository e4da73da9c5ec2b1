using MapDashboard.Data;
using MapDashboard.Server.Http;
using Npgsql;

namespace MapDashboard.Server.Grids;

/// <summary>
/// /api/grids/{code}…: one grid with its worker, buildings, households, residents and hazards (the leader's grid panel),
/// its patrol coverage and a suggested route through it.
/// </summary>
public static class GridsApi
{
    static readonly string PanelSql = SqlResource.Beside<Marker>("grid_panel.sql");

    public static IEndpointRouteBuilder MapGridsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/grids/{code}", GetGrid).RequireAuthorization(Auth.Policies.Read);
        app.MapGet("/api/grids/{code}/coverage", GridCoverageApi.Get).RequireAuthorization(Auth.Policies.Read);
        app.MapPost("/api/grids/{code}/route-suggestion", RouteSuggestionApi.Post).RequireAuthorization(Auth.Policies.Plan);
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
