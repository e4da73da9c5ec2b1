using Npgsql;

namespace MapDashboard.Data.Findings;

/// <summary>
/// The full recomputation of findings (first load, audits, changed noise settings). Edits do not need it:
/// statement triggers on territory_unit, building, hazard and ownership_claim recompute what an edit can
/// affect in the edit's own transaction (Schema/24_findings_follow_edits.sql).
/// </summary>
public static class FindingRecomputation
{
    static readonly string FullSql = SqlResource.Beside<Marker>("recompute_all.sql");

    public static async Task FullAsync(NpgsqlConnection conn, CancellationToken cancel = default) =>
        await conn.ExecuteAsync(FullSql, cancel);

    public static async Task FullAsync(NpgsqlDataSource db, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await FullAsync(conn, cancel);
    }

    sealed class Marker;
}
