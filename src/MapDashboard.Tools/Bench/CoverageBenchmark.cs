using System.Diagnostics;
using static MapDashboard.Tools.Bench.BenchFigures;
using Dapper;
using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using MapDashboard.Generator;
using Npgsql;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// Coverage recomputation on a generated district with a synthetic patrol day: every grid's worker walks their
/// grid for a shift (default 8 h, a trusted ping every 5 s: 5,760 pings each). Times, medians of several runs:
/// one grid-day (its worker's hours: tracks, covers, visits and the grid-days they touch) and the whole
/// city-day (every worker-hour of the day), with the peak resident memory of the PostgreSQL backends.
/// </summary>
public static class CoverageBenchmark
{
    public sealed record Settings(DistrictSize Size, int Seed, double ShiftHours, int IntervalSeconds, int CityRuns, int GridRuns, int Connections);

    const double GridTargetMs = 1000, CityTargetSeconds = 60, WalkingSpeed = 1.2;

    static readonly string PingsSql = SqlResource.Beside<Settings>("coverage_pings.sql");

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        await using var district = await BenchDistrict.CreateAsync(settings.Size, settings.Seed, output);
        var unpooled = new NpgsqlConnectionStringBuilder(ConnectionSettings.WithoutJit(district.Cluster.ConnectionString)) { Pooling = false, CommandTimeout = 0 }.ConnectionString;

        var (workers, pings, loadSeconds) = await LoadDayAsync(unpooled, settings);
        output.WriteLine($"synthetic day: {workers} workers, {pings:N0} trusted pings ({settings.ShiftHours} h shift, every {settings.IntervalSeconds} s, {WalkingSpeed} m/s), loaded in {loadSeconds:F0} s");

        // The first drain after the load is the city-day computed from scratch; later runs re-queue every hour.
        var city = new List<double>();
        long cityPeak = 0;
        for (var run = 0; run < settings.CityRuns; run++)
        {
            if (run > 0)
                await using (var c = await OpenAsync(unpooled)) await c.ExecuteAsync("select patrol_coverage_mark_all()");
            var (ms, peak) = await DrainInParallelAsync(unpooled, settings.Connections);
            city.Add(ms);
            cityPeak = Math.Max(cityPeak, peak);
            output.WriteLine($"  city-day run {run + 1}: {ms / 1000:F1} s");
        }
        await using (var c = await OpenAsync(unpooled))
        {
            var summary = await c.QuerySingleAsync<(long Tracks, long Visits, long GridDays, double Share)>(
                "select (select count(*) from patrol_track), (select count(*) from patrol_visit), (select count(*) from grid_coverage_day), (select avg(area_share) from grid_coverage_day)");
            output.WriteLine($"stored: {summary.Tracks:N0} track pieces, {summary.Visits:N0} visits, {summary.GridDays:N0} grid-days (mean area share {summary.Share:P0})");
        }

        var grid = new List<double>();
        long gridPeak;
        string gridCode;
        await using (var conn = await OpenAsync(unpooled))
        {
            gridCode = await conn.ExecuteScalarAsync<string>(
                "select code from territory_unit where patrol_grid_kind(kind) and grid_worker_id is not null order by ST_Area(boundary) desc, code offset (select count(*) / 2 from territory_unit where patrol_grid_kind(kind)) limit 1") ?? "";
            var pid = await conn.ExecuteScalarAsync<int>("select pg_backend_pid()");
            for (var run = 0; run < settings.GridRuns; run++)
            {
                // The grid's worker's hours go back in the queue, as the ingest trigger puts them after new pings.
                await conn.ExecuteAsync("""
                    insert into patrol_coverage_dirty (worker_id, hour_start)
                    select distinct worker_id, date_trunc('hour', recorded_at) from patrol_ping
                    where worker_id = (select grid_worker_id from territory_unit where code = @code) on conflict do nothing
                    """, new { code = gridCode });
                var clock = Stopwatch.StartNew();
                await CoverageRefresher.DrainAsync(conn);
                grid.Add(clock.Elapsed.TotalMilliseconds);
            }
            gridPeak = PeakResidentKb(pid);
        }

