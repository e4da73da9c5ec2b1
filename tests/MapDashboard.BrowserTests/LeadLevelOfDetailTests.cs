using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// Level of detail on the desks (issue 19, item 1: /lead zoomed out at city scale): today's tracks and coverage are
/// drawn, like on the wall, only from a few communities on screen in (src/map/levelOfDetail.ts). A city's 2,000 tracks
/// and 1,607 coverage areas at district zoom were a carpet that every live redraw paid for. The demo district fitted to
/// a desk is within that zoom, so a leader there still sees them at once. Zoomed further out the patrol layers' toggles
/// are greyed, and a hint says where they come back: a ticked box over a map without its layer would read as a fault.
/// On the personal-data scan's own server, like the wall's level-of-detail tests: its pings must not recolour the
/// shared one.
/// </summary>
[Collection(WallPersonalDataCollection.Name)]
public sealed class LeadLevelOfDetailTests(DashboardFixture dashboard)
{
    const double NeighbourhoodResolution = 8; // src/MapDashboard.Web/src/map/levelOfDetail.ts

    [Fact]
    public async Task Zoomed_out_past_a_few_communities_the_desk_leaves_out_tracks_and_coverage_and_says_so()
    {
        var walkers = await WalkingWorkers.WalkersAsync(dashboard.Db);
        using (var district = BrowserAccount.Client(dashboard.BaseUrl, TimeSpan.FromSeconds(30)))
            await WalkingWorkers.WalkAsync(district, walkers);
        var codes = walkers.Select(w => w.Code).ToArray();

        await using var lead = await dashboard.OpenAsync("/lead");
        var hint = lead.Page.Locator("[data-testid=toggles-zoom-hint]");
        var tracksToggle = lead.Page.Locator("label.toggle", new() { Has = lead.Page.Locator("[data-testid=toggle-tracks]") });

        // The demo district fitted to the desk: within the zoom, the walkers' tracks drawn, no hint.
        Assert.True(await ResolutionAsync(lead) < NeighbourhoodResolution, "the demo district fitted to a desk is already past the patrol layers' zoom");
        await WaitForTracksAsync(lead, codes);
        Assert.True(await hint.IsHiddenAsync());
        Assert.DoesNotContain("out-of-range", await tracksToggle.GetAttributeAsync("class") ?? "");

        // Zoomed out (the zoom buttons, as a leader would): no track and no coverage area is drawn, the toggles say why.
        var clicks = 0;
        while (await ResolutionAsync(lead) < NeighbourhoodResolution && clicks < 5)
        {
            await lead.Page.Locator(".ol-zoom-out").ClickAsync();
            clicks++;
            await Task.Delay(400); // the zoom button animates for 250 ms
        }
        await lead.IdleAsync();
        Assert.True(await ResolutionAsync(lead) >= NeighbourhoodResolution, $"still within the patrol layers' zoom after {clicks} clicks");
        Assert.Empty(await lead.RenderedFeaturesAsync("tracks"));
        Assert.Empty(await lead.RenderedFeaturesAsync("coverage"));
        Assert.True(await hint.IsVisibleAsync(), "no hint while the patrol layers are out of their zoom");
        Assert.Equal("放大到几个社区后显示", await hint.InnerTextAsync());
        Assert.Contains("out-of-range", await tracksToggle.GetAttributeAsync("class") ?? "");
        Assert.True(await lead.Page.Locator("[data-testid=toggle-tracks]").IsCheckedAsync(), "zooming out unticked the layer");
        await lead.SaveScreenshotAsync("lead-lod-zoomed-out");

        // Back in: the tracks return and the hint goes.
        for (var i = 0; i < clicks; i++)
        {
            await lead.Page.Locator(".ol-zoom-in").ClickAsync();
            await Task.Delay(400);
        }
        await lead.IdleAsync();
        await WaitForTracksAsync(lead, codes);
        Assert.True(await hint.IsHiddenAsync(), "the hint stayed after zooming back in");
        Assert.DoesNotContain("out-of-range", await tracksToggle.GetAttributeAsync("class") ?? "");
    }

    static Task WaitForTracksAsync(MapPage page, string[] codes) => page.WaitUntilAsync(
        "(codes) => codes.every((c) => window.mapDashboard.renderedFeatures('tracks').some((t) => t.worker === c))",
        codes, "the walkers' tracks drawn");

    // Metres per pixel of the view at its zoom (EPSG:3857; OpenLayers' default grid).
    static async Task<double> ResolutionAsync(MapPage page) => 156543.03392804097 / Math.Pow(2, await page.HookAsync<double>("zoom()"));
}
