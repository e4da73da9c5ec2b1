using System.Diagnostics;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// The wall left on under load: a sample a minute (heap and DOM after a GC, event listeners, features drawn), the
/// slope per hour of each after the first tenth (warm-up), and, a third and two thirds of the way through, a restart
/// of the server and of PostgreSQL. Nobody touches the page: it must reconnect and apply live changes again. Each
/// sample (and each heap census) waits for the focus tour to show the whole district: samples taken wherever the tour
/// happened to be swung the heap by ±20 MB.
/// </summary>
public static class WallSoak
{
    static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    static readonly TimeSpan RecoveryLimit = TimeSpan.FromMinutes(3);

    sealed record Sample(double Hours, WallPage.Metrics Metrics, int Features);

    /// <returns>The server running at the end (a new process after the restart).</returns>
    public static async Task<ServerProcess> RunAsync(WallPage wall, WallLoad load, BenchDistrict district, ServerProcess server, int port,
        string[] serverSettings, TimeSpan soak, TextWriter report)
    {
        report.WriteLine();
        report.WriteLine($"soak: {soak.TotalMinutes:F0} min under the live load, a sample a minute; server restart at 1/3, PostgreSQL restart at 2/3");
        report.WriteLine(await wall.ReloadWithTourAsync(TimeSpan.FromMinutes(4))
            ? "the wall reloaded with its focus tour on (every ~28 s: zoom to an item, back to the district)"
            : "the wall, reloaded with its focus tour on, reported no full render within 4 min");
        report.WriteLine($"{"min",5} {"heap MB",8} {"DOM",6} {"listeners",10} {"features",9} {"live",12} {"load average",14}  (* = not at the district view)");
        load.Start();
        var (changesAtStart, failuresAtStart) = (load.Changes, load.Failures);
        long failuresWhileDatabaseDown = 0;
        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        bool serverRestarted = false, databaseRestarted = false;
        var told = "";
        var recoveries = new List<string>();
        (HeapCensus Heap, Dictionary<string, int>? Layers, double Minutes)? warm = null;
        while (clock.Elapsed < soak)
        {
            var next = Every * (samples.Count + 1);
            if (!serverRestarted && clock.Elapsed >= soak / 3)
            {
                serverRestarted = true;
                report.WriteLine("  restarting the server (killed, started again on the same port)…");
                var before = await wall.LiveAsync();
                var down = Stopwatch.StartNew();
                await server.KillAsync();
                await server.DisposeAsync();
                await Task.Delay(5000);
                server = await ServerProcess.StartAsync(district.Cluster.ConnectionString, port, serverSettings);
                recoveries.Add(await RecoveryAsync(wall, "server", before, down, report));
            }
            if (!databaseRestarted && clock.Elapsed >= soak * 2 / 3)
            {
                databaseRestarted = true;
                report.WriteLine("  restarting PostgreSQL (fast stop, start)…");
                var before = await wall.LiveAsync();
                var down = Stopwatch.StartNew();
                var failuresBefore = load.Failures;
                await district.Cluster.StopAsync();
                await Task.Delay(5000);
                await district.Cluster.EnsureStartedAsync();
                failuresWhileDatabaseDown = load.Failures - failuresBefore;
                recoveries.Add(await RecoveryAsync(wall, "PostgreSQL", before, down, report));
            }
            await Pacing.UntilAsync(clock, next);
            var atDistrict = await wall.WaitForDistrictViewAsync(TimeSpan.FromSeconds(60));
            var metrics = await wall.MetricsAsync();
            var counts = await wall.FeatureCountsAsync();
            var live = await wall.LiveAsync();
            var features = counts?.Values.Sum() ?? -1;
            samples.Add(new Sample(clock.Elapsed.TotalHours, metrics, features));
            report.WriteLine($"{clock.Elapsed.TotalMinutes,5:F0} {metrics.HeapMb,8:F1} {metrics.Nodes,6} {metrics.Listeners,10} {features,9} {live.State,12} {BenchFigures.LoadAverage(),14}{(atDistrict ? "" : "  *")}");
            told = await TellLinkStoryAsync(wall, told, report);
            if (warm is null && clock.Elapsed >= soak / 10)
                warm = (await HeapCensus.TakeAsync(wall.DevTools), counts, clock.Elapsed.TotalMinutes);
        }
        if (warm is { } start)
            await PrintGrowthAsync(wall, start.Heap, start.Layers, start.Minutes, clock.Elapsed.TotalMinutes, report);
        await load.StopAsync();
        PrintSlopes(report, samples);
        foreach (var r in recoveries) report.WriteLine(r);
        // The load is paced, not closed-loop: on a loaded machine writes queue for the connection pool and time out,
        // so the rate the wall actually carried is what was written, not what was asked.
        var minutes = clock.Elapsed.TotalMinutes;
        report.WriteLine($"written over the soak: {(load.Changes - changesAtStart) / (minutes * 60):F0} hazard changes/s; " +
                         $"failed writes (pool timeouts on a loaded machine, the database's restart): {load.Failures - failuresAtStart}, " +
                         $"of which {failuresWhileDatabaseDown} while PostgreSQL was down");
        return server;
    }

