using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MapDashboard.BrowserTests;

/// <summary>A fresh demo as the run command starts it: the patrol simulator walks (and backfilled its patrol day).</summary>
public sealed class FreshDemoHost : DashboardHost
{
    protected override bool DemoPatrolSimulator => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Patrols:Coverage:RefreshSeconds", "2");
    }
}

/// <summary>The fresh demo, once its backfilled day's coverage is in and the grids are coloured by it.</summary>
public sealed class FreshDemo : IAsyncLifetime
{
    public FreshDemoHost Host { get; } = new();

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        await Host.Accounts.EnsureAsync(DashboardHost.DefaultRole);
        await PatrolDay.WaitSteadyAsync(Host, TimeSpan.FromMinutes(6));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The wall shows what matters (issue 19, items 3 and 4) on a fresh demo of its own: mostly blue with its counts as
/// the territory has them, only the findings that need action, a focus panel touring three items, a stale-data
/// banner, and the screens of a command centre (1080p, 4K, one tile of a 2×2 video wall).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WallStoryTests(DashboardFixture dashboard, FreshDemo fresh, ITestOutputHelper output) : IClassFixture<FreshDemo>
{
    readonly FreshDemoHost _host = fresh.Host;

    Task<MapPage> OpenAsync(string path, int width, int height, Func<IBrowserContext, Task>? prepare = null) =>
        MapPage.OpenAsync(dashboard.Browser, _host.BaseUrl, path, width, height, prepare: prepare);

    [Fact]
    public async Task The_fresh_wall_is_mostly_blue_counts_as_the_territory_does_and_draws_no_police_mismatch_which_lead_does()
    {
        var api = new DashboardApi(_host.BaseUrl);
        var grids = (await api.TerritoryAsync()).Where(u => u.GetProperty("kind").GetString() is "community_grid" or "dedicated_grid").ToList();
        int Count(string status) => grids.Count(g => g.GetProperty("status").GetString() == status);

        await using var wall = await OpenAsync("/wall", 1920, 1080);
        var stats = wall.Page.Locator("[data-testid=grid-stats]");
        foreach (var status in new[] { "red", "yellow", "blue" })
            Assert.Equal(Count(status).ToString(), await stats.Locator($".stat.{status} .stat-value").InnerTextAsync());
        output.WriteLine($"red {Count("red")}, yellow {Count("yellow")}, blue {Count("blue")} of {grids.Count}");
        Assert.True(Count("red") * 3 < grids.Count, $"{Count("red")} of {grids.Count} grids are red on a fresh wall");
        Assert.True(Count("blue") * 2 > grids.Count, $"only {Count("blue")} of {grids.Count} grids are blue on a fresh wall");

        var onWall = await wall.RenderedFeaturesAsync("findings");
        Assert.NotEmpty(onWall);
        Assert.DoesNotContain(onWall, f => f.GetProperty("kind").GetString() == "police_mismatch");
        await wall.SaveScreenshotAsync("wall-story-1080p");

        await using var lead = await OpenAsync("/lead", 1920, 1080);
        var onLead = await lead.RenderedFeaturesAsync("findings");
        Assert.Contains(onLead, f => f.GetProperty("kind").GetString() == "police_mismatch");
    }

    const long FocusRestMs = 20_000, FocusPeriodMs = FocusRestMs + 8_000; // ui/focusPanel.ts: FOCUS_REST_MS, + FOCUS_HOLD_MS

    /// <summary>Milliseconds from the page's clock to 100 ms past the next time its tour period reaches <paramref name="phase"/>.</summary>
    static async Task<long> UntilPhaseAsync(MapPage page, long phase)
    {
        var into = (long)await page.Page.EvaluateAsync<double>("() => Date.now()") % FocusPeriodMs;
        return ((phase - into) % FocusPeriodMs + FocusPeriodMs) % FocusPeriodMs + 100;
    }

    [Fact]
    public async Task The_focus_panel_tours_the_overdue_incident_the_newest_unclear_finding_and_the_worst_grid_and_zooms_to_each()
    {
        // An incident overdue by days: the most overdue of the district.
        var at = await _host.ScalarAsync<string>("select ST_X(ST_PointOnSurface(boundary)) || ',' || ST_Y(ST_PointOnSurface(boundary)) from territory_unit where kind = 'community_grid' order by code limit 1");
        using var http = _host.CreateRealClient();
        var answer = await http.PostAsync("api/incidents", JsonContent(new { category = "roof_leak", lon = double.Parse(at.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture), lat = double.Parse(at.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), description = "屋顶漏水" }));
        answer.EnsureSuccessStatusCode();
        var code = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("incident").GetProperty("code").GetString()!;
        await _host.ScalarAsync<int>($"update incident set stage_due_at = now() - interval '2 days' where code = '{code}'; select 1");

        await using var page = await OpenAsync("/wall?tour=on", 1920, 1080, c => c.Clock.InstallAsync());
        var home = await page.ExtentAsync();
        Assert.Equal(3, await page.Page.Locator("[data-testid=focus-panel] .focus-item").CountAsync());
        var seen = new List<string>();
        var homeWidth = home[2] - home[0];
        for (var visit = 0; visit < 3; visit++)
        {
            // To just past the next zoom of the tour (FOCUS_REST_MS into a FOCUS_REST_MS + FOCUS_HOLD_MS period of the
            // page's clock): each turn lands in the next period, whatever real time the waits took, so the slots follow.
            if (await page.HookAsync<int>("focus().visits.length") == visit) // (unless real time already got there)
                await page.Page.Clock.FastForwardAsync(await UntilPhaseAsync(page, FocusRestMs));
            await page.WaitUntilAsync("n => window.mapDashboard.focus().visits.length > n", visit, "the focus panel zoomed on an item", 30_000);
            var focus = await page.HookAsync<JsonElement>("focus()");
            var made = focus.GetProperty("visits")[visit];
            var kind = made.GetProperty("kind").GetString()!;
            seen.Add(kind);
            // The map zooms in on it: the zoom's end is recorded with the view's width then (read from the record, as the
            // hold runs on the page's own clock and a loaded machine may poll past it).
            await page.WaitUntilAsync("n => window.mapDashboard.focus().visits[n].reachedShare !== undefined", visit, $"the zoom on {kind} ended", 30_000);
            var reached = (await page.HookAsync<JsonElement>("focus()")).GetProperty("visits")[visit].GetProperty("reachedShare");
            Assert.True(reached.ValueKind == JsonValueKind.Number, $"the zoom on {kind} was cut short");
            Assert.True(reached.GetDouble() < 0.5, $"the view on {kind} is {reached.GetDouble():P0} of the district's width");
            if (kind == "overdue") Assert.Equal(code, made.GetProperty("key").GetString());
            await page.SaveScreenshotAsync($"wall-focus-{kind}");

            if (await page.HookAsync<string?>("focus().active") is not null) // past the hold: back to the district
                await page.Page.Clock.FastForwardAsync(await UntilPhaseAsync(page, 0));
            await page.WaitUntilAsync("() => window.mapDashboard.focus().active === null", null, "the focus panel let go", 30_000);
            await page.WaitUntilAsync("w => { const e = window.mapDashboard.extent(); return Math.abs((e[2] - e[0]) - w) < w * 0.02; }", homeWidth, $"the map went back to the district after {kind}", 30_000);
        }
        // The tour takes the items in turn (starting where the wall clock's slot says, so a video wall's screens agree).
        Assert.Equal(["coverage", "overdue", "unclear"], seen.Order());
        await _host.ScalarAsync<int>($"update incident set stage_due_at = now() + interval '2 days' where code = '{code}'; select 1");
    }

    [Fact]
    public async Task The_stale_banner_shows_the_last_heartbeat_after_30_seconds_of_silence_and_goes_when_the_feed_is_back()
    {
        await using var cutter = LinkCutter.Start(_host.BaseUrl);
        await using var page = await MapPage.OpenAsync(dashboard.Browser, cutter.BaseUrl, "/wall", 1920, 1080, prepare: c => c.Clock.InstallAsync());
        var banner = page.Page.Locator("[data-testid=stale-banner]");
        Assert.Equal("false", await banner.GetAttributeAsync("data-stale"));
        await page.WaitUntilAsync("() => window.mapDashboard.live().state === 'connected'", null, "the wall connected");
        var last = (await page.HookAsync<JsonElement>("stale()")).GetProperty("lastHeartbeat").GetString()!;

        cutter.Cut();
        await page.Page.Clock.FastForwardAsync("00:31");
        await page.WaitUntilAsync("() => window.mapDashboard.stale().stale", null, "the banner shows", 10_000);
        var heard = DateTimeOffset.Parse((await page.HookAsync<JsonElement>("stale()")).GetProperty("lastHeartbeat").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var shanghai = TimeZoneInfo.ConvertTime(heard, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.True(await banner.IsVisibleAsync());
        Assert.Contains($"{shanghai:HH:mm:ss}", await banner.InnerTextAsync());
        Assert.Contains("数据已停止更新", await banner.InnerTextAsync());
        Assert.True(heard >= DateTimeOffset.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        await page.SaveScreenshotAsync("wall-stale-banner");

        cutter.Mend();
        await page.WaitUntilAsync("() => !window.mapDashboard.stale().stale", null, "the banner went", 60_000);
        Assert.False(await banner.IsVisibleAsync());
    }

    [Fact]
    public async Task The_wall_scales_to_4K_and_a_quadrant_of_a_2x2_video_wall_shows_that_quarter_of_the_shared_view()
    {
        await using var big = await OpenAsync("/wall", 3840, 2160);
        var titleSize = await big.Page.Locator(".wall-title").EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        await using var small = await OpenAsync("/wall", 1920, 1080);
        var titleSmall = await small.Page.Locator(".wall-title").EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        Assert.InRange(titleSize / titleSmall, 1.9, 2.1); // text grows with the screen: as big from 3 m on a 4K wall
        await big.SaveScreenshotAsync("wall-story-4k");
        await small.SaveScreenshotAsync("wall-story-1080p-scaled-check");

        // Each quarter of the 4K view, shown on a 1920×1080 screen of a 2×2 wall: the same places at the same pixels.
        foreach (var (quadrant, dx, dy) in new[] { (1, 0, 0), (4, 1920, 1080) })
        {
            await using var tile = await OpenAsync($"/wall?tile=2x2&quadrant={quadrant}", 1920, 1080);
            // Both on the district (the focus tour keeps the wall clock, so both rest at once), then compared.
            foreach (var p in new[] { big, tile })
            {
                await p.WaitUntilAsync("() => window.mapDashboard.focus().active === null", null, "the wall rests on the district", 30_000);
                await p.IdleAsync();
            }
            foreach (var (x, y) in new[] { (100, 300), (960, 540), (1800, 1000) })
            {
                var onTile = await tile.HookAsync<double[]>($"lonLatAt({x}, {y})");
                var onWall = await big.HookAsync<double[]>($"lonLatAt({x + dx}, {y + dy})");
                Assert.True(Math.Abs(onTile[0] - onWall[0]) < 2e-4 && Math.Abs(onTile[1] - onWall[1]) < 2e-4,
                    $"quadrant {quadrant} at ({x},{y}) shows {onTile[0]:F5},{onTile[1]:F5}; the 4K wall has {onWall[0]:F5},{onWall[1]:F5} there");
            }
            await tile.SaveScreenshotAsync($"wall-story-quadrant-{quadrant}");
        }
    }

    static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
