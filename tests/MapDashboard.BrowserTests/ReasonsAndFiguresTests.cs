using System.Globalization;
using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// Every colour has its reason and every figure means its label (issue 18 items 1 and 2), as a reader sees them:
/// the grid card names the rule that made its grid red, with figure and threshold; the wall's legend counts grids by
/// reason and its strip shows patrol coverage; coverage younger than its window says so; a grid's patrol table gives
/// the walking inside that grid; planned vs walked ignores walking before the route was assigned.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ReasonsAndFiguresTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _incidents = new(dashboard.BaseUrl, dashboard.Db);
    readonly PatrolDesk _patrols = new(dashboard.BaseUrl, dashboard.Db);

    [Fact]
    public async Task A_grid_red_for_an_overdue_incident_says_so_on_its_card_and_the_wall_legend_counts_it()
    {
        var grid = (await _patrols.GridAsync(8)).Code;
        var at = await _incidents.PointInsideAsync(grid);
        var code = await _incidents.ReportAsync("sewage", at[0], at[1], "污水外溢（原因测试）");
        try
        {
            await _incidents.MakeOverdueAsync(code);
            await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(grid)}");
            var reason = page.Page.Locator("[data-testid=grid-panel] [data-testid=grid-reasons] li[data-rule=overdue]");
            await reason.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Equal("1 个超期事件（≥ 1 个即红）", await reason.InnerTextAsync());
            await page.SaveScreenshotAsync("lead-reason-overdue");

            // The wall, which nobody clicks: the legend counts red grids by reason, as the API's grids have them.
            await using var wall = await dashboard.OpenAsync("/wall");
            var units = (await dashboard.Api.TerritoryAsync()).Where(u => u.GetProperty("kind").GetString() is "community_grid" or "dedicated_grid").ToArray();
            var red = units.Where(u => u.GetProperty("status").GetString() == "red").ToArray();
            var redOverdue = red.Count(u => u.GetProperty("reasons").EnumerateArray().Any(r => r.GetProperty("rule").GetString() == "overdue"));
            Assert.True(redOverdue >= 1);
            var row = wall.Page.Locator("[data-testid=legend-reasons] [data-status=red]");
            Assert.Equal(red.Length.ToString(CultureInfo.InvariantCulture), await row.GetAttributeAsync("data-count"));
            Assert.Equal(redOverdue.ToString(CultureInfo.InvariantCulture), await row.Locator("[data-rule=overdue]").GetAttributeAsync("data-count"));
            Assert.StartsWith($"红 {red.Length}：", await row.TextContentAsync());
            Assert.Contains($"超期 {redOverdue}", await row.TextContentAsync());
            await wall.SaveScreenshotAsync("wall-legend-reasons");
        }
        finally
        {
            await _incidents.DeleteAsync(code);
        }
    }

    [Fact]
    public async Task A_grid_red_for_five_open_incidents_says_so_on_its_card()
    {
        var grid = (await _patrols.GridAsync(9)).Code;
        var at = await _incidents.PointInsideAsync(grid);
        var codes = new List<string>();
        try
        {
            foreach (var category in new[] { "roof_leak", "parking", "sanitation", "low_cable", "water_supply" })
                codes.Add(await _incidents.ReportAsync(category, at[0], at[1], "在办过多（原因测试）"));
            await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(grid)}");
            var reason = page.Page.Locator("[data-testid=grid-panel] [data-testid=grid-reasons] li[data-rule=open_incidents_many]");
            await reason.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Equal("5 个在办事件（≥ 5 个即红）", await reason.InnerTextAsync());
            await page.SaveScreenshotAsync("lead-reason-open-incidents");
        }
        finally
        {
            foreach (var code in codes) await _incidents.DeleteAsync(code);
        }
    }

    [Fact]
    public async Task A_walk_crossing_two_grids_is_split_between_their_patrol_tables_and_young_coverage_says_so()
    {
        var a = await _patrols.GridAsync(7);
        var b = await _patrols.NeighbourAsync(a.Code);
        var (inA, onBoth, inB) = await _patrols.CrossingAsync(a.Code, b);
        await _patrols.WalkAsync(a.Worker, [inA, onBoth, inB], TimeSpan.FromMinutes(1));
        try
        {
            await _patrols.TrackedAsync(a.Worker);
            var apiA = Worker(await _patrols.GetAsync($"/api/grids/{a.Code}/coverage?window=today"), a.Worker);
            var apiB = Worker(await _patrols.GetAsync($"/api/grids/{b}/coverage?window=today"), a.Worker);
            var whole = apiA.GetProperty("metres").GetDouble();
            double In(JsonElement w) => w.GetProperty("metresInGrid").GetDouble();
            // Each grid counts its own part: both parts walked, neither the whole, together no more than the whole.
            Assert.True(In(apiA) > 10 && In(apiB) > 10, $"parts {In(apiA)} and {In(apiB)} of {whole}");
            Assert.True(In(apiA) < whole - 10 && In(apiB) < whole - 10, $"parts {In(apiA)} and {In(apiB)} of {whole}");
            Assert.True(In(apiA) + In(apiB) <= whole + 1, $"parts {In(apiA)} + {In(apiB)} exceed {whole}");
            Assert.InRange(apiA.GetProperty("minutesInGrid").GetDouble() + apiB.GetProperty("minutesInGrid").GetDouble(),
                0.1, apiA.GetProperty("minutesTotal").GetDouble() + 0.05);

            await EscalationSweepAsync();
            foreach (var (grid, api) in new[] { (a.Code, apiA), (b, apiB) })
            {
                await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(grid)}");
                var row = page.Page.Locator($"[data-testid=patrol-workers] tr[data-code='{a.Worker}']");
                await row.WaitForAsync(new() { Timeout = 15_000 });
                Assert.Equal($"{Math.Round(In(api)).ToString("N0", CultureInfo.GetCultureInfo("zh-CN"))} 米",
                    await row.Locator("[data-testid=in-grid-metres]").InnerTextAsync());
                Assert.Equal($"{Math.Round(api.GetProperty("minutesInGrid").GetDouble()).ToString("N0", CultureInfo.GetCultureInfo("zh-CN"))} 分钟",
                    await row.Locator("[data-testid=in-grid-minutes]").InnerTextAsync());
                Assert.Contains($"{Math.Round(whole).ToString("N0", CultureInfo.GetCultureInfo("zh-CN"))} 米", await row.Locator("[data-testid=whole-walk]").InnerTextAsync());
                await page.SaveScreenshotAsync($"lead-patrol-table-crossing-{(grid == a.Code ? "a" : "b")}");
            }

            // The district's patrol record is minutes old: the walked grid's thin coverage colours nothing and says so.
            var share = (await _patrols.GetAsync($"/api/grids/{a.Code}/coverage?window=24h")).GetProperty("visitShare").GetDouble();
            Assert.True(share < 0.8, $"premise: a straight walk leaves {a.Code} under 80 % visited, not {share}");
            await using var lead = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(a.Code)}");
            var young = lead.Page.Locator("[data-testid=grid-panel] [data-testid=grid-reasons] li[data-rule=coverage_young]");
            await young.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Matches(@"^巡查数据不足 24 小时（仅 \d+(\.\d)? 小时）：覆盖率暂不计入颜色$", await young.InnerTextAsync());
            await lead.SaveScreenshotAsync("lead-reason-young-coverage");

            // The wall's strip: the district's coverage beside the incident figures, marked young; the legend counts the young grids.
            await using var wall = await dashboard.OpenAsync("/wall");
            var district = (await dashboard.Api.TerritoryAsync()).First(u => u.GetProperty("kind").GetString() == "district").GetProperty("code").GetString()!;
            var cell = wall.Page.Locator("[data-testid=indicators] [data-testid=ind-patrolCoverage]");
            await wall.WaitUntilAsync("() => document.querySelector('[data-testid=ind-patrolCoverage] .ind-sub') !== null", null, "the coverage figure");
            var expected = (await _patrols.GetAsync($"/api/indicators/{district}")).GetProperty("patrolCoverage");
            Assert.True(expected.GetProperty("young").GetBoolean());
            Assert.Equal($"{Math.Round(expected.GetProperty("share").GetDouble() * 100).ToString(CultureInfo.InvariantCulture)}%", await cell.Locator(".ind-value").InnerTextAsync());
            Assert.Equal("巡查覆盖率", await cell.Locator(".ind-label").InnerTextAsync());
            Assert.Equal("巡查数据不足 24 小时", await cell.Locator(".ind-sub").InnerTextAsync());
            Assert.Equal("true", await cell.GetAttributeAsync("data-young"));
            await Assertions.TextContainsAsync(wall.Page.Locator("[data-testid=legend-young]"), "巡查数据不足 24 小时：");
            await wall.SaveScreenshotAsync("wall-strip-coverage-young");
        }
        finally
        {
            await _patrols.ForgetAsync(a.Worker);
        }
    }

    [Fact]
    public async Task Planned_vs_walked_ignores_walking_done_before_the_route_was_assigned()
    {
        var grid = await _patrols.GridAsync(6);
        var path = grid.Entrances.Take(4).ToArray();
        var day = PatrolDesk.ServerToday();
        // The worker walks the whole line first (13:19 in the issue); the route is saved afterwards (14:38).
        await _patrols.WalkAsync(grid.Worker, path, TimeSpan.FromMinutes(1));
        var route = await _patrols.PostAsync("/api/routes", new
        {
            name = "事后保存 " + Guid.NewGuid().ToString("N")[..6], path = PatrolDesk.Line(path), grid = grid.Code, worker = grid.Worker, plannedFor = day,
        });
        var id = route.GetProperty("id").GetInt64();
        try
        {
            var expected = await _patrols.GetAsync($"/api/routes/{id}/comparison");
            Assert.Equal(0, expected.GetProperty("followedMetres").GetDouble());
            Assert.Equal(expected.GetProperty("stops").GetArrayLength(), expected.GetProperty("skipped").GetInt32());
            Assert.True(expected.GetProperty("skipped").GetInt32() >= 1);

            await using var page = await dashboard.OpenAsync("/plan");
            var date = page.Page.Locator("[data-testid=route-date]");
            if (await date.InputValueAsync() != day) await date.FillAsync(day);
            var row = page.Page.Locator($"[data-testid=saved-routes] li[data-id='{id}']");
            await row.WaitForAsync(new() { Timeout = 15_000 });
            await row.Locator("[data-testid=compare-route]").ClickAsync();
            await page.WaitUntilAsync("() => window.mapDashboard.plan().comparison !== null", null, "the comparison");
            await page.IdleAsync();
            await page.SaveScreenshotAsync("plan-planned-vs-walked-before-assignment");
            Assert.Equal("0%", await page.Page.Locator("[data-testid=followed-share]").InnerTextAsync());
            Assert.Equal(expected.GetProperty("skipped").GetInt32().ToString(CultureInfo.InvariantCulture),
                await page.Page.Locator("[data-testid=skipped-count]").InnerTextAsync());
            Assert.Equal(0, await page.Page.Locator("[data-testid=comparison-stops] li.visited").CountAsync());
            await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=comparison-window]"), "之后（路线分配于");
        }
        finally
        {
            await _patrols.DeleteRouteAsync(id);
            await _patrols.ForgetAsync(grid.Worker);
        }
    }

    static JsonElement Worker(JsonElement coverage, string code) =>
        coverage.GetProperty("workers").EnumerateArray().Single(w => w.GetProperty("code").GetString() == code);

    Task EscalationSweepAsync() => MapDashboard.Data.Incidents.EscalationSweep.RunOnceAsync(dashboard.Db);
}
