using MapDashboard.Data;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Http;
using MapDashboard.Server.Permissions;
using MapDashboard.Server.Territory;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Patrols;

/// <summary>GET /api/patrols/workers: where every grid worker last was, and how long ago.</summary>
public static class WorkersApi
{
    static readonly string SnapshotSql = SqlResource.Beside<Marker>("workers_snapshot.sql");

    /// <summary>Each worker's name, judged by the unit they belong to (as on the live 'workers' layer).</summary>
    static readonly PersonalDataShape Workers = PersonalDataShape.Of("[]", ["unit"], ("name", PersonalKind.Name));

    public static IEndpointRouteBuilder MapWorkersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patrols/workers", List).Produces<IReadOnlyList<WorkerPosition>>().Discloses(Workers).RequireAuthorization(Auth.Policies.Read);
        return app;
    }

    static async Task<IResult> List(string? grid, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (grid is not null && !await TerritoryLookup.PatrolGridExistsAsync(db, grid, cancel))
            return Problems.NotFound("Unknown grid", $"no community, dedicated or micro grid has code '{grid}'");
        await using var cmd = db.CreateCommand(SnapshotSql);
        cmd.Parameters.Add(new NpgsqlParameter("grid", NpgsqlDbType.Text) { Value = (object?)grid ?? DBNull.Value });
        return SqlJson.Json((string)(await cmd.ExecuteScalarAsync(cancel))!);
    }

    sealed class Marker;
}
