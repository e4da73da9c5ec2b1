using System.Diagnostics;
using MapDashboard.Generator;
using static MapDashboard.Tools.Bench.BenchFigures;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// <c>bench wall</c>: /wall in chromium on a generated district under live load (workers pinging at 1 Hz, hazard
/// changes at a fixed rate). Frame gaps paused (no writes) and live, long tasks, heap and DOM; screenshots at 1080p
/// and 4K beside the figures; with a soak duration, a sample a minute, slopes per hour, and one restart of the server
/// and one of PostgreSQL that the wall must recover from by itself.
/// </summary>
public static class WallBenchmark
{
    public sealed record Settings(DistrictSize Size, int Workers, int ChangesPerSecond, int Seconds, int WarmUpSeconds, TimeSpan? Soak, string Output,
        string? WebRoot = null, bool Profile = false, bool Screenshots = true, WallView? View = null);

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        Directory.CreateDirectory(settings.Output);
        var report = new TeeWriter(output, Path.Combine(settings.Output, "figures.txt"));
        report.WriteLine($"bench wall, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average at start {LoadAverage()}");
        await using var district = await BenchDistrict.CreateAsync(settings.Size, DistrictGenerator.DefaultSeed, report);
        var load = await WallLoad.CreateAsync(district.Db, settings.Workers, settings.ChangesPerSecond);
        var port = BenchDistrict.FreePort();
        // Another build of the web client (a copy of an earlier wwwroot) to compare two builds on the same load.
        // Who closes a wall's link: Kestrel's data-rate aborts (Information) and the hub connection's own timeouts (Debug).
        string[] linkLogs = ["--Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel=Information", "--Logging:LogLevel:Microsoft.AspNetCore.SignalR.HubConnectionContext=Debug"];
        string[] serverSettings = settings.WebRoot is { } root ? [.. linkLogs, $"--webroot={Path.GetFullPath(root)}"] : linkLogs;
        var server = await ServerProcess.StartAsync(district.Cluster.ConnectionString, port, serverSettings);
        try
        {
            // A ping from every worker first, so the paused wall shows them all.
            load.Start();
            await Task.Delay(3000);
            await load.StopAsync();
            report.WriteLine($"{settings.Workers} workers pinging at 1 Hz and {settings.ChangesPerSecond} hazard changes/s while live" +
                (load.ChangesPerStatement > 1 ? $" ({load.StatementsPerSecond} statements/s of {load.ChangesPerStatement} hazards each)" : ""));

            var view = settings.View ?? WallView.Wall;
            report.WriteLine($"page: {view.Path}, signed in as a {view.Role} account");
            await using var wall = await WallPage.OpenAsync(district.Cluster.ConnectionString, server.BaseUrl, 1920, 1080, view);
            var clock = Stopwatch.StartNew();
            var ready = await wall.WaitReadyAsync(TimeSpan.FromMinutes(4));
            report.WriteLine(ready ? $"wall ready (all tiles drawn) after {clock.Elapsed.TotalSeconds:F0} s" : "the wall reported no full render within 4 min (or the bundle has no test hook)");
            await Task.Delay(TimeSpan.FromSeconds(settings.WarmUpSeconds));

            var start = await wall.MetricsAsync();
            var window = TimeSpan.FromSeconds(settings.Seconds);
            var (paused, pausedProfile) = await MeasureProfiledAsync(wall, window, settings.Profile);
            load.Start();
            await Task.Delay(TimeSpan.FromSeconds(settings.WarmUpSeconds));
            var (live, liveProfile) = await MeasureProfiledAsync(wall, window, settings.Profile);
            var end = await wall.MetricsAsync();
            var counts = await wall.FeatureCountsAsync();
            PrintFrames(report, settings, paused, live, start, end, counts, load);
            report.WriteLine();
            WallProfile.Print(report, "paused", pausedProfile, paused.GapsMs.Length, settings.Seconds);
            WallProfile.Print(report, "live", liveProfile, live.GapsMs.Length, settings.Seconds);
            if (settings.Screenshots) await ScreenshotsAsync(wall, settings.Output, report);

            if (settings.Soak is { } soak)
                server = await WallSoak.RunAsync(wall, load, district, server, port, serverSettings, soak, report);
            await load.StopAsync();
        }
        finally
        {
            await load.StopAsync();
            await server.DisposeAsync();
            report.Dispose();
        }
        output.WriteLine($"figures and screenshots in {Path.GetFullPath(settings.Output)}");
        return 0;
    }

    /// <summary>Frame gaps over the window, and where the frames' CPU went (<see cref="WallProfile"/>).</summary>
    static async Task<(WallPage.Frames, WallProfile.Result)> MeasureProfiledAsync(WallPage wall, TimeSpan window, bool sample)
    {
        var profile = await WallProfile.StartAsync(wall.Page, wall.DevTools, sample);
        var before = await wall.LiveAsync();
        var threadsBefore = BrowserThreads.Sample();
        var frames = await wall.MeasureAsync(window);
        var threadsAfter = BrowserThreads.Sample();
        var after = await wall.LiveAsync();
        // Whether the live window was live for the page: the changes it applied, and its link at the end.
        return (frames, await profile.StopAsync() with
        {
            Applied = after.Applied - before.Applied, LinkState = after.State,
            BrowserCpu = BrowserThreads.Describe(threadsBefore, threadsAfter, window.TotalSeconds),
        });
    }

    static async Task ScreenshotsAsync(WallPage wall, string folder, TextWriter report)
    {
        try { await ShootAsync(wall, folder); }
        catch (TimeoutException e) { report.WriteLine($"a screenshot timed out (a wall this slow draws no frame in time): {e.Message.Split('\n')[0]}"); }
        await wall.Page.SetViewportSizeAsync(1920, 1080);
        await Task.Delay(5000);
    }

    static async Task ShootAsync(WallPage wall, string folder)
    {
        await wall.ScreenshotAsync(Path.Combine(folder, "wall-1080p.png"));
        // The wall refits itself to a new screen size; give it the time to draw the new tiles.
        await wall.Page.SetViewportSizeAsync(3840, 2160);
        await Task.Delay(2000);
        await wall.WaitReadyAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(8000);
        await wall.ScreenshotAsync(Path.Combine(folder, "wall-4k.png"));
    }

    static void PrintFrames(TextWriter report, Settings settings, WallPage.Frames paused, WallPage.Frames live,
        WallPage.Metrics start, WallPage.Metrics end, Dictionary<string, int>? counts, WallLoad load)
    {
        report.WriteLine();
        report.WriteLine($"frame gaps (requestAnimationFrame) over {settings.Seconds} s, 1920×1080, software rendering:");
        report.WriteLine($"{"",8} {"frames",7} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"max ms",7} {"long tasks/min",15} {"main-thread CPU ms/s",21} {"CPU ms/frame",13}");
        foreach (var (name, f) in new[] { ("paused", paused), ("live", live) })
            report.WriteLine($"{name,8} {f.GapsMs.Length,7} {f.Percentile(0.5),7:F0} {f.Percentile(0.95),7:F0} {f.Percentile(0.99),7:F0} " +
                             $"{(f.GapsMs.Length > 0 ? f.GapsMs[^1] : 0),7:F0} {f.LongTasksPerMinute,15:F1} {f.CpuMsPerSecond,21:F0} {f.MainThreadCpuMs / Math.Max(1, f.GapsMs.Length),13:F1}");
        report.WriteLine($"live / paused: p50 {Ratio(live.Percentile(0.5), paused.Percentile(0.5)):F2}×, p95 {Ratio(live.Percentile(0.95), paused.Percentile(0.95)):F2}× " +
                         "(targets: p50 ≤ 50 ms, p95 ≤ 100 ms, live within 1.25× of paused)");
        report.WriteLine($"JS heap {start.HeapMb:F1} → {end.HeapMb:F1} MB, DOM nodes {start.Nodes} → {end.Nodes}, event listeners {start.Listeners} → {end.Listeners} (start of paused → end of live, after a GC)");
        report.WriteLine($"written while live: {load.Changes} hazard changes, {load.Pings} pings ({load.Failures} failed writes)");
        if (counts is not null)
            report.WriteLine("features drawn at the end: " + string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}")));
        report.WriteLine($"load average at the end {LoadAverage()}");
    }

    static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
}
