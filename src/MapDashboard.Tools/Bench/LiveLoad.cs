using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// The write side of the live benchmark: hazard changes and worker GPS pings
/// written straight into PostGIS at fixed rates, each change's commit time
/// noted against its hazard code so a client's receive time gives its latency.
/// A change is a severity update of its own hazard (made beforehand, unstreamed):
/// it takes the whole live path (capture, log, feed, hub) without the finding
/// recomputation a new hazard costs, which is measured by bench findings.
/// </summary>
public sealed class LiveLoad(NpgsqlDataSource db)
{
    public ConcurrentDictionary<string, long> CommittedAtMs { get; } = new();
    public long PingsWritten;

    public async Task RunAsync(int changesPerSecond, int pingsPerSecond, TimeSpan duration, CancellationToken cancel)
    {
        var (lon, lat, workers) = await SetupAsync(cancel);
        await CreateHazardsAsync((int)(changesPerSecond * duration.TotalSeconds) + changesPerSecond, lon, lat, cancel);
        await Task.WhenAll(
            Paced(changesPerSecond, duration, i => WriteHazardAsync(i, cancel), cancel),
            // Pings arrive from devices in small batches: 10 batches a second.
            Paced(10, duration, i => WritePingsAsync(i, pingsPerSecond / 10, workers, lon, lat, cancel), cancel));
    }

    async Task WriteHazardAsync(int i, CancellationToken cancel)
    {
        var code = HazardCode(i);
        await using var cmd = db.CreateCommand("update hazard set severity = 'critical' where code = @code");
        cmd.Parameters.AddWithValue("code", code);
        await cmd.ExecuteNonQueryAsync(cancel);
        CommittedAtMs[code] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    }

    /// <summary>The hazards the changes will update, written as a bulk load: not streamed, no findings per row.</summary>
    async Task CreateHazardsAsync(int count, double lon, double lat, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await using (var off = new NpgsqlCommand("set local mapdashboard.capture = 'off'", conn, tx)) await off.ExecuteNonQueryAsync(cancel);
        await using var cmd = new NpgsqlCommand("""
            insert into hazard (code, category_code, severity, description, location, owner_id)
            select 'BENCH-' || lpad(i::text, 6, '0'), 'fire_safety', 'high', 'live benchmark',
                   ST_SetSRID(ST_MakePoint(@lon + (i % 100) * 1e-5, @lat + (i / 100 % 100) * 1e-5), 4326),
                   (select min(id) from organisation)
            from generate_series(0, @count - 1) i
            """, conn, tx);
        cmd.Parameters.AddWithValue("lon", lon);
        cmd.Parameters.AddWithValue("lat", lat);
        cmd.Parameters.AddWithValue("count", count);
        await cmd.ExecuteNonQueryAsync(cancel);
        await tx.CommitAsync(cancel);
    }

    static string HazardCode(int i) => $"BENCH-{i:D6}";

    async Task WritePingsAsync(int batch, int count, int[] workers, double lon, double lat, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand("""
            insert into patrol_ping (worker_id, recorded_at, location, accuracy_m)
            select w, now() + make_interval(secs => @batch * 0.001 + n * 0.000001),
                   ST_SetSRID(ST_MakePoint(@lon + random() * 0.01, @lat + random() * 0.01), 4326), 5
            from generate_series(1, @count) n, lateral (select (@workers)[1 + (n + @batch * @count) % cardinality(@workers)] w) pick
            """);
        cmd.Parameters.AddWithValue("batch", batch);
        cmd.Parameters.AddWithValue("count", count);
        cmd.Parameters.AddWithValue("workers", workers);
        cmd.Parameters.AddWithValue("lon", lon);
        cmd.Parameters.AddWithValue("lat", lat);
        await cmd.ExecuteNonQueryAsync(cancel);
        Interlocked.Add(ref PingsWritten, count);
    }

    async Task<(double Lon, double Lat, int[] Workers)> SetupAsync(CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand("""
            select ST_X(p), ST_Y(p), (select array_agg(id) from person where role = 'grid_worker')
            from (select ST_PointOnSurface(boundary) p from territory_unit where kind = 'district' limit 1) d
            """);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        await reader.ReadAsync(cancel);
        return (reader.GetDouble(0), reader.GetDouble(1), reader.GetFieldValue<int[]>(2));
    }

    /// <summary>Starts action(i) at a steady rate without waiting for the previous one, as independent writers would.</summary>
    static async Task Paced(int perSecond, TimeSpan duration, Func<int, Task> action, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)perSecond);
            await Pacing.UntilAsync(clock, due, cancel);
            running.Add(action(i));
        }
        await Task.WhenAll(running);
    }
}
