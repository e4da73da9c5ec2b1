using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>/wall: the command-centre display, 1920×1080, nobody touching it.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WallViewTests(DashboardFixture dashboard)
{
    Task<MapPage> OpenWallAsync(string query = "") => dashboard.OpenAsync("/wall" + query, 1920, 1080);

    [Fact]
    public async Task The_wall_fits_the_whole_district_and_renders_grids_and_hazards()
    {
        await using var page = await OpenWallAsync();
        await page.SaveScreenshotAsync("wall");

        Assert.Equal("wall", await page.HookAsync<string>("view"));
        var district = (await dashboard.Api.TerritoryAsync()).First(u => u.GetProperty("kind").GetString() == "district");
        var extent = await page.ExtentAsync();
        Assert.True(Geo.Contains(extent, DashboardApi.BBox(district)),
            $"view extent [{string.Join(", ", extent)}] does not contain the district bbox");
        // Building footprints only at street zoom (WallLevelOfDetailTests).
        await RenderAssertions.LayersRenderedAsync(page, ("territory", 2), ("grids", 10), ("hazards", 5), ("labels", 2));
        await RenderAssertions.GridFillIsOnScreenAsync(page);
    }

    [Fact]
    public async Task The_wall_has_no_zoom_controls_and_shows_a_title_clock_legend_and_grid_counts()
    {
        await using var page = await OpenWallAsync();
        Assert.Equal(0, await page.Page.Locator(".ol-zoom").CountAsync());
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}$", await page.Page.Locator("[data-testid=clock]").InnerTextAsync());
        Assert.True(await page.Page.Locator("[data-testid=legend]").IsVisibleAsync());
        var gridCount = (await dashboard.Api.TerritoryAsync()).Count(u => u.GetProperty("kind").GetString() is "community_grid" or "dedicated_grid");
        var stats = await page.Page.Locator("[data-testid=grid-stats]").InnerTextAsync();
        Assert.Contains(gridCount.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")), stats);
    }

    [Fact]
    public async Task The_wall_speaks_Chinese_by_default_and_English_after_the_switch()
    {
        await using var page = await OpenWallAsync();
        var title = page.Page.Locator(".wall-title");
        Assert.Contains("网格化管理指挥中心", await title.InnerTextAsync());
        Assert.True(Geo.HasChinese(await page.Page.TitleAsync()));

        await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
        Assert.Contains("Command Centre", await title.InnerTextAsync());
        Assert.Contains("Legend", await page.Page.Locator("[data-testid=legend]").InnerTextAsync());
        await page.SaveScreenshotAsync("wall-en");

        // The choice is remembered across a reload.
        await page.Page.ReloadAsync();
        await page.WaitReadyAsync();
        Assert.Contains("Command Centre", await page.Page.Locator(".wall-title").InnerTextAsync());
    }

    [Fact]
    public async Task The_lang_query_parameter_opens_the_wall_in_English()
    {
        await using var page = await OpenWallAsync("?lang=en");
        Assert.Equal("en", await page.HookAsync<string>("lang()"));
        Assert.Contains("Command Centre", await page.Page.Locator(".wall-title").InnerTextAsync());
    }
}
