using MapDashboard.Domain.Patrols;
using MapDashboard.Domain.Projection;
using Npgsql;

namespace MapDashboard.Data.Patrols;

/// <summary>
/// patrol_ping's two statements on the ingest path: the neighbours the speed check needs, and the batch insert.
/// Both run hundreds of times a second, so they are prepared explicitly on their connection (Npgsql keeps an
/// explicitly prepared statement with the pooled physical connection: preparing it again costs no round trip;
/// auto-preparation is off, see ConnectionSettings.ForDashboard).
/// </summary>
public sealed class PingStore(NpgsqlDataSource db)
{
    static readonly string NeighboursSql = SqlResource.Beside<PingStore>("stored_neighbours.sql");
    static readonly string InsertSql = SqlResource.Beside<PingStore>("insert_pings.sql");

    /// <summary>
    /// Per worker, the stored trusted pings next in time to any of the given pings (and any between them), in the
    /// district's metric frame.
    /// </summary>
    public async Task<Dictionary<int, List<TrackPoint>>> NeighboursAsync(IReadOnlyList<ValidPing> pings, MetricFrame frame,
        CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var cmd = new NpgsqlCommand(NeighboursSql, conn);
        cmd.Parameters.AddWithValue("workers", pings.Select(p => p.WorkerId).ToArray());
        cmd.Parameters.AddWithValue("times", pings.Select(p => p.RecordedAt.UtcDateTime).ToArray());
        await cmd.PrepareAsync(cancel);
        var byWorker = new Dictionary<int, List<TrackPoint>>();
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            var worker = reader.GetInt32(0);
            if (!byWorker.TryGetValue(worker, out var list)) byWorker[worker] = list = [];
            list.Add(TrackPoint.FromLonLat(frame, new DateTimeOffset(reader.GetDateTime(1)), reader.GetDouble(2), reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetFloat(4)));
        }
        return byWorker;
    }

    /// <summary>Inserts the batch in one statement; returns the (worker, recordedAt) that were new.</summary>
    public async Task<HashSet<(int Worker, DateTime RecordedAtUtc)>> InsertAsync(IReadOnlyList<ValidPing> pings, IReadOnlyList<string?> flags, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var cmd = new NpgsqlCommand(InsertSql, conn);
        cmd.Parameters.AddWithValue("workers", pings.Select(p => p.WorkerId).ToArray());
        cmd.Parameters.AddWithValue("times", pings.Select(p => p.RecordedAt.UtcDateTime).ToArray());
        cmd.Parameters.AddWithValue("lons", pings.Select(p => p.Lon).ToArray());
        cmd.Parameters.AddWithValue("lats", pings.Select(p => p.Lat).ToArray());
        cmd.Parameters.AddWithValue("accuracies", pings.Select(p => (float?)p.Accuracy).ToArray());
        cmd.Parameters.AddWithValue("flags", flags.ToArray());
        await cmd.PrepareAsync(cancel);
        var stored = new HashSet<(int, DateTime)>();
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel)) stored.Add((reader.GetInt32(0), reader.GetDateTime(1)));
        return stored;
    }
}