        output.WriteLine();
        output.WriteLine($"{"",-34}{"median",10}{"min",10}{"max",10}{"target",10}{"backend peak",14}");
        output.WriteLine($"{"one grid-day (ms)",-34}{Median(grid),10:F0}{grid.Min(),10:F0}{grid.Max(),10:F0}{"≤ " + GridTargetMs,10}{gridPeak / 1024.0,11:F0} MB");
        output.WriteLine($"{$"city-day, {settings.Connections} connection(s) (s)",-34}{Median(city) / 1000,10:F1}{city.Min() / 1000,10:F1}{city.Max() / 1000,10:F1}{"≤ " + CityTargetSeconds,10}{cityPeak / 1024.0,11:F0} MB");
        output.WriteLine($"grid {gridCode}; {settings.GridRuns} grid runs, {settings.CityRuns} city runs; this process's peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        var met = Median(grid) <= GridTargetMs && Median(city) / 1000 <= CityTargetSeconds;
        output.WriteLine(met ? "targets met" : "targets NOT met");
        return met ? 0 : 1;
    }

    /// <summary>Yesterday's shift (local time zone of the coverage settings), in batches of grids.</summary>
    static async Task<(int Workers, long Pings, double Seconds)> LoadDayAsync(string connectionString, Settings s)
    {
        await using var conn = await OpenAsync(connectionString);
        var grids = (await conn.QueryAsync<int>("select id from territory_unit where patrol_grid_kind(kind) and grid_worker_id is not null order by id")).ToArray();
        var clock = Stopwatch.StartNew();
        var pings = (int)(s.ShiftHours * 3600 / s.IntervalSeconds);
        foreach (var batch in grids.Chunk(100))
        {
            await using var tx = await conn.BeginTransactionAsync();
            // A bulk load: no live capture of nine million positions, no dirty marking row batch by row batch
            // (replica role skips ordinary triggers); every hour is queued once the day is in.
            await conn.ExecuteAsync("set local session_replication_role = replica; select setseed(0.42)", transaction: tx);
            await conn.ExecuteAsync(PingsSql, new
            {
                grid_ids = batch, start = DateTime.SpecifyKind(await conn.ExecuteScalarAsync<DateTime>(
                    "select patrol_day_start(patrol_today() - 1) + interval '8 hours'", transaction: tx), DateTimeKind.Utc),
                interval = (double)s.IntervalSeconds, speed = WalkingSpeed, legs = 600, pings,
            }, tx);
            await tx.CommitAsync();
        }
        // The upkeep a day of pings arriving over the day gets as it goes (autovacuum, checkpoints), done here once,
        // unmeasured: left to run, the vacuum of nine million just-loaded rows and the checkpoint of their WAL fell
        // inside the first city-day run (82 s, against 53 s for the next run on the same data).
        await conn.ExecuteAsync("vacuum analyze patrol_ping", commandTimeout: 0);
        await conn.ExecuteAsync("select patrol_coverage_mark_all()");
        // (Dapper takes a one-word command for a stored procedure's name unless told otherwise.)
        await conn.ExecuteAsync(new CommandDefinition("checkpoint", commandType: System.Data.CommandType.Text, commandTimeout: 0));
        var total = await conn.ExecuteScalarAsync<long>("select count(*) from patrol_ping");
        var workers = await conn.ExecuteScalarAsync<int>("select count(distinct worker_id) from patrol_ping");
        return (workers, total, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Drains the queue on several backends at once (they take disjoint batches); returns the time and the largest backend peak.</summary>
    static async Task<(double Ms, long PeakKb)> DrainInParallelAsync(string connectionString, int connections)
    {
        var conns = new List<NpgsqlConnection>();
        for (var i = 0; i < connections; i++) conns.Add(await OpenAsync(connectionString));
        var pids = new List<int>();
        foreach (var c in conns) pids.Add(await c.ExecuteScalarAsync<int>("select pg_backend_pid()"));
        var clock = Stopwatch.StartNew();
        // Every connection finishes the hours before any starts the grid-days (see DrainHoursAsync).
        await Task.WhenAll(conns.Select(c => CoverageRefresher.DrainHoursAsync(c)));
        await Task.WhenAll(conns.Select(c => CoverageRefresher.DrainGridDaysAsync(c)));
        var ms = clock.Elapsed.TotalMilliseconds;
        var peak = pids.Max(PeakResidentKb);
        foreach (var c in conns) await c.DisposeAsync();
        return (ms, peak);
    }

    /// <summary>An unpooled connection of a data source like the server's (the drain reads geometry as NTS values).</summary>
    static async Task<NpgsqlConnection> OpenAsync(string connectionString) =>
        await Sources.GetOrAdd(connectionString, cs => DashboardDataSource.Create(cs)).OpenConnectionAsync();

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NpgsqlDataSource> Sources = new();
}
