using Dapper;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.Data.Incidents;

/// <summary>
/// Recolours grids with <see cref="GridStatusRule"/>. Run by the server, not by a
/// trigger: time passing makes an incident overdue without any row changing, so
/// a periodic sweep is needed anyway, and the rule stays in one unit-tested C#
/// place. Writes go to territory_unit, whose capture trigger streams them live.
/// </summary>
public static class GridStatusRefresher
{
    static readonly string InputsSql = SqlResource.Beside<IncidentIntake>("grid_status_inputs.sql");
    static readonly string SetSql = SqlResource.Beside<IncidentIntake>("set_grid_status.sql");

    sealed record Inputs(int Id, string Status, int Overdue, int Open, int Hazards, double? Coverage);

    /// <summary>Recolours the grids covering <paramref name="at"/>, or every grid when it is null; returns how many changed colour.</summary>
    public static async Task<int> RefreshAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, (double Lon, double Lat)? at = null)
    {
        var rows = await conn.QueryAsync<Inputs>(InputsSql, new { lon = at?.Lon, lat = at?.Lat }, tx);
        var changed = rows
            .Select(r => (r.Id, Status: GridStatusRule.Decide(new GridStatusInputs(r.Overdue, r.Open, r.Hazards, r.Coverage)).Name(), Old: r.Status))
            .Where(r => r.Status != r.Old)
            .ToList();
        if (changed.Count == 0) return 0;
        return await conn.ExecuteAsync(SetSql, new { ids = changed.Select(c => c.Id).ToArray(), statuses = changed.Select(c => c.Status).ToArray() }, tx);
    }

    public static async Task<int> RefreshAllAsync(NpgsqlDataSource db, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await RefreshAsync(conn, null);
    }
}
