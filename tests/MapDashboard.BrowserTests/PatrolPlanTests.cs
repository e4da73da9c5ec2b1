using System.Globalization;
using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /plan: a planner draws a route by clicking and sees at once what it covers (the server's
/// analysis of the same line), drags a vertex and sees that change, saves the route for a
/// worker and a day, and a second planner's open page lists it live; a suggestion for a grid
/// loads as an editable draft through every required stop.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PatrolPlanTests(DashboardFixture dashboard)
{
    readonly PatrolDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    [Fact]
    public async Task A_route_drawn_by_clicking_shows_the_coverage_the_analysis_API_computes_and_dragging_a_vertex_changes_it()
    {
        var grid = await _desk.GridAsync(0);
        await using var page = await dashboard.OpenAsync("/plan");
        await PlanPage.ChooseGridAsync(page, grid.Code);

        var e = grid.Entrances;
        await PlanPage.DrawThroughAsync(page, [e[0], e[e.Length / 2], e[^1]]);
        var first = await PlanPage.SettledAnalysisAsync(page);
        await page.SaveScreenshotAsync("plan-route-analysis");
        var path = PlanPage.DraftPath(first);
        Assert.Equal(3, path.Length);
        var expected = await _desk.AnalyseAsync(path, grid.Code);
        await PlanPage.ShowsAnalysisAsync(page, first, expected);
        Assert.Equal(grid.Code, expected.GetProperty("grid").GetString());
        Assert.NotEmpty(expected.GetProperty("passes").EnumerateArray());

        // Drag the middle vertex well away: the line, and what it covers, change.
        var from = await page.HookAsync<double[]>("pixelOf(arg[0], arg[1])", path[1]);
        await page.Page.Mouse.MoveAsync((float)from[0], (float)from[1]);
        await page.Page.Mouse.DownAsync();
        await page.Page.Mouse.MoveAsync((float)from[0] + 140, (float)from[1] + 110, new() { Steps = 12 });
        await page.Page.Mouse.UpAsync();
        await page.WaitUntilAsync(
            "(before) => { const p = window.mapDashboard.plan(); return p.analysis && !p.analysisPending && JSON.stringify(p.draftPath) !== before; }",
            JsonSerializer.Serialize(path), "the analysis of the dragged line");
        var second = await PlanPage.SettledAnalysisAsync(page);
        await page.SaveScreenshotAsync("plan-route-dragged");
        var moved = PlanPage.DraftPath(second);
        Assert.True(Geo.HaversineMetres(moved[1], path[1]) > 30, "the middle vertex did not move");
        var expectedMoved = await _desk.AnalyseAsync(moved, grid.Code);
        await PlanPage.ShowsAnalysisAsync(page, second, expectedMoved);
        Assert.True(
            expected.GetProperty("areaShare").GetDouble() != expectedMoved.GetProperty("areaShare").GetDouble()
            || !PatrolDesk.Codes(expected.GetProperty("passes")).SequenceEqual(PatrolDesk.Codes(expectedMoved.GetProperty("passes"))),
            "dragging a vertex 150 px changed neither the grid share nor what the route passes");
    }

    [Fact]
    public async Task A_saved_route_appears_in_a_second_open_planner_page_without_a_reload()
    {
        var grid = await _desk.GridAsync(1);
        await using var planner = await dashboard.OpenAsync("/plan");
        await using var colleague = await dashboard.OpenAsync("/plan");
        await colleague.MarkDocumentAsync();
        var day = await planner.Page.Locator("[data-testid=route-date]").InputValueAsync();

        await PlanPage.ChooseGridAsync(planner, grid.Code);
        var e = grid.Entrances;
        await PlanPage.DrawThroughAsync(planner, [e[0], e[^1]]);
        await PlanPage.SettledAnalysisAsync(planner);
        // The grid's own worker is preselected for a route in that grid.
        Assert.Equal(grid.Worker, await planner.Page.Locator("[data-testid=route-worker]").InputValueAsync());

        var name = "巡查路线 " + Guid.NewGuid().ToString("N")[..6];
        await planner.Page.Locator("[data-testid=route-name]").FillAsync(name);
        await planner.Page.Locator("[data-testid=save-route]").ClickAsync();
        await Assertions.TextContainsAsync(planner.Page.Locator("[data-testid=route-message]"), name);
        var id = await planner.HookAsync<long>("plan().loadedRoute");
        try
        {
            var saved = (await dashboard.Api.GetAsync($"/api/routes?date={day}")).GetProperty("features").EnumerateArray()
                .Single(f => f.GetProperty("id").GetInt64() == id);
            Assert.Equal(name, saved.GetProperty("properties").GetProperty("name").GetString());
            Assert.Equal(grid.Worker, saved.GetProperty("properties").GetProperty("worker").GetString());
            Assert.Equal(day, saved.GetProperty("properties").GetProperty("plannedFor").GetString());

            var row = colleague.Page.Locator($"[data-testid=saved-routes] li[data-id='{id}']");
            await row.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Contains(name, await row.InnerTextAsync());
            await colleague.WaitUntilAsync("(id) => window.mapDashboard.renderedFeatures('routes').some((r) => r.routeId === id)", id, $"route {id} drawn on the colleague's map");
            Assert.True(await colleague.WasNotReloadedAsync(), "the second planner page was reloaded to show the route");
            await colleague.IdleAsync();
            await colleague.SaveScreenshotAsync("plan-route-live-second-planner");

            // Opening it there loads it for editing.
            await row.ClickAsync();
            Assert.Equal(id, await colleague.HookAsync<long>("plan().loadedRoute"));
            Assert.Equal(name, await colleague.Page.Locator("[data-testid=route-name]").InputValueAsync());

            // The planner deletes it (a second click confirms); it leaves the colleague's list live too.
            var delete = planner.Page.Locator("[data-testid=delete-route]");
            await delete.ClickAsync();
            await Assertions.TextContainsAsync(planner.Page.Locator("[data-testid=route-message]"), "再点一次");
            await delete.ClickAsync();
            await Assertions.TextContainsAsync(planner.Page.Locator("[data-testid=route-message]"), "路线已删除");
            await row.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached, Timeout = 15_000 });
            Assert.DoesNotContain((await dashboard.Api.GetAsync($"/api/routes?date={day}")).GetProperty("features").EnumerateArray(),
                f => f.GetProperty("id").GetInt64() == id);
            Assert.True(await colleague.WasNotReloadedAsync(), "the second planner page was reloaded to drop the route");
            // The colleague had it open: their line stays, as an unsaved draft, and they are told why.
            await Assertions.TextContainsAsync(colleague.Page.Locator("[data-testid=route-message]"), "已被其他人删除");
            Assert.Null(await colleague.HookAsync<long?>("plan().loadedRoute"));
        }
        finally
        {
            await _desk.DeleteRouteAsync(id);
        }
    }

    [Fact]
    public async Task A_suggested_route_for_a_grid_loads_as_an_editable_draft_passing_every_required_stop()
    {
        var grid = await _desk.GridAsync(2);
        await using var page = await dashboard.OpenAsync("/plan");
        await PlanPage.ChooseGridAsync(page, grid.Code);
        await page.Page.Locator("[data-testid=suggest-route]").ClickAsync();
        await page.WaitUntilAsync("() => window.mapDashboard.plan().suggestion !== null", null, "the suggestion");
        var analysis = await PlanPage.SettledAnalysisAsync(page);
        await page.SaveScreenshotAsync("plan-route-suggestion");

        var expected = await _desk.PostAsync($"/api/grids/{grid.Code}/route-suggestion", new { });
        var stops = PatrolDesk.Codes(expected.GetProperty("stops"));
        Assert.NotEmpty(stops);
        var plan = await page.HookAsync<JsonElement>("plan()");
        Assert.Equal(stops, PatrolDesk.Codes(plan.GetProperty("suggestion").GetProperty("stops")));
        var draft = PlanPage.DraftPath(analysis);
        var suggested = expected.GetProperty("path").GetProperty("coordinates").EnumerateArray()
            .Select(c => new[] { c[0].GetDouble(), c[1].GetDouble() }).ToArray();
        Assert.Equal(suggested.Length, draft.Length);
        for (var i = 0; i < draft.Length; i++)
            Assert.True(Geo.HaversineMetres(draft[i], suggested[i]) < 0.05, $"draft vertex {i} is not the suggestion's");
        // Every required stop is within the visit radius of the loaded draft: the analysis passes it.
        var passes = PatrolDesk.Codes(analysis.GetProperty("analysis").GetProperty("passes"));
        Assert.Empty(stops.Except(passes));
        Assert.Contains(stops.Length.ToString(CultureInfo.InvariantCulture), await page.Page.Locator("[data-testid=suggest-note]").InnerTextAsync());
        Assert.Null(await page.HookAsync<long?>("plan().loadedRoute")); // a new, unsaved draft
    }

    [Fact]
    public async Task A_suggestion_on_a_fully_patrolled_grid_says_everything_is_patrolled_today()
    {
        var grid = await _desk.GridAsync(4);
        // The grid's worker walks the suggested route through everything the grid owes a visit today.
        var route = await _desk.PostAsync($"/api/grids/{grid.Code}/route-suggestion", new { });
        Assert.False(route.GetProperty("allVisited").GetBoolean());
        var path = route.GetProperty("path").GetProperty("coordinates").EnumerateArray()
            .Select(c => new[] { c[0].GetDouble(), c[1].GetDouble() }).ToArray();
        await _desk.WalkWithinTodayAsync(grid.Worker, path, TimeSpan.FromMinutes(1));
        try
        {
            await _desk.TrackedAsync(grid.Worker);
            Assert.True((await _desk.PostAsync($"/api/grids/{grid.Code}/route-suggestion", new { })).GetProperty("allVisited").GetBoolean());

            await using var page = await dashboard.OpenAsync("/plan");
            await PlanPage.ChooseGridAsync(page, grid.Code);
            await page.Page.Locator("[data-testid=suggest-route]").ClickAsync();
            await page.WaitUntilAsync("() => document.querySelector('[data-testid=suggest-note]').dataset.state === 'all-visited'", null, "the all-patrolled note");
            Assert.Equal("今日已全部巡查：本网格没有待巡查的楼栋或隐患点。", await page.Page.Locator("[data-testid=suggest-note]").InnerTextAsync());
            Assert.Equal(JsonValueKind.Null, (await page.HookAsync<JsonElement>("plan()")).GetProperty("draftPath").ValueKind);
            Assert.Empty(page.ConsoleErrors);
            await page.SaveScreenshotAsync("plan-suggestion-all-patrolled");

            await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
            await page.Page.Locator("[data-testid=suggest-route]").ClickAsync();
            await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=suggest-note]"), "Everything patrolled today");
        }
        finally
        {
            await _desk.ForgetAsync(grid.Worker);
        }
    }
}
