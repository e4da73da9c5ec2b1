using System.Text.Json;
using Dapper;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.Data.Incidents;

/// <summary>
/// Recolours grids with <see cref="GridStatusRule"/>. Run by the server, not by a
/// trigger: time passing makes an incident overdue without any row changing, so
/// a periodic sweep is needed anyway, and the rule stays in one unit-tested C#
/// place. Writes go to territory_unit, whose capture trigger streams them live.
/// The verdict's reasons (codes and figures, never sentences) are stored beside the
/// colour in <c>status_reasons</c>, so whoever reads the colour reads why.
/// </summary>
public static class GridStatusRefresher
{
    static readonly string InputsSql = SqlResource.Beside<IncidentIntake>("grid_status_inputs.sql");
    static readonly string SetSql = SqlResource.Beside<IncidentIntake>("set_grid_status.sql");

    sealed record Inputs(int Id, string Status, string Reasons, double? History, int Overdue, int Open, int Hazards, double? Coverage);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Recolours the grids covering <paramref name="at"/>, or every grid when it is null; returns how many changed colour or reasons.</summary>
    public static async Task<int> RefreshAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, (double Lon, double Lat)? at = null)
    {
        var rows = await conn.QueryAsync<Inputs>(InputsSql, new { lon = at?.Lon, lat = at?.Lat }, tx);
        var changed = rows
            .Select(r => (r.Id, Verdict: GridStatusRule.Judge(new GridStatusInputs(r.Overdue, r.Open, r.Hazards, r.Coverage, r.History)), Old: r))
            .Where(r => r.Verdict.Status.Name() != r.Old.Status
                        || !r.Verdict.Reasons.SequenceEqual(JsonSerializer.Deserialize<GridReason[]>(r.Old.Reasons, Json) ?? []))
            .ToList();
        if (changed.Count == 0) return 0;
        return await conn.ExecuteAsync(SetSql, new
        {
            ids = changed.Select(c => c.Id).ToArray(),
            statuses = changed.Select(c => c.Verdict.Status.Name()).ToArray(),
            reasons = changed.Select(c => JsonSerializer.Serialize(c.Verdict.Reasons, Json)).ToArray(),
        }, tx);
    }

    public static async Task<int> RefreshAllAsync(NpgsqlDataSource db, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await RefreshAsync(conn, null);
    }
}
