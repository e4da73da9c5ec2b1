using MapDashboard.Data;
using Npgsql;

namespace MapDashboard.Server.Territory;

/// <summary>
/// Whether a code a request names exists, asked the same way by every resource that filters by unit or grid,
/// so "unknown unit" means the same thing at every door.
/// </summary>
public static class TerritoryLookup
{
    static readonly string UnitExistsSql = SqlResource.Beside<Marker>("unit_exists.sql");
    static readonly string PatrolGridExistsSql = SqlResource.Beside<Marker>("patrol_grid_exists.sql");

    /// <summary>Whether any territory unit (district, street, community, grid …) has this code.</summary>
    public static Task<bool> UnitExistsAsync(NpgsqlDataSource db, string code, CancellationToken cancel) =>
        ExistsAsync(db, UnitExistsSql, code, cancel);

    /// <summary>Whether the code names a grid patrols, workers and routes belong to.</summary>
    public static Task<bool> PatrolGridExistsAsync(NpgsqlDataSource db, string code, CancellationToken cancel) =>
        ExistsAsync(db, PatrolGridExistsSql, code, cancel);

    static async Task<bool> ExistsAsync(NpgsqlDataSource db, string sql, string code, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("code", code);
        return (bool)(await cmd.ExecuteScalarAsync(cancel))!;
    }

    sealed class Marker;
}
