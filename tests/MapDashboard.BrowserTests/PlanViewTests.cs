using System.Globalization;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>/plan: the patrol planner's drawing tool.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PlanViewTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task The_plan_map_renders_grids_buildings_and_status_colours()
    {
        await using var page = await dashboard.OpenAsync("/plan");
        Assert.Equal("plan", await page.HookAsync<string>("view"));
        await RenderAssertions.LayersRenderedAsync(page, ("territory", 2), ("grids", 10), ("buildings", 50));
        await RenderAssertions.GridFillIsOnScreenAsync(page);
    }

    [Fact]
    public async Task Drawing_a_line_by_clicking_shows_its_geodesic_length_and_walking_time()
    {
        await using var page = await dashboard.OpenAsync("/plan");
        var length = page.Page.Locator("[data-testid=route-length]");
        Assert.Equal("—", await length.InnerTextAsync());
        Assert.Null(await page.HookAsync<double?>("routeLengthMetres()"));

        var box = (await page.Page.Locator("#map").BoundingBoxAsync())!;
        double cx = box.X + box.Width / 2, cy = box.Y + box.Height / 2;
        var clicks = new[] { (cx - 200, cy - 100), (cx + 50, cy - 60), (cx + 180, cy + 120) };
        foreach (var (x, y) in clicks[..^1])
        {
            await page.Page.Mouse.ClickAsync((float)x, (float)y);
            await Task.Delay(350); // longer than a double-click, so each is a separate vertex
        }
        // A double-click adds the last vertex and finishes the line.
        await page.Page.Mouse.DblClickAsync((float)clicks[^1].Item1, (float)clicks[^1].Item2);
        await page.IdleAsync();
        await page.SaveScreenshotAsync("plan-route");

        var shown = double.Parse((await length.InnerTextAsync()).Replace(",", ""), CultureInfo.InvariantCulture);
        Assert.True(shown > 0, $"length shows {shown}");
        var metres = await page.HookAsync<double>("routeLengthMetres()");

        // The length is geodesic: the sum of great-circle legs between the clicked points.
        var points = new List<double[]>();
        foreach (var (x, y) in clicks) points.Add(await page.HookAsync<double[]>("lonLatAt(arg[0], arg[1])", new[] { x, y }));
        var expected = points.Zip(points.Skip(1), Geo.HaversineMetres).Sum();
        Assert.InRange(metres, expected * 0.99, expected * 1.01);
        Assert.Equal(Math.Round(metres), shown);

        var minutes = double.Parse((await page.Page.Locator("[data-testid=route-time]").InnerTextAsync()).Replace(",", ""), CultureInfo.InvariantCulture);
        Assert.Equal(Math.Max(1, Math.Round(metres / (4500.0 / 60))), minutes);
    }

    [Fact]
    public async Task Saving_without_a_line_or_a_name_says_what_is_missing_and_saves_nothing()
    {
        await using var page = await dashboard.OpenAsync("/plan");
        var before = await page.HookAsync<long[]>("plan().savedRoutes");
        var save = page.Page.Locator("[data-testid=save-route]");
        Assert.True(await save.IsEnabledAsync());
        await save.ClickAsync();
        await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=route-message]"), "请先在地图上画出路线");
        Assert.DoesNotContain("路线规划", await page.Page.Locator(".side").InnerTextAsync()); // no "saving comes later" note

        var box = (await page.Page.Locator("#map").BoundingBoxAsync())!;
        await page.Page.Mouse.ClickAsync(box.X + box.Width / 2 - 80, box.Y + box.Height / 2);
        await Task.Delay(350);
        await page.Page.Mouse.DblClickAsync(box.X + box.Width / 2 + 80, box.Y + box.Height / 2);
        await save.ClickAsync();
        await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=route-message]"), "请填写路线名称");
        Assert.Null(await page.HookAsync<long?>("plan().loadedRoute"));
        Assert.Equal(before, await page.HookAsync<long[]>("plan().savedRoutes"));
    }

    [Fact]
    public async Task The_plan_view_speaks_Chinese_and_switches_to_English()
    {
        await using var page = await dashboard.OpenAsync("/plan");
        Assert.Contains("巡查路线", await page.Page.Locator(".side").InnerTextAsync());
        await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
        Assert.Contains("Patrol route", await page.Page.Locator(".side").InnerTextAsync());
        Assert.Contains("Length", await page.Page.Locator(".side").InnerTextAsync());
        await page.SaveScreenshotAsync("plan-en");
    }
}
