using MapDashboard.Data;
using MapDashboard.Server.Endpoints;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Patrols;

/// <summary>GET /api/patrols/workers: where every grid worker last was, and how long ago.</summary>
public static class WorkersApi
{
    static readonly string SnapshotSql = SqlResource.Beside<Marker>("workers_snapshot.sql");
    static readonly string GridExistsSql = SqlResource.Beside<Marker>("grid_exists.sql");

    public static IEndpointRouteBuilder MapWorkersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patrols/workers", List).RequireAuthorization(Auth.Policies.Read);
        return app;
    }

    static async Task<IResult> List(string? grid, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (grid is not null && !await GridExistsAsync(db, grid, cancel))
            return Problems.NotFound("Unknown grid", $"no community, dedicated or micro grid has code '{grid}'");
        await using var cmd = db.CreateCommand(SnapshotSql);
        cmd.Parameters.Add(new NpgsqlParameter("grid", NpgsqlDbType.Text) { Value = (object?)grid ?? DBNull.Value });
        return SqlJson.Json((string)(await cmd.ExecuteScalarAsync(cancel))!);
    }

    public static async Task<bool> GridExistsAsync(NpgsqlDataSource db, string code, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(GridExistsSql);
        cmd.Parameters.AddWithValue("code", code);
        return (bool)(await cmd.ExecuteScalarAsync(cancel))!;
    }

    sealed class Marker;
}
