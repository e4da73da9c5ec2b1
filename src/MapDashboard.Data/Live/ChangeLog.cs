using Npgsql;

namespace MapDashboard.Data.Live;

/// <summary>Reads the change log the capture triggers write (Schema/51_live_capture.sql).</summary>
public static class ChangeLog
{
    public const string NotifyChannel = "map_changes";

    static readonly string ReadAfterSql = SqlResource.Beside<ChangeRow>("read_after.sql");
    static readonly string PositionSql = SqlResource.Beside<ChangeRow>("position.sql");

    /// <summary>The newest seq and the retention horizon (a replay from below it is impossible).</summary>
    public static async Task<(long Newest, long PrunedThrough)> PositionAsync(NpgsqlDataSource db, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(PositionSql);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        await reader.ReadAsync(cancel);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public static async Task<IReadOnlyList<ChangeRow>> ReadAsync(NpgsqlDataSource db, long after, long through, int limit, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(ReadAfterSql);
        cmd.Parameters.AddWithValue("after", after);
        cmd.Parameters.AddWithValue("through", through);
        cmd.Parameters.AddWithValue("limit", limit);
        var rows = new List<ChangeRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
            rows.Add(new ChangeRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<NetTopologySuite.Geometries.Geometry>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<NetTopologySuite.Geometries.Geometry>(6)));
        return rows;
    }

    /// <summary>Deletes changes older than <paramref name="keep"/>; returns the new horizon (0 when nothing was pruned).</summary>
    public static async Task<long> PruneAsync(NpgsqlDataSource db, TimeSpan keep, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand("select prune_change_log(@keep)");
        cmd.Parameters.AddWithValue("keep", keep);
        return (long)(await cmd.ExecuteScalarAsync(cancel))!;
    }

    /// <summary>
    /// Writes every moved worker's position to the log in one transaction (publish_worker_positions,
    /// Schema/52_live_positions.sql); returns how many. Ping transactions only mark positions, so they never queue for the log's lock.
    /// </summary>
    public static async Task<int> PublishPositionsAsync(NpgsqlDataSource db, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand("select publish_worker_positions()");
        return (int)(await cmd.ExecuteScalarAsync(cancel))!;
    }
}
