using System.Diagnostics;
using System.Net.Http.Headers;
using MapDashboard.Data;
using MapDashboard.Data.Patrols;
using MapDashboard.Generator;
using Npgsql;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// Ping ingest at fixed offered rates: POST /api/patrols/pings (a separate server
/// process; 200 means committed, so send → 200 is ingest-to-commit) against the
/// bare batched INSERT the endpoint itself runs (insert_pings.sql, straight into
/// PostgreSQL, no HTTP, no validation, no neighbour lookup) with the same rows,
/// each from an empty patrol_ping. Requests start on a schedule (open loop, as
/// independent devices would), so a slow answer does not slow the offered rate.
/// Rates: the city's real 400 pings/s, the 4,000 target, then steps up until the
/// endpoint no longer sustains the rate with p99 ≤ 50 ms.
/// </summary>
public static class PatrolBenchmark
{
    public sealed record Settings(DistrictSize Size, int Workers, int PingsPerRequest, double Seconds, int[] Rates, int MaxRate, int CoverageRefreshSeconds);

    sealed record Step(int Offered, double Achieved, double P50, double P95, double P99, int Failed, double ChoreBusy = 0)
    {
        public bool Sustained => Failed == 0 && Achieved >= 0.95 * Offered && P99 <= TargetP99Ms;
    }

