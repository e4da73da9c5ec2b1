using MapDashboard.Data.Audit;
using MapDashboard.Data.Findings;
using MapDashboard.Data.MetricCrs;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Data.Loading;

/// <summary>
/// Loads a district written by the generator (data/README.md) into an empty
/// database, in one transaction: a half-loaded district is never visible.
/// Each file goes to PostGIS whole as jsonb and is unpacked set-based by the
/// .sql file beside this class, so PostGIS parses the GeoJSON itself.
/// </summary>
public static class DistrictLoader
{
    // Walked top-down so that every parent exists before its children.
    static readonly string[] KindsTopDown =
        ["district", "street", "community", "community_grid", "dedicated_grid", "micro_grid", "police_grid"];

    const long LoadLockKey = 0x4D41504C; // "MAPL": one loader at a time per database

    public sealed record LoadResult(bool Loaded, int Units, int Buildings, int Hazards);

    /// <summary>
    /// Loads <paramref name="directory"/> unless the database already holds a district. With <paramref name="importer"/>
    /// (the server's start-up passes it) the load leaves one audit row, committed with the load: capture is off for a
    /// bulk load, the audit's row capture included. The territory decides the metric frame before anything is projected
    /// in it, unless <paramref name="settleMetricFrame"/> is false (a database of a schema older than the frame).
    /// </summary>
    public static async Task<LoadResult> LoadIfEmptyAsync(NpgsqlDataSource db, string directory, CancellationToken cancel = default,
        AuditScope? importer = null, bool settleMetricFrame = true)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await conn.ExecuteAsync($"select pg_advisory_xact_lock({LoadLockKey})", cancel);
        // A bulk load is not a stream of live changes (see capture_change in Schema/51_live_capture.sql).
        await conn.ExecuteAsync("set local mapdashboard.capture = 'off'", cancel);
        if (await conn.ScalarAsync<long>("select count(*) from territory_unit", cancel) > 0)
            return new LoadResult(false, 0, 0, 0);

        await Load(conn, "categories.sql", File(directory, "categories.json"), cancel);
        await Load(conn, "organisations.sql", File(directory, "organisations.json"), cancel);
        var territory = File(directory, "territory.geojson");
        foreach (var kind in KindsTopDown)
            await Load(conn, "territory.sql", territory, cancel, ("kind", kind));
        // The territory decides the metric frame before anything is measured or projected in it.
        if (settleMetricFrame) await MetricCrsSetting.FollowDistrictAsync(conn, cancel);
        await Load(conn, "people.sql", File(directory, "people.json"), cancel);
        await Load(conn, "territory_staff.sql", territory, cancel);
        await Load(conn, "buildings.sql", File(directory, "buildings.geojson"), cancel);
        await Load(conn, "hazards.sql", File(directory, "hazards.geojson"), cancel);
        await Load(conn, "claims.sql", File(directory, "claims.json"), cancel);
        await Load(conn, "roads.sql", File(directory, "roads.geojson"), cancel);
        await Load(conn, "water.sql", File(directory, "water.geojson"), cancel);
        // Edit triggers are off for a bulk load (capture = off): the findings are computed once, here.
        await FindingRecomputation.FullAsync(conn, cancel);

        var result = new LoadResult(true,
            (int)await conn.ScalarAsync<long>("select count(*) from territory_unit", cancel),
            (int)await conn.ScalarAsync<long>("select count(*) from building", cancel),
            (int)await conn.ScalarAsync<long>("select count(*) from hazard", cancel));
        // What was imported: the folder's name, not its path.
        if (importer is not null)
            await AuditLog.RecordAsync(conn, tx, importer, "import district",
                after: new { district = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), result.Units, result.Buildings, result.Hazards },
                cancel: cancel);
        await tx.CommitAsync(cancel);
        await conn.ExecuteAsync("analyze", cancel);
        return result;
    }

    static string File(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"district file missing: {path}", path);
        return System.IO.File.ReadAllText(path);
    }

    static async Task Load(NpgsqlConnection conn, string sqlFile, string json, CancellationToken cancel,
        params (string Name, object Value)[] extra)
    {
        await using var cmd = new NpgsqlCommand(SqlResource.Beside<LoadMarker>(sqlFile), conn);
        cmd.Parameters.Add(new NpgsqlParameter("doc", NpgsqlDbType.Jsonb) { Value = json });
        foreach (var (name, value) in extra) cmd.Parameters.AddWithValue(name, value);
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    // Names the namespace the .sql files sit in (a static class cannot be a type argument).
    sealed class LoadMarker;
}
