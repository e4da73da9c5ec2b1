using Npgsql;

namespace MapDashboard.Data.Live;

/// <summary>Reads the change log the capture triggers write (Schema/51_live_capture.sql).</summary>
public static class ChangeLog
{
    public const string NotifyChannel = "map_changes";

    static readonly string ReadAfterSql = SqlResource.Beside<ChangeRow>("read_after.sql");
    static readonly string PositionSql = SqlResource.Beside<ChangeRow>("position.sql");
    static readonly string ReadAfterExceptSql = SqlResource.Beside<ChangeRow>("read_after_except.sql");
    static readonly string LatestOfLayerSql = SqlResource.Beside<ChangeRow>("latest_of_layer.sql");

    /// <summary>The newest seq and the retention horizon (a replay from below it is impossible).</summary>
    public static async Task<(long Newest, long PrunedThrough)> PositionAsync(NpgsqlDataSource db, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(PositionSql);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        await reader.ReadAsync(cancel);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public static Task<IReadOnlyList<ChangeRow>> ReadAsync(NpgsqlDataSource db, long after, long through, int limit, CancellationToken cancel) =>
        RangeAsync(db, ReadAfterSql, null, after, through, limit, cancel);

    /// <summary>A page after <paramref name="after"/> without <paramref name="layer"/>'s rows (a replay reads those with <see cref="LatestOfLayerAsync"/>).</summary>
    public static Task<IReadOnlyList<ChangeRow>> ReadExceptAsync(NpgsqlDataSource db, string layer, long after, long through, int limit, CancellationToken cancel) =>
        RangeAsync(db, ReadAfterExceptSql, layer, after, through, limit, cancel);

    /// <summary>The newest change of each feature of <paramref name="layer"/> in (after, through], in no particular order.</summary>
    public static Task<IReadOnlyList<ChangeRow>> LatestOfLayerAsync(NpgsqlDataSource db, string layer, long after, long through, CancellationToken cancel) =>
        RangeAsync(db, LatestOfLayerSql, layer, after, through, null, cancel);

    /// <summary>Rows of a query on (after, through], with its layer and page size when it takes them.</summary>
    static async Task<IReadOnlyList<ChangeRow>> RangeAsync(NpgsqlDataSource db, string sql, string? layer, long after, long through, int? limit,
        CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(sql);
        if (layer is not null) cmd.Parameters.AddWithValue("layer", layer);
        cmd.Parameters.AddWithValue("after", after);
        cmd.Parameters.AddWithValue("through", through);
        if (limit is { } l) cmd.Parameters.AddWithValue("limit", l);
        return await RowsAsync(cmd, cancel);
    }

    static async Task<IReadOnlyList<ChangeRow>> RowsAsync(NpgsqlCommand cmd, CancellationToken cancel)
    {
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