    /// <summary>
    /// Recovered = the badge reads connected, the seq has moved past where it stood before the outage and more changes
    /// were applied, without a touch. Timed from the kill or stop (<paramref name="down"/>) and from the moment the
    /// server or database was back; returns the line for the summary.
    /// </summary>
    static async Task<string> RecoveryAsync(WallPage wall, string what, (string State, long Applied, long Seq) before, Stopwatch down,
        TextWriter report)
    {
        var back = Stopwatch.StartNew();
        while (back.Elapsed < RecoveryLimit)
        {
            var now = await wall.LiveAsync();
            if (now.State == "connected" && now.Seq > before.Seq && (before.Applied < 0 || now.Applied > before.Applied))
            {
                var line = $"  {what} restart: the wall was live again {down.Elapsed.TotalSeconds:F0} s after the {(what == "server" ? "kill" : "stop")}, " +
                           $"{back.Elapsed.TotalSeconds:F0} s after the {what} was back (badge connected, {now.Applied - before.Applied} more changes applied, seq {before.Seq} → {now.Seq})";
                report.WriteLine(line);
                return line;
            }
            await Task.Delay(1000);
        }
        var last = await wall.LiveAsync();
        var failed = $"  {what} restart: the wall did NOT recover within {RecoveryLimit.TotalMinutes:F0} min of the {what} being back (badge {last.State}, seq {before.Seq} → {last.Seq})";
        report.WriteLine(failed);
        return failed;
    }

    /// <summary>What grew after the warm-up: features drawn by layer, and the heap's kinds by a census at each end.</summary>
    static async Task PrintGrowthAsync(WallPage wall, HeapCensus warmHeap, Dictionary<string, int>? warmLayers, double fromMinute,
        double toMinute, TextWriter report)
    {
        await wall.WaitForDistrictViewAsync(TimeSpan.FromSeconds(60));
        var layers = await wall.FeatureCountsAsync();
        if (warmLayers is not null && layers is not null)
            report.WriteLine($"features drawn by layer, minute {fromMinute:F0} → {toMinute:F0}: " +
                             string.Join(", ", layers.Keys.Union(warmLayers.Keys).Select(k => $"{k} {warmLayers.GetValueOrDefault(k)} → {layers.GetValueOrDefault(k)}")));
        await wall.DevTools.SendAsync("HeapProfiler.collectGarbage");
        var heap = await HeapCensus.TakeAsync(wall.DevTools);
        report.WriteLine($"JS heap census (DevTools snapshots, self sizes), the kinds that grew most from minute {fromMinute:F0} to {toMinute:F0}:");
        heap.PrintGrowthSince(warmHeap, report);
    }

    /// <summary>The link's state changes since the last told (ISO times sort as text), and the last Subscribe's figures.</summary>
    static async Task<string> TellLinkStoryAsync(WallPage wall, string toldThrough, TextWriter report)
    {
        var (transitions, lastSubscribe) = await wall.LinkStoryAsync();
        var fresh = transitions.Where(t => string.CompareOrdinal(t.At, toldThrough) > 0).ToList();
        foreach (var t in fresh) report.WriteLine($"        link {t.At[11..19]} {t.State}: {t.Why}");
        if (fresh.Count > 0 && lastSubscribe is not null) report.WriteLine($"        last Subscribe {lastSubscribe}");
        return fresh.Count > 0 ? fresh[^1].At : toldThrough;
    }

    static void PrintSlopes(TextWriter report, List<Sample> samples)
    {
        var steady = samples.Skip(samples.Count / 10).ToList();
        if (steady.Count < 3)
        {
            report.WriteLine("too few samples for a slope (soak at least 5 minutes)");
            return;
        }
        report.WriteLine($"slopes per hour over minutes {steady[0].Hours * 60:F0}–{steady[^1].Hours * 60:F0} (least squares; target heap ≤ 2 MB/h):");
        report.WriteLine($"  JS heap {Slope(steady, s => s.Metrics.HeapMb):+0.00;-0.00} MB/h, DOM nodes {Slope(steady, s => s.Metrics.Nodes):+0;-0}/h, " +
                         $"event listeners {Slope(steady, s => s.Metrics.Listeners):+0;-0}/h, features drawn {Slope(steady, s => s.Features):+0;-0}/h");
    }

    static double Slope(List<Sample> samples, Func<Sample, double> y)
    {
        var mx = samples.Average(s => s.Hours);
        var my = samples.Average(y);
        var sxx = samples.Sum(s => (s.Hours - mx) * (s.Hours - mx));
        return sxx == 0 ? 0 : samples.Sum(s => (s.Hours - mx) * (y(s) - my)) / sxx;
    }
}
