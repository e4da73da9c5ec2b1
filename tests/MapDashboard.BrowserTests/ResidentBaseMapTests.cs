using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Assertions = MapDashboard.BrowserTests.Infrastructure.Assertions;

namespace MapDashboard.BrowserTests;

/// <summary>
/// The resident's map on /report at phone size, with no account: the base layers (water, roads, building outlines)
/// come from /tiles/public and are drawn — read from what OpenLayers rendered through the test hook, and from the tile
/// answers the page received — while no signed-in tile or API of the staff's map is asked for.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ResidentBaseMapTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task The_report_page_draws_the_public_base_tiles_for_a_resident_without_an_account()
    {
        await using var context = await ResidentPages.PhoneAsync(dashboard.Browser, dashboard.BaseUrl, await ResidentPages.FreePointAsync(dashboard.Db));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var tiles = new List<(string Url, int Status)>();
        page.Response += (_, r) => { if (new Uri(r.Url).AbsolutePath.StartsWith("/tiles/", StringComparison.Ordinal)) lock (tiles) tiles.Add((r.Url, r.Status)); };

        await page.GotoAsync("/report");
        await page.WaitForFunctionAsync("() => window.mapDashboard && window.mapDashboard.ready", null, new() { Timeout = 45_000 });
        Assert.Equal("report", await page.EvaluateAsync<string>("() => window.mapDashboard.view"));
        Assert.Equal(["water", "roads", "buildings"], await page.EvaluateAsync<string[]>("() => window.mapDashboard.layerNames()"));

        // The phone's position brings the map to the street, where the building outlines start (z13 and deeper).
        await page.Locator("[data-testid=report-locate]").ClickAsync();
        await Assertions.TextContainsAsync(page.Locator("[data-testid=report-place]"), "已选位置");
        await page.WaitForFunctionAsync("() => window.mapDashboard.zoom() >= 16", null, new() { Timeout = 15_000 });
        await page.EvaluateAsync("() => window.mapDashboard.idle()");

        var roads = await Rendered(page, "roads");
        var buildings = await Rendered(page, "buildings");
        Assert.NotEmpty(roads);
        Assert.NotEmpty(buildings);
        Assert.Contains(roads, r => r.TryGetProperty("class", out _));
        // Outlines only: nothing of the owners, households or the ownership flags reaches a resident.
        string[] withheld = ["code", "name", "households", "residents", "owner", "manager", "ownerless", "disputed"];
        Assert.DoesNotContain(buildings.SelectMany(b => b.EnumerateObject()), p => withheld.Contains(p.Name));

        List<(string Url, int Status)> seen;
        lock (tiles) seen = [.. tiles];
        Assert.All(seen, t => Assert.StartsWith($"{dashboard.BaseUrl}/tiles/public/", t.Url));
        Assert.All(seen, t => Assert.Contains(t.Status, new[] { 200, 204 }));
        Assert.Contains(seen, t => t.Url.Contains("/tiles/public/roads/") && t.Status == 200);
        Assert.Contains(seen, t => t.Url.Contains("/tiles/public/buildings/") && t.Status == 200);
        Assert.Empty(errors);
        await ResidentPages.ShotAsync(page, "resident-report-base-map-phone");
    }

    static async Task<JsonElement[]> Rendered(IPage page, string layer) =>
        (await page.EvaluateAsync<JsonElement>("(l) => window.mapDashboard.renderedFeatures(l)", layer)).EnumerateArray().ToArray();
}
