using System.Globalization;
using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>/lead: the leaders' navigator, search and grid card.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LeadViewTests(DashboardFixture dashboard)
{
    static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public async Task The_lead_map_renders_grids_buildings_and_status_colours()
    {
        await using var page = await dashboard.OpenAsync("/lead");
        await page.SaveScreenshotAsync("lead");
        Assert.Equal("lead", await page.HookAsync<string>("view"));
        await RenderAssertions.LayersRenderedAsync(page, ("territory", 2), ("grids", 10), ("buildings", 50));
        await RenderAssertions.GridFillIsOnScreenAsync(page);
        Assert.True(await page.Page.Locator("[data-testid=territory-tree] .tree-node").CountAsync() > 1);
    }

    [Fact]
    public async Task Opening_lead_with_a_grid_code_zooms_to_that_grid_and_shows_its_worker_and_building_count()
    {
        var grid = await dashboard.Api.StaffedGridAsync();
        var code = grid.GetProperty("code").GetString()!;
        await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(code)}");
        await page.SaveScreenshotAsync("lead-grid");

        await AssertZoomedToAsync(page, grid);
        await AssertPanelShowsAsync(page, grid);
        Assert.Equal(code, await page.HookAsync<string>("selectedGrid()"));
        // The grid itself is drawn with its status fill on screen.
        await RenderAssertions.LayersRenderedAsync(page, ("grids", 1), ("buildings", 1), ("selection", 1));
    }

    [Fact]
    public async Task The_search_box_finds_a_grid_by_its_code_and_opens_it()
    {
        var grid = await dashboard.Api.StaffedGridAsync();
        var code = grid.GetProperty("code").GetString()!;
        await using var page = await dashboard.OpenAsync("/lead");

        await page.Page.Locator("[data-testid=search]").FillAsync(code);
        var hit = page.Page.Locator($"[data-testid=search-results] .search-hit[data-code='{code}']");
        await hit.WaitForAsync();
        await page.SaveScreenshotAsync("lead-search");
        await hit.ClickAsync();

        // The card opens (and the URL names the grid) once the grid is fetched; a failure says what the page logged.
        await page.WaitUntilAsync("code => new URLSearchParams(location.search).get('grid') === code", code,
            $"the URL to name grid {code} after its search hit was clicked", 30_000);
        Assert.EndsWith($"/lead?grid={code}", page.Page.Url);
        await page.Page.Locator("[data-testid=grid-panel]:not([hidden])").WaitForAsync();
        await page.IdleAsync();
        await AssertZoomedToAsync(page, grid);
        await AssertPanelShowsAsync(page, grid);
    }

    [Fact]
    public async Task Clicking_a_building_on_the_map_shows_its_properties()
    {
        var grid = await dashboard.Api.StaffedGridAsync();
        await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(grid.GetProperty("code").GetString()!)}");
        var buildings = (await page.HookAsync<JsonElement>("renderedFeatures('buildings')")).EnumerateArray().ToList();
        Assert.NotEmpty(buildings);

        foreach (var b in buildings.Take(15))
        {
            var code = b.GetProperty("code").GetString()!;
            var px = await page.HookAsync<int[]?>("pixelOfFeature('buildings', arg)", code);
            if (px is null) continue;
            await page.Page.Mouse.ClickAsync(px[0], px[1]);
            var popup = page.Page.Locator("[data-testid=feature-popup]");
            await Assertions.TextContainsAsync(popup, code);
            Assert.Contains(b.GetProperty("households").ToString(), await popup.InnerTextAsync());
            await page.SaveScreenshotAsync("lead-building");
            return;
        }
        Assert.Fail("no rendered building had a clickable pixel");
    }

    [Fact]
    public async Task The_lead_view_speaks_Chinese_and_switches_to_English()
    {
        await using var page = await dashboard.OpenAsync("/lead");
        var side = page.Page.Locator(".side");
        Assert.Contains("辖区导航", await side.InnerTextAsync());
        Assert.True(Geo.HasChinese(await page.Page.TitleAsync()));
        Assert.Equal("搜索网格、人员、楼栋、事件编号", await page.Page.Locator("[data-testid=search]").GetAttributeAsync("placeholder"));

        await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
        Assert.Contains("Territory", await side.InnerTextAsync());
        Assert.Contains("Leader View", await page.Page.Locator(".topbar").InnerTextAsync());
        Assert.Equal("Search places, people, incidents", await page.Page.Locator("[data-testid=search]").GetAttributeAsync("placeholder"));
    }

    static async Task AssertZoomedToAsync(MapPage page, JsonElement grid)
    {
        var bbox = DashboardApi.BBox(grid);
        var extent = await page.ExtentAsync();
        Assert.True(Geo.Contains(extent, bbox, slack: 1e-6), $"view [{string.Join(", ", extent)}] does not show grid bbox [{string.Join(", ", bbox)}]");
        // Zoomed in on the grid, not left on the whole district.
        var ratio = Math.Max(Geo.Width(extent) / Geo.Width(bbox), Geo.Height(extent) / Geo.Height(bbox));
        Assert.True(ratio < 8, $"the view is {ratio:F1}× the grid: not zoomed to it");
    }

    static async Task AssertPanelShowsAsync(MapPage page, JsonElement grid)
    {
        var panel = page.Page.Locator("[data-testid=grid-panel]");
        Assert.True(await panel.IsVisibleAsync());
        Assert.Equal(grid.GetProperty("gridWorker").GetProperty("name").GetString(), await panel.Locator("[data-testid=worker-name]").InnerTextAsync());
        Assert.Equal(grid.GetProperty("buildingCount").GetInt32().ToString("N0", Zh), await panel.Locator("[data-testid=building-count]").InnerTextAsync());
        Assert.Equal(grid.GetProperty("name").GetString(), await panel.Locator("[data-testid=grid-name]").InnerTextAsync());
    }
}