    const double TargetP99Ms = 50;
    static readonly string WorkersSql = SqlResource.Read(typeof(PatrolBenchmark).Assembly, "MapDashboard.Tools.Bench.bench_workers.sql");
    static readonly string InsertSql = SqlResource.Beside<PingStore>("insert_pings.sql");
    static readonly string BaselineSql = SqlResource.Read(typeof(PatrolBenchmark).Assembly, "MapDashboard.Tools.Bench.baseline_pings.sql");
    static readonly string ResetSql = SqlResource.Read(typeof(PatrolBenchmark).Assembly, "MapDashboard.Tools.Bench.reset_pings.sql");

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        await using var district = await BenchDistrict.CreateAsync(settings.Size, DistrictGenerator.DefaultSeed, output);
        var devices = await DevicesAsync(district.Db, settings.Workers);
        // The coverage chore folds new pings into tracks while they arrive, as in production; it competes for the same cores.
        await using var server = await ServerProcess.StartAsync(district.Cluster.ConnectionString, 0,
            $"--Patrols:Coverage:RefreshSeconds={settings.CoverageRefreshSeconds}");
        using var http = server.CreateClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 });
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 6 * 3600);
        await CreateBaselineAsync(district.Db, devices, start);
        var load = new PingLoad(devices, start, seed: 6);
        output.WriteLine($"{devices.Count} workers, {settings.PingsPerRequest} pings per request (one device's batch), {settings.Seconds:F0} s per rate; " +
                         $"the server's coverage chore every {settings.CoverageRefreshSeconds} s; each side starts from the half hour before (360 pings per worker)");

        // Warm both paths (plans, pools, JIT) on a short run before measuring.
        await MeasureAsync(load.Next(50, settings.PingsPerRequest), 100, r => BareAsync(district.Db, r));
        await MeasureAsync(load.Next(50, settings.PingsPerRequest), 100, r => PostAsync(http, r));
        await ResetAsync(district.Db);

        output.WriteLine();
        output.WriteLine($"{"offered/s",10} | {"bare INSERT: pings/s",21} {"p50",7} {"p95",7} {"p99 ms",8} {"chore",6} | {"POST endpoint: pings/s",23} {"p50",7} {"p95",7} {"p99 ms",8} {"chore",6} | p99 ratio");
        var best = (Endpoint: 0, Bare: 0);
        var rates = new Queue<int>(settings.Rates);
        while (rates.Count > 0)
        {
            var rate = rates.Dequeue();
            // the measured seconds, and two of warm-up before them
            var requests = load.Next(Math.Max(1, (int)(rate * (settings.Seconds + 2) / settings.PingsPerRequest)), settings.PingsPerRequest);
            var perSecond = rate / (double)settings.PingsPerRequest;
            var bare = await MeasureAfterWarmUpAsync(district.Db, requests, perSecond, r => BareAsync(district.Db, r), settings.PingsPerRequest, rate);
            await ResetAsync(district.Db);
            var endpoint = await MeasureAfterWarmUpAsync(district.Db, requests, perSecond, r => PostAsync(http, r), settings.PingsPerRequest, rate);
            await ResetAsync(district.Db);
            output.WriteLine($"{rate,10} | {bare.Achieved,21:F0} {bare.P50,7:F1} {bare.P95,7:F1} {bare.P99,8:F1} {bare.ChoreBusy,6:P0} | {endpoint.Achieved,23:F0} {endpoint.P50,7:F1} {endpoint.P95,7:F1} {endpoint.P99,8:F1} {endpoint.ChoreBusy,6:P0} | {endpoint.P99 / Math.Max(bare.P99, 0.01),8:F1}×"
                             + (bare.Failed > 0 ? $"  (bare: {bare.Failed} failed)" : "") + (bare.Sustained ? "" : "  bare not sustained")
                             + (endpoint.Failed > 0 ? $"  (endpoint: {endpoint.Failed} failed)" : "") + (endpoint.Sustained ? "" : "  endpoint not sustained"));
            if (bare.Sustained) best.Bare = Math.Max(best.Bare, rate);
            if (endpoint.Sustained)
            {
                best.Endpoint = Math.Max(best.Endpoint, rate);
                if (rates.Count == 0 && rate < settings.MaxRate) rates.Enqueue(Math.Min(settings.MaxRate, (int)(rate * 1.5)));
            }
        }
        output.WriteLine();
        output.WriteLine($"highest rate sustained (≥ 95 % of offered, p99 ≤ {TargetP99Ms} ms): endpoint {best.Endpoint} pings/s, bare INSERT ≥ {best.Bare} pings/s" +
                         (best.Bare > 0 ? $", ratio {best.Endpoint / (double)best.Bare:F2}" : ""));
        output.WriteLine($"target: ≥ 4000 pings/s with p99 ≤ {TargetP99Ms} ms — {(best.Endpoint >= 4000 ? "met" : "NOT met")}; server working set {server.WorkingSet() / 1048576.0:F0} MiB");
        return 0;
    }

    /// <summary>
    /// The reset's TRUNCATE invalidates every cached plan of patrol_ping on every connection: each side first runs
    /// two unmeasured seconds at the rate (its first requests replan), then the measured requests.
    /// </summary>
    static async Task<Step> MeasureAfterWarmUpAsync(NpgsqlDataSource db, List<PingLoad.Request> requests, double perSecond, Func<PingLoad.Request, Task<bool>> send,
        int pingsPerRequest, int offered)
    {
        var warm = (int)Math.Min(requests.Count - 1, 2 * perSecond);
        await MeasureAsync(requests[..warm], perSecond, send);
        var chore = ChoreSampler.Start(db);
        var step = await MeasureAsync(requests[warm..], perSecond, send, pingsPerRequest, offered);
        return step with { ChoreBusy = await chore.StopAsync() };
    }

    static async Task<Step> MeasureAsync(List<PingLoad.Request> requests, double perSecond, Func<PingLoad.Request, Task<bool>> send,
        int pingsPerRequest = 1, int offered = 0)
    {
        var latencies = new double[requests.Count];
        var failed = 0;
        var running = new List<Task>(requests.Count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            await Pacing.UntilAsync(clock, due);
            var index = i;
            running.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                bool ok;
                // A side that cannot keep up runs out of connections or times out: that is a failed request,
                // counted against the rate, not the end of the benchmark.
                try { ok = await send(requests[index]); } catch (Exception e) when (e is NpgsqlException or HttpRequestException or TaskCanceledException) { ok = false; }
                if (!ok) Interlocked.Increment(ref failed);
                latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(running);
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new Step(offered, requests.Count * pingsPerRequest / seconds,
            LatencyRun.Percentile(latencies, 0.50), LatencyRun.Percentile(latencies, 0.95), LatencyRun.Percentile(latencies, 0.99), failed);
    }

    static async Task<bool> PostAsync(HttpClient http, PingLoad.Request request)
    {
        using var content = new ByteArrayContent(request.Json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("api/patrols/pings", content);
        return response.IsSuccessStatusCode;
    }

    static async Task<bool> BareAsync(NpgsqlDataSource db, PingLoad.Request request)
    {
        await using var cmd = db.CreateCommand(InsertSql);
        cmd.Parameters.AddWithValue("workers", request.Workers);
        cmd.Parameters.AddWithValue("times", request.Times);
        cmd.Parameters.AddWithValue("lons", request.Lons);
        cmd.Parameters.AddWithValue("lats", request.Lats);
        cmd.Parameters.AddWithValue("accuracies", request.Accuracies);
        cmd.Parameters.AddWithValue("flags", new string?[request.Workers.Length]);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
        return true;
    }

    /// <summary>Each side starts from the same table, the baseline half hour, so neither pays for the other's rows.</summary>
    static async Task ResetAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand(ResetSql);
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync();
        // VACUUM cannot share the batch's implicit transaction.
        await using var vacuum = db.CreateCommand("vacuum analyze patrol_ping, worker_position");
        vacuum.CommandTimeout = 600;
        await vacuum.ExecuteNonQueryAsync();
    }

    static async Task CreateBaselineAsync(NpgsqlDataSource db, List<PingLoad.Device> devices, DateTimeOffset start)
    {
        await using (var cmd = db.CreateCommand(BaselineSql))
        {
            cmd.Parameters.AddWithValue("start", start.UtcDateTime);
            cmd.Parameters.AddWithValue("workers", devices.Select(d => d.Id).ToArray());
            cmd.Parameters.AddWithValue("lons", devices.Select(d => d.Lon).ToArray());
            cmd.Parameters.AddWithValue("lats", devices.Select(d => d.Lat).ToArray());
            await cmd.ExecuteNonQueryAsync();
        }
        await ResetAsync(db);
    }

    internal static async Task<List<PingLoad.Device>> DevicesAsync(NpgsqlDataSource db, int count)
    {
        await using var cmd = db.CreateCommand(WorkersSql);
        cmd.Parameters.AddWithValue("count", count);
        var devices = new List<PingLoad.Device>();
        await using var reader = await cmd.ExecuteReaderAsync();
        do
            while (await reader.ReadAsync())
                devices.Add(new PingLoad.Device(reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3)));
        while (await reader.NextResultAsync());
        return devices;
    }
}
