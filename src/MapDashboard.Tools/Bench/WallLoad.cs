using System.Diagnostics;
using MapDashboard.Data;
using Npgsql;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// The wall benchmark's live load, written straight into PostGIS so the whole live path (capture, change log, hub)
/// carries it: every worker moves about 1.2 m and pings once a second (ten batches a second), and existing hazards
/// change severity at a fixed rate, cycling through the district's hazards. Start/Stop switch it on and off between
/// the paused and live measurements; a write that fails while the database is down is counted and the load goes on.
/// Above <see cref="MaxStatementsPerSecond"/> the changes go in statements of several hazards each: every statement
/// pays the audit, live-capture and findings triggers once, and at 500 single-row statements a second those alone
/// took the 2-core machine's database (259 changes/s written, thousands of writes timed out waiting for a connection).
/// The wall receives the same number of changes either way, each its own change-log row.
/// </summary>
public sealed class WallLoad(NpgsqlDataSource db, IReadOnlyList<PingLoad.Device> workers, long[] hazards, int changesPerSecond)
{
    static readonly string PingsSql = SqlResource.Beside<WallLoad>("wall_pings.sql");
    static readonly string ChangeSql = SqlResource.Beside<WallLoad>("wall_hazard_change.sql");
    static readonly string HazardsSql = SqlResource.Beside<WallLoad>("wall_hazards.sql");
    const int PingBatchesPerSecond = 10;
    public const int MaxStatementsPerSecond = 50;

    readonly Random _random = new(19);
    CancellationTokenSource? _running;
    Task _loop = Task.CompletedTask;
    int _nextWorker;
    long _changes, _pings, _failures;

    public long Changes => Interlocked.Read(ref _changes);
    public long Pings => Interlocked.Read(ref _pings);
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Hazards changed by one statement: 1 up to <see cref="MaxStatementsPerSecond"/> changes a second.</summary>
    public int ChangesPerStatement { get; } = Math.Max(1, (changesPerSecond + MaxStatementsPerSecond - 1) / MaxStatementsPerSecond);

    public int StatementsPerSecond => Math.Max(1, changesPerSecond / ChangesPerStatement);

    public static async Task<WallLoad> CreateAsync(NpgsqlDataSource db, int workers, int changesPerSecond)
    {
        var devices = await PatrolBenchmark.DevicesAsync(db, workers);
        var hazards = new List<long>();
        await using (var cmd = db.CreateCommand(HazardsSql))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) hazards.Add(Convert.ToInt64(reader.GetValue(0)));
        return new WallLoad(db, devices, hazards.ToArray(), changesPerSecond);
    }

    public void Start()
    {
        if (_running is not null) return;
        _running = new CancellationTokenSource();
        var cancel = _running.Token;
        _loop = Task.WhenAll(
            Paced(StatementsPerSecond, i => ChangeAsync(i, cancel), cancel),
            Paced(PingBatchesPerSecond, _ => PingAsync(cancel), cancel));
    }

    public async Task StopAsync()
    {
        if (_running is null) return;
        await _running.CancelAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        _running.Dispose();
        _running = null;
    }

    async Task ChangeAsync(int i, CancellationToken cancel)
    {
        if (hazards.Length == 0) return;
        var ids = new long[Math.Min(ChangesPerStatement, hazards.Length)];
        for (var n = 0; n < ids.Length; n++)
            ids[n] = hazards[(int)(((long)i * ChangesPerStatement + n) % hazards.Length)];
        await Guarded(async () =>
        {
            await using var cmd = db.CreateCommand(ChangeSql);
            cmd.Parameters.AddWithValue("ids", ids);
            cmd.Parameters.AddWithValue("step", i);
            Interlocked.Add(ref _changes, await cmd.ExecuteNonQueryAsync(cancel));
        });
    }

    async Task PingAsync(CancellationToken cancel)
    {
        var count = Math.Max(1, workers.Count / PingBatchesPerSecond);
        var ids = new int[count];
        var lons = new double[count];
        var lats = new double[count];
        lock (_random)
        {
            for (var n = 0; n < count; n++)
            {
                var d = workers[_nextWorker++ % workers.Count];
                d.Heading += (_random.NextDouble() - 0.5) * 0.8;
                d.Lon += Math.Cos(d.Heading) * 1.2 / 90_000; // 1.2 m a second at 36°N
                d.Lat += Math.Sin(d.Heading) * 1.2 / 110_570;
                (ids[n], lons[n], lats[n]) = (d.Id, d.Lon, d.Lat);
            }
        }
        await Guarded(async () =>
        {
            await using var cmd = db.CreateCommand(PingsSql);
            cmd.Parameters.AddWithValue("workers", ids);
            cmd.Parameters.AddWithValue("lons", lons);
            cmd.Parameters.AddWithValue("lats", lats);
            await cmd.ExecuteNonQueryAsync(cancel);
            Interlocked.Add(ref _pings, count);
        });
    }

    async Task Guarded(Func<Task> write)
    {
        try { await write(); }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { Interlocked.Increment(ref _failures); }
    }

    /// <summary>Starts action(i) at a steady rate without waiting for the previous one, as independent writers would.</summary>
    static async Task Paced(int perSecond, Func<int, Task> action, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        try
        {
            for (var i = 0; !cancel.IsCancellationRequested; i++)
            {
                var due = TimeSpan.FromSeconds(i / (double)perSecond);
                await Pacing.UntilAsync(clock, due, cancel);
                running.Add(action(i));
                running.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) { }
        await Task.WhenAll(running);
    }
}
