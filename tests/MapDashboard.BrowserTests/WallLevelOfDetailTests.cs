using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// Level of detail on the wall (issue 19, item 1): at district zoom (1920×1080) the wall draws grid colours, hazards
/// and workers as dots, but no building footprint and no worker name. (The wall is laid out at 1080p and scaled as a
/// picture on bigger screens and video-wall tiles, so only the focus tour's zoom reaches street zoom there.) On the personal-data
/// scan's own server, like the label test: its pings must not recolour the shared one.
/// </summary>
[Collection(WallPersonalDataCollection.Name)]
public sealed class WallLevelOfDetailTests(DashboardFixture dashboard)
{
    const double StreetResolution = 2.5; // src/MapDashboard.Web/src/map/levelOfDetail.ts

    [Fact]
    public async Task At_district_zoom_the_wall_draws_grids_hazards_and_worker_dots_but_no_footprints_or_names()
    {
        var walkers = await WalkingWorkers.WalkersAsync(dashboard.Db);
        using var district = BrowserAccount.Client(dashboard.BaseUrl, TimeSpan.FromSeconds(30));
        await WalkingWorkers.WalkAsync(district, walkers);
        var codes = walkers.Select(w => w.Code).ToArray();

        await using (var wall = await dashboard.OpenAsync("/wall", 1920, 1080))
        {
            await WaitForWalkersAsync(wall, codes);
            Assert.True(await ResolutionAsync(wall) > StreetResolution, "the 1080p wall is not at district zoom");
            await wall.SaveScreenshotAsync("wall-lod-district-zoom");
            var counts = await RenderAssertions.LayersRenderedAsync(wall, ("grids", 10), ("hazards", 5), ("workers", codes.Length));
            Assert.Equal(0, counts["buildings"]);
            Assert.Empty(await WorkerLabelsAsync(wall));
        }
    }

    static async Task WaitForWalkersAsync(MapPage wall, string[] codes)
    {
        await wall.WaitUntilAsync("(codes) => codes.every((c) => window.mapDashboard.renderedFeatures('workers').some((w) => w.code === c))",
            codes, "the walking workers on the wall");
        await wall.IdleAsync();
    }

    // Metres per pixel of the view at its zoom (EPSG:3857, 512 px tiles of OpenLayers' default grid: 256-px levels).
    static async Task<double> ResolutionAsync(MapPage wall) => 156543.03392804097 / Math.Pow(2, await wall.HookAsync<double>("zoom()"));

    static async Task<string[]> WorkerLabelsAsync(MapPage wall) =>
        (await wall.HookAsync<JsonElement>("labels('workers')")).GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray();
}
