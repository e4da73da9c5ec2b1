using System.Globalization;
using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// After a worker's pings are posted as a field device posts them: planned vs walked on /plan,
/// positions, tracks and coverage on /wall, and the grid card's patrol numbers on /lead all
/// agree with the API.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PatrolWalkTests(DashboardFixture dashboard)
{
    readonly PatrolDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    static string Percent(double share) => $"{Math.Round(share * 100).ToString(CultureInfo.InvariantCulture)}%";

    [Fact]
    public async Task Planned_vs_walked_shows_the_followed_share_and_skipped_stops_the_API_computes()
    {
        var grid = await _desk.GridAsync(3);
        var plannedPath = grid.Entrances.Take(5).ToArray();
        var day = PatrolDesk.ServerToday();
        var route = await _desk.PostAsync("/api/routes", new
        {
            name = "计划对比 " + Guid.NewGuid().ToString("N")[..6], path = PatrolDesk.Line(plannedPath),
            grid = grid.Code, worker = grid.Worker, plannedFor = day,
        });
        var id = route.GetProperty("id").GetInt64();
        try
        {
            // The plan was given to the worker before they set out (planned vs walked counts only walking after that);
            // they walk the first half of it, then go home.
            await _desk.AssignedAgoAsync(id, TimeSpan.FromMinutes(30));
            await _desk.WalkAsync(grid.Worker, plannedPath.Take(3).ToArray(), TimeSpan.FromMinutes(2));
            var expected = await _desk.GetAsync($"/api/routes/{id}/comparison");

            await using var page = await dashboard.OpenAsync("/plan");
            var date = page.Page.Locator("[data-testid=route-date]");
            if (await date.InputValueAsync() != day) await date.FillAsync(day); // the browser's day may not be the server's
            var row = page.Page.Locator($"[data-testid=saved-routes] li[data-id='{id}']");
            await row.WaitForAsync(new() { Timeout = 15_000 });
            await row.Locator("[data-testid=compare-route]").ClickAsync();
            await page.WaitUntilAsync("() => window.mapDashboard.plan().comparison !== null", null, "the comparison");
            await Task.Delay(500); // the fit to the route (400 ms)
            await page.IdleAsync();
            await page.SaveScreenshotAsync("plan-planned-vs-walked");

            var share = expected.GetProperty("followedShare").GetDouble();
            Assert.InRange(share, 0.05, 0.95); // half walked: neither nothing nor everything
            Assert.Equal(Percent(share), await page.Page.Locator("[data-testid=followed-share]").InnerTextAsync());
            Assert.Equal(expected.GetProperty("skipped").GetInt32().ToString(CultureInfo.InvariantCulture),
                await page.Page.Locator("[data-testid=skipped-count]").InnerTextAsync());
            var shown = await page.HookAsync<JsonElement>("plan().comparison");
            Assert.Equal(share, shown.GetProperty("followedShare").GetDouble(), 6);
            var skipped = expected.GetProperty("stops").EnumerateArray().Where(s => !s.GetProperty("visited").GetBoolean())
                .Select(s => s.GetProperty("code").GetString()).ToArray();
            var listedSkipped = await page.Page.Locator("[data-testid=comparison-stops] li.skipped")
                .EvaluateAllAsync<string[]>("els => els.map((e) => e.dataset.code)");
            Assert.Equal(skipped, listedSkipped);

            // On the map: the walked track, the followed part and the missed part, as the API has them.
            var parts = (await page.RenderedFeaturesAsync("routeComparison")).Select(f => f.GetProperty("part").GetString()).Order().ToArray();
            var present = new[] { "followed", "missed", "walked" }.Where(p => expected.GetProperty(p).ValueKind == JsonValueKind.Object).ToArray();
            Assert.Equal(present, parts);
            Assert.Contains("walked", parts);
        }
        finally
        {
            await _desk.DeleteRouteAsync(id);
            await _desk.ForgetAsync(grid.Worker);
        }
    }

    [Fact]
    public async Task The_wall_shows_worker_positions_today_s_tracks_and_coverage_after_pings_are_posted()
    {
        var grid = await _desk.GridAsync(4);
        try
        {
            await _desk.WalkAsync(grid.Worker, grid.Entrances, TimeSpan.FromMinutes(1));
            var worker = (await dashboard.Api.GetAsync("/api/patrols/workers")).EnumerateArray().Single(w => w.GetProperty("code").GetString() == grid.Worker);
            var last = grid.Entrances[^1];
            Assert.Equal(last[0], worker.GetProperty("lon").GetDouble(), 6);
            await _desk.TrackedAsync(grid.Worker);

            await using var page = await dashboard.OpenAsync("/wall", 1920, 1080);
            await WaitForPingAsync(page, grid.Worker, worker.GetProperty("recordedAt").GetDateTimeOffset());
            var tracks = await page.RenderedFeaturesAsync("tracks");
            Assert.Contains(tracks, t => t.GetProperty("worker").GetString() == grid.Worker);
            Assert.NotEmpty(await page.RenderedFeaturesAsync("coverage"));
            // Unvisited marks: what the grid's coverage lists as unvisited today is marked, what the walk visited is not.
            var coverage = await _desk.GetAsync($"/api/grids/{grid.Code}/coverage?window=today");
            var visited = coverage.GetProperty("visited").EnumerateArray().Select(v => v.GetProperty("code").GetString()!).ToArray();
            Assert.NotEmpty(visited);
            var marked = (await page.RenderedFeaturesAsync("unvisited")).Select(f => f.GetProperty("code").GetString()!).ToHashSet();
            Assert.DoesNotContain(visited, marked.Contains);
            Assert.DoesNotContain(coverage.GetProperty("unvisited").EnumerateArray().Select(u => u.GetProperty("code").GetString()!), c => !marked.Contains(c));
            await page.IdleAsync();
            await page.SaveScreenshotAsync("wall-patrols");

            // A new ping moves the dot live (the hub's positions), and its label says how old it is.
            await page.MarkDocumentAsync();
            await _desk.WalkAsync(grid.Worker, [last, [last[0] + 0.0002, last[1]]], TimeSpan.Zero);
            var now = (await dashboard.Api.GetAsync("/api/patrols/workers")).EnumerateArray().Single(w => w.GetProperty("code").GetString() == grid.Worker);
            await WaitForPingAsync(page, grid.Worker, now.GetProperty("recordedAt").GetDateTimeOffset());
            await page.IdleAsync();
            await page.SaveScreenshotAsync("wall-patrols-live-ping");
            Assert.True(await page.WasNotReloadedAsync(), "the wall was reloaded to move the worker");
        }
        finally
        {
            await _desk.ForgetAsync(grid.Worker);
        }
    }

    [Fact]
    public async Task The_lead_grid_card_shows_the_grid_s_patrol_coverage_as_the_API_computes_it_for_each_window()
    {
        var grid = await _desk.GridAsync(5);
        try
        {
            await _desk.WalkAsync(grid.Worker, grid.Entrances.Take(4).ToArray(), TimeSpan.FromMinutes(3));
            await _desk.TrackedAsync(grid.Worker);

            await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(grid.Code)}");
            await page.WaitUntilAsync("() => window.mapDashboard.gridCoverage()?.window === 'today'", null, "the grid's patrol coverage");
            await page.IdleAsync();
            await page.SaveScreenshotAsync("lead-grid-patrol");
            await ShowsCoverageAsync(page, await dashboard.Api.GetAsync($"/api/grids/{grid.Code}/coverage?window=today"), grid.Worker);

            await page.Page.Locator("[data-testid=patrol-window-7d]").ClickAsync();
            await page.WaitUntilAsync("() => window.mapDashboard.gridCoverage()?.window === '7d'", null, "the 7-day coverage");
            await ShowsCoverageAsync(page, await dashboard.Api.GetAsync($"/api/grids/{grid.Code}/coverage?window=7d"), grid.Worker);
            // The chosen window's covered land is outlined on the map.
            await page.IdleAsync();
            Assert.Contains(await page.RenderedFeaturesAsync("windowCoverage"), f => f.GetProperty("code").GetString() == $"{grid.Code}/7d");

            // The map shows the worker's track; its layer toggle hides it.
            Assert.Contains(await page.RenderedFeaturesAsync("tracks"), t => t.GetProperty("worker").GetString() == grid.Worker);
            await page.Page.Locator("[data-testid=toggle-tracks]").UncheckAsync();
            await page.IdleAsync();
            Assert.Empty(await page.RenderedFeaturesAsync("tracks"));
        }
        finally
        {
            await _desk.ForgetAsync(grid.Worker);
        }
    }

    /// <summary>The workers layer draws this worker at the ping recorded at this time.</summary>
    static Task WaitForPingAsync(MapPage page, string worker, DateTimeOffset recordedAt) => page.WaitUntilAsync(
        "([code, at]) => window.mapDashboard.renderedFeatures('workers').some((w) => w.code === code && Date.parse(w.recordedAt) === at)",
        new object[] { worker, recordedAt.ToUnixTimeMilliseconds() }, $"worker {worker} drawn at the ping of {recordedAt:O}");

    static async Task ShowsCoverageAsync(MapPage page, JsonElement expected, string worker)
    {
        var p = page.Page;
        Assert.True(expected.GetProperty("areaShare").GetDouble() > 0, "the walk covered nothing of the grid");
        Assert.Equal(Percent(expected.GetProperty("areaShare").GetDouble()), await p.Locator("[data-testid=patrol-area-share]").InnerTextAsync());
        string Of(string kind) => $"{expected.GetProperty(kind).GetProperty("visited").GetInt32()}/{expected.GetProperty(kind).GetProperty("total").GetInt32()}";
        Assert.Equal(Of("buildings"), (await p.Locator("[data-testid=patrol-buildings]").InnerTextAsync()).Replace(",", ""));
        Assert.Equal(Of("hazards"), (await p.Locator("[data-testid=patrol-hazards]").InnerTextAsync()).Replace(",", ""));
        Assert.True(expected.GetProperty("buildings").GetProperty("visited").GetInt32() >= 4, "the walk passed four entrances");
        var unvisited = await p.Locator("[data-testid=patrol-unvisited] li").EvaluateAllAsync<string[]>("els => els.map((e) => e.dataset.code)");
        Assert.Equal(expected.GetProperty("unvisited").EnumerateArray().Select(u => u.GetProperty("code").GetString()), unvisited);
        var workers = await p.Locator("[data-testid=patrol-workers] tr[data-code]").EvaluateAllAsync<string[]>("els => els.map((e) => e.dataset.code)");
        Assert.Equal(expected.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("code").GetString()), workers);
        Assert.Contains(worker, workers);
        var revisit = await p.Locator("[data-testid=patrol-revisit] li").CountAsync();
        Assert.Equal(expected.GetProperty("revisitDue").GetArrayLength(), revisit);
    }
}
