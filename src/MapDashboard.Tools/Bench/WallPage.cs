using System.Reflection;
using System.Text.Json;
using MapDashboard.Data;
using MapDashboard.Data.Accounts;
using Microsoft.Playwright;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// /wall (or another <see cref="WallView"/>) in Debian's chromium through Playwright, signed in as its account, with software rendering (the STACK
/// arguments: no GPU, never --disable-software-rasterizer, which would kill WebGL). Measures frame gaps and long tasks
/// in the page, and reads heap, DOM nodes and event listeners through the DevTools protocol's Performance metrics.
/// </summary>
public sealed class WallPage : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    static readonly string[] Args =
    [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
    ];
    static readonly string Probe = ReadProbe();
    static readonly string DistrictSql = SqlResource.Beside<WallPage>("wall_district.sql");

    readonly IPlaywright _playwright;
    readonly IBrowser _browser;
    readonly IBrowserContext _context;
    readonly ICDPSession _devTools;

    WallPage(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, ICDPSession devTools)
    {
        (_playwright, _browser, _context, Page, _devTools) = (playwright, browser, context, page, devTools);
    }

    public IPage Page { get; }

    /// <summary>The page's DevTools protocol session (the CPU profiler of <see cref="WallProfile"/>).</summary>
    public ICDPSession DevTools => _devTools;

    /// <param name="MainThreadCpuMs">CPU time of the page's main thread over the window (DevTools' ThreadTime): what the
    /// frames cost, whatever else the machine runs — a loaded machine stretches the gaps, not this.</param>
    public sealed record Frames(double[] GapsMs, int LongTasks, double LongTaskMs, double Seconds, double MainThreadCpuMs)
    {
        public double CpuMsPerSecond => MainThreadCpuMs / Seconds;
        public double Percentile(double p) => LatencyRun.Percentile(GapsMs, p);
        public double LongTasksPerMinute => LongTasks / Seconds * 60;
    }

    public sealed record Metrics(double HeapMb, int Nodes, int Listeners);

    /// <summary>The view's account with a password only this run knows, signed in like the wall's PC (or the leader's).</summary>
    public static async Task<WallPage> OpenAsync(string connectionString, string baseUrl, int width, int height, WallView? view = null)
    {
        view ??= WallView.Wall;
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install chromium fonts-noto-cjk");
        var password = await AccountAsync(connectionString, view);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = Args });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
        var signIn = await context.APIRequest.PostAsync(baseUrl + "/api/auth/signin", new() { DataObject = new { userName = view.UserName, password } });
        if (!signIn.Ok) throw new InvalidOperationException($"sign-in as {view.UserName} failed: {signIn.Status}");
        var page = await context.NewPageAsync();
        var devTools = await context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Performance.enable");
        // The wall with tour=off: the figures are of the district view; the focus tour would zoom in every 28 s.
        await page.GotoAsync(baseUrl + view.Path, new() { Timeout = 120_000 });
        return new WallPage(playwright, browser, context, page, devTools);
    }

    /// <summary>
    /// The wall as a command centre leaves it: reloaded without tour=off, so its focus tour zooms to an incident, a
    /// finding and a grid in turn (drawing the street-level layers the district view leaves out) and back.
    /// </summary>
    public async Task<bool> ReloadWithTourAsync(TimeSpan timeout)
    {
        await Page.GotoAsync(Page.Url.Replace("?tour=off", ""), new() { Timeout = 120_000 });
        return await WaitReadyAsync(timeout);
    }

    /// <summary>
    /// Waits until the focus tour shows the whole district again and the map has settled, so that every soak sample is
    /// taken at the same point of the tour: its zooms swing the heap by ±20 MB, which made the slope of a 2-hour soak
    /// uncertain by ~2 MB/h (web README, eighth round). A page without a tour counts as there. False after the timeout.
    /// </summary>
    public async Task<bool> WaitForDistrictViewAsync(TimeSpan timeout)
    {
        try
        {
            await Page.WaitForFunctionAsync("() => { const f = window.mapDashboard && window.mapDashboard.focus(); return !f || f.active === null; }",
                null, new() { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 250 });
            await Page.EvaluateAsync("() => window.mapDashboard.idle()");
            return true;
        }
        catch (TimeoutException) { return false; }
    }

    /// <summary>Waits for the test hook's first full render (a bundle built with MAPDASHBOARD_TEST_HOOK=1), or gives up after the timeout.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        try
        {
            await Page.WaitForFunctionAsync("() => window.mapDashboard && window.mapDashboard.ready", null, new() { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 500 });
            return true;
        }
        catch (TimeoutException) { return false; }
    }

    public async Task<Frames> MeasureAsync(TimeSpan window)
    {
        var before = await RawMetricsAsync();
        var result = await Page.EvaluateAsync<JsonElement>(Probe, window.TotalMilliseconds);
        var after = await RawMetricsAsync();
        var gaps = result.GetProperty("gaps").EnumerateArray().Select(g => g.GetDouble()).Order().ToArray();
        return new Frames(gaps, result.GetProperty("longTasks").GetInt32(), result.GetProperty("longTaskMs").GetDouble(), window.TotalSeconds,
            (after["ThreadTime"] - before["ThreadTime"]) * 1000);
    }

    /// <summary>After a garbage collection, so a slope is growth and not the collector's timing.</summary>
    public async Task<Metrics> MetricsAsync()
    {
        await _devTools.SendAsync("HeapProfiler.collectGarbage");
        var values = await RawMetricsAsync();
        return new Metrics(values["JSHeapUsedSize"] / 1048576.0, (int)values["Nodes"], (int)values["JSEventListeners"]);
    }

    async Task<Dictionary<string, double>> RawMetricsAsync()
    {
        var answer = await _devTools.SendAsync("Performance.getMetrics");
        return answer!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }

    /// <summary>Features each layer draws (the test hook's renderedCounts), or null without the hook.</summary>
    public async Task<Dictionary<string, int>?> FeatureCountsAsync() =>
        await Page.EvaluateAsync<Dictionary<string, int>?>("() => window.mapDashboard ? window.mapDashboard.renderedCounts() : null");

    /// <summary>The live badge's state and, with the hook, the live link's applied count and seq.</summary>
    public async Task<(string State, long Applied, long Seq)> LiveAsync()
    {
        var live = await Page.EvaluateAsync<JsonElement>("""
            () => {
              const badge = document.querySelector('[data-testid=live-status]');
              const l = window.mapDashboard && window.mapDashboard.live ? window.mapDashboard.live() : null;
              return { state: badge ? badge.dataset.state : 'none', applied: l ? l.applied : -1, seq: l ? l.seq : -1 };
            }
            """);
        return (live.GetProperty("state").GetString()!, live.GetProperty("applied").GetInt64(), live.GetProperty("seq").GetInt64());
    }

    /// <summary>The live link's newest state changes (time, state, why) and its last Subscribe, through the test hook.</summary>
    public async Task<(IReadOnlyList<(string At, string State, string Why)> Transitions, string? LastSubscribe)> LinkStoryAsync()
    {
        var story = await Page.EvaluateAsync<JsonElement>("""
            () => {
              const l = window.mapDashboard && window.mapDashboard.live ? window.mapDashboard.live() : null;
              return { transitions: l && l.transitions ? l.transitions : [], last: l && l.lastSubscribe ? JSON.stringify(l.lastSubscribe) : null };
            }
            """);
        var transitions = story.GetProperty("transitions").EnumerateArray()
            .Select(t => (t.GetProperty("at").GetString()!, t.GetProperty("state").GetString()!, t.GetProperty("why").GetString()!)).ToList();
        var last = story.GetProperty("last");
        return (transitions, last.ValueKind == JsonValueKind.String ? last.GetString() : null);
    }

    public Task ScreenshotAsync(string path) => Page.ScreenshotAsync(new() { Path = path, Timeout = 300_000 });

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    static async Task<string> AccountAsync(string connectionString, WallView view)
    {
        await using var db = DashboardDataSource.Create(connectionString);
        string district;
        await using (var unit = db.CreateCommand(DistrictSql))
            district = (string)(await unit.ExecuteScalarAsync())!;
        var password = AccessTokens.NewToken();
        var (id, problem) = await new AccountStore(db).CreateAsync(new NewAccount(view.UserName, view.DisplayName, view.Role, district, null, password));
        if (id is null) throw new InvalidOperationException($"the {view.Name} account could not be created: {problem}");
        return password;
    }

    static string ReadProbe()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MapDashboard.Tools.Bench.wall_probe.js")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
