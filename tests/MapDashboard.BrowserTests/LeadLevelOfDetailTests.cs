using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// Level of detail on the desks (issue 19, item 1: /lead zoomed out at city scale): today's tracks and coverage are
/// drawn, like on the wall, only from a few communities on screen in (src/map/levelOfDetail.ts). A city's 2,000 tracks
/// and 1,607 coverage areas at district zoom were a carpet that every live redraw paid for. The demo district fitted to
/// a desk is within that zoom, so a leader there still sees them at once. Zoomed further out the patrol layers' toggles
/// are greyed, and a hint says where they come back: a ticked box over a map without its layer would read as a fault.
/// Out there the desk's whole district is redrawn at each live commit, and its tile images are scaled nearest-neighbour,
/// as on the wall; closer in, where a leader reads the map, linearly (src/views/deskLayout.ts).
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
        // The server folds pings into tracks on its own period: the tiles the page reads must already hold them.
        var desk = new PatrolDesk(dashboard.BaseUrl, dashboard.Db);
        foreach (var code in codes) await desk.TrackedAsync(code);

        await using var lead = await dashboard.OpenAsync("/lead");
        var hint = lead.Page.Locator("[data-testid=toggles-zoom-hint]");
        var tracksToggle = lead.Page.Locator("label.toggle", new() { Has = lead.Page.Locator("[data-testid=toggle-tracks]") });

        // The demo district fitted to the desk: within the zoom, the walkers' tracks drawn, no hint.
        Assert.True(await lead.ResolutionAsync() < NeighbourhoodResolution, "the demo district fitted to a desk is already past the patrol layers' zoom");
        await WaitForTracksAsync(lead, codes);
        Assert.True(await hint.IsHiddenAsync());
        Assert.DoesNotContain("out-of-range", await tracksToggle.GetAttributeAsync("class") ?? "");
        Assert.Equal(["linear"], await lead.HookAsync<string[]>("tileResampling()"));

        // Zoomed out (the zoom buttons, as a leader would): no track and no coverage area is drawn, the toggles say why.
        var clicks = 0;
        while (await lead.ResolutionAsync() < NeighbourhoodResolution && clicks < 5)
        {
            await lead.Page.Locator(".ol-zoom-out").ClickAsync();
            clicks++;
            await Task.Delay(400); // the zoom button animates for 250 ms
        }
        await lead.IdleAsync();
        Assert.True(await lead.ResolutionAsync() >= NeighbourhoodResolution, $"still within the patrol layers' zoom after {clicks} clicks");
        Assert.Empty(await lead.RenderedFeaturesAsync("tracks"));
        Assert.Empty(await lead.RenderedFeaturesAsync("coverage"));
        Assert.True(await hint.IsVisibleAsync(), "no hint while the patrol layers are out of their zoom");
        Assert.Equal("放大到几个社区后显示", await hint.InnerTextAsync());
        Assert.Contains("out-of-range", await tracksToggle.GetAttributeAsync("class") ?? "");
        Assert.True(await lead.Page.Locator("[data-testid=toggle-tracks]").IsCheckedAsync(), "zooming out unticked the layer");
        Assert.Equal(["nearest"], await lead.HookAsync<string[]>("tileResampling()"));
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
        Assert.Equal(["linear"], await lead.HookAsync<string[]>("tileResampling()"));
    }

    /// <summary>
    /// A desk draws its roads and water on a base map under the district's (src/map/animationMap.ts): a live commit
    /// redraws the district's map, which holds what changes, and leaves the base map alone. At city scale roads and water
    /// were a quarter to a third of each such redraw.
    /// </summary>
    [Fact]
    public async Task A_live_change_redraws_the_desks_district_map_and_leaves_its_base_map_alone()
    {
        var at = (await WalkingWorkers.WalkersAsync(dashboard.Db))[0];
        var hazards = new HazardSql(dashboard.Db);
        const string code = "HZ-LOD-BASE";
        await using var lead = await dashboard.OpenAsync("/lead");
        Assert.NotEmpty(await lead.RenderedFeaturesAsync("roads"));
        Assert.NotEmpty(await lead.RenderedFeaturesAsync("water"));
        Assert.Equal(1, await lead.Page.Locator("#map .ol-viewport > .base-map").CountAsync());

        // The base map's own tiles may still be arriving after the district's map is ready: wait for a quiet second.
        var until = DateTime.UtcNow.AddSeconds(20);
        await lead.HookAsync<JsonElement>("renderProfile()");
        while (true)
        {
            await Task.Delay(1000);
            if ((await lead.HookAsync<JsonElement>("renderProfile()")).GetProperty("baseRenders").GetInt32() == 0) break;
            Assert.True(DateTime.UtcNow < until, "the base map kept rendering with nothing moving");
        }

        try
        {
            await hazards.InsertAsync(code, (at.Lon, at.Lat));
            await lead.WaitUntilAsync("(code) => window.mapDashboard.renderedFeatures('hazards').some((h) => h.code === code)", code,
                "the hazard written in PostGIS drawn live on the desk");
            // The commit that drew it renders the district's map on the next animation frame: count until it has.
            int renders = 0, baseRenders = 0;
            var renderedBy = DateTime.UtcNow.AddSeconds(10);
            while (renders == 0 && DateTime.UtcNow < renderedBy)
            {
                var profile = await lead.HookAsync<JsonElement>("renderProfile()");
                renders += profile.GetProperty("renders").GetInt32();
                baseRenders += profile.GetProperty("baseRenders").GetInt32();
                if (renders == 0) await Task.Delay(200);
            }
            Assert.True(renders > 0, "the district's map was not redrawn for the live hazard");
            Assert.Equal(0, baseRenders);
        }
        finally
        {
            await hazards.DeleteAsync(code);
        }
    }

    static Task WaitForTracksAsync(MapPage page, string[] codes) => page.WaitUntilAsync(
        "(codes) => codes.every((c) => window.mapDashboard.renderedFeatures('tracks').some((t) => t.worker === c))",
        codes, "the walkers' tracks drawn");
}
