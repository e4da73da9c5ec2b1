using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.Domain.Permissions;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /lead's search finds anything a leader knows (issue 18, item 5): a worker by name (shown masked), a building by
/// name, an incident by code — each hit says what it is, and choosing it zooms the map and opens its card.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LeadSearchTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    async Task<Microsoft.Playwright.ILocator> SearchAsync(MapPage page, string q, string match, string code)
    {
        await page.Page.Locator("[data-testid=search]").FillAsync(q);
        var hit = page.Page.Locator($"[data-testid=search-results] li[data-match={match}][data-code='{code}']");
        await hit.WaitForAsync(new() { Timeout = 15_000 });
        return hit;
    }

    [Fact]
    public async Task A_worker_found_by_name_is_shown_masked_and_opens_their_grid_card()
    {
        const string grid = "620102001001-03"; // 朱志's grid in the demo district (data/demo/people.json)
        var (code, name) = await WorkerOfAsync(grid);
        await using var page = await dashboard.OpenAsync("/lead");
        var hit = await SearchAsync(page, name, "person", code);
        var text = await hit.InnerTextAsync();
        Assert.Contains("人员", text);
        Assert.Contains(Masking.Name(name), text);
        Assert.DoesNotContain(name, text); // masked on the shared screen, even for the district
        Assert.Contains("天庆嘉园第3网格", text);
        await hit.ClickAsync();
        await page.WaitUntilAsync("(g) => window.mapDashboard.selectedGrid() === g", grid, "the worker's grid card");
        Assert.Equal(Masking.Name(name), await page.Page.Locator("[data-testid=worker-name]").InnerTextAsync());
        await page.IdleAsync();
        var gridBox = DashboardApi.BBox(await dashboard.Api.GridAsync(grid));
        Assert.True(Geo.Contains(await page.ExtentAsync(), gridBox, 0.0005), "the map shows the worker's grid");
        await page.SaveScreenshotAsync("lead-search-worker");
    }

    [Fact]
    public async Task A_building_found_by_name_zooms_to_it_and_opens_its_grid_card_and_its_popup()
    {
        await using var page = await dashboard.OpenAsync("/lead");
        var hit = await SearchAsync(page, "B区11号楼", "building", "B000350");
        Assert.Contains("建筑", await hit.InnerTextAsync());
        Assert.Contains("天庆嘉园B区11号楼", await hit.InnerTextAsync());
        await hit.ClickAsync();
        await page.WaitUntilAsync("(g) => window.mapDashboard.selectedGrid() === g", "620102001001-03", "the building's grid card");
        var popup = page.Page.Locator("[data-testid=feature-popup]");
        await Assertions.TextContainsAsync(popup, "天庆嘉园B区11号楼");
        await Assertions.TextContainsAsync(popup, "B000350");
        await page.IdleAsync();
        var building = await BuildingBoxAsync("B000350");
        var extent = await page.ExtentAsync();
        Assert.True(Geo.Contains(extent, building), $"the map shows the building: extent {string.Join(",", extent)}, building {string.Join(",", building)}");
        Assert.True(Geo.Width(extent) < 0.02, $"zoomed in on the building, not the whole grid: {Geo.Width(extent)}° wide");
        await page.SaveScreenshotAsync("lead-search-building");
    }

    [Fact]
    public async Task An_incident_found_by_code_opens_its_grid_card_with_its_history_unfolded()
    {
        var grid = (await dashboard.Api.StaffedGridAsync()).GetProperty("code").GetString()!;
        var at = await _desk.PointInsideAsync(grid);
        var code = await _desk.ReportAsync("parking", at[0], at[1], "消防通道被车辆堵住");
        try
        {
            await using var page = await dashboard.OpenAsync("/lead");
            var hit = await SearchAsync(page, code.ToLowerInvariant(), "incident", code);
            var text = await hit.InnerTextAsync();
            Assert.Contains("事件", text);
            Assert.Contains("消防通道被车辆堵住", text);
            await hit.ClickAsync();
            await page.WaitUntilAsync("(g) => window.mapDashboard.selectedGrid() === g", grid, "the incident's grid card");
            var history = page.Page.Locator($"[data-testid=incident-history][data-code='{code}'] li");
            await history.First.WaitForAsync(new() { Timeout = 15_000 });
            await page.IdleAsync();
            Assert.True(Geo.Contains(await page.ExtentAsync(), [at[0], at[1], at[0], at[1]]), "the map shows the incident");
            await page.SaveScreenshotAsync("lead-search-incident");
        }
        finally
        {
            await _desk.DeleteAsync(code);
        }
    }

    async Task<(string Code, string Name)> WorkerOfAsync(string grid)
    {
        await using var cmd = dashboard.Db.CreateCommand(
            "select p.code, p.name from territory_unit g join person p on p.id = g.grid_worker_id where g.code = @g");
        cmd.Parameters.AddWithValue("g", grid);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"grid {grid} has a worker");
        return (reader.GetString(0), reader.GetString(1));
    }

    async Task<double[]> BuildingBoxAsync(string code)
    {
        await using var cmd = dashboard.Db.CreateCommand(
            "select array[ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)] from building, Box2D(footprint) b where code = @c");
        cmd.Parameters.AddWithValue("c", code);
        return (double[])(await cmd.ExecuteScalarAsync())!;
    }
}
