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
        var codes = await WalkersWalkingAsync();

        await using (var wall = await dashboard.OpenAsync("/wall", 1920, 1080))
        {
            await WaitForWalkersAsync(wall, codes);
            Assert.True(await wall.ResolutionAsync() > StreetResolution, "the 1080p wall is not at district zoom");
            await wall.SaveScreenshotAsync("wall-lod-district-zoom");
            var counts = await RenderAssertions.LayersRenderedAsync(wall, ("grids", 10), ("hazards", 5), ("workers", codes.Length));
            Assert.Equal(0, counts["buildings"]);
            Assert.Empty(await WorkerLabelsAsync(wall));
        }
    }

    /// <summary>
    /// Live, the wall's district map is redrawn about once a second, at whatever fractional zoom fits the district: its
    /// vector tile images are scaled nearest-neighbour there, which more than halves a redraw on a PC without a GPU
    /// (src/map/tileLayer.ts). A desk's map, zoomed by hand and read up close, keeps OpenLayers' linear scaling (zoomed out
    /// past a few communities it too scales nearest-neighbour: LeadLevelOfDetailTests).
    /// </summary>
    [Fact]
    public async Task The_wall_scales_its_tile_images_nearest_neighbour_and_a_desk_linearly()
    {
        await using (var wall = await dashboard.OpenAsync("/wall", 1920, 1080))
            Assert.Equal(["nearest"], await wall.HookAsync<string[]>("tileResampling()"));
        await using (var lead = await dashboard.OpenAsync("/lead"))
            Assert.Equal(["linear"], await lead.HookAsync<string[]>("tileResampling()"));
    }

    /// <summary>
    /// Every live view draws its worker dots as a canvas layer on a map of their own over the district's
    /// (layers/workers.ts: WebGL dots that moved cost the wall's main thread two long frames a second in software
    /// rendering, and on a desk's map they redrew the whole city besides). That map lies under the map's popups and
    /// controls: a finding's explanation or a zoom button is never drawn over by dots.
    /// </summary>
    [Fact]
    public async Task Every_live_view_draws_its_worker_dots_on_a_canvas_map_of_their_own_under_the_popups()
    {
        foreach (var (path, width, height) in new[] { ("/wall", 1920, 1080), ("/lead", 1600, 900) })
        {
            await using var page = await dashboard.OpenAsync(path, width, height);
            var dots = await page.HookAsync<JsonElement>("workerDots()");
            Assert.Equal("canvas", dots.GetProperty("drawnAs").GetString());
            Assert.True(dots.GetProperty("ownMap").GetBoolean(), $"{path} draws its worker dots on the district's map");
            // The dots' map is in the district map's viewport, after its layers and before both overlay containers.
            var order = await page.Page.EvaluateAsync<string[]>(
                "() => [...document.querySelector('#map .ol-viewport').children].map((c) => c.className)");
            var dotsAt = Array.FindIndex(order, c => c.Contains("dots-map"));
            Assert.True(dotsAt > 0, $"{path}: no dots map in the viewport: {string.Join(" | ", order)}");
            Assert.True(dotsAt < Array.FindIndex(order, c => c == "ol-overlaycontainer"), $"{path}: {string.Join(" | ", order)}");
            Assert.True(dotsAt < Array.FindIndex(order, c => c == "ol-overlaycontainer-stopevent"), $"{path}: {string.Join(" | ", order)}");
        }
    }

    /// <summary>
    /// Every live view puts what arrived on its map every two seconds (live/overlays.ts: at one a second the city's
    /// redraws held up more than 5 % of the wall's and /lead's live frames); the wall's pulses mark each change at once.
    /// </summary>
    [Fact]
    public async Task Every_live_view_commits_live_changes_every_two_seconds()
    {
        await using (var wall = await dashboard.OpenAsync("/wall", 1920, 1080))
            Assert.Equal(2000, await wall.HookAsync<int>("live().commitMs"));
        await using (var lead = await dashboard.OpenAsync("/lead"))
            Assert.Equal(2000, await lead.HookAsync<int>("live().commitMs"));
    }

    /// <summary>
    /// The wall draws its worker dots on a map of their own over the district's (src/map/animationMap.ts): their moves,
    /// once a second at city scale, then redraw only them. They are still drawn, on top, where the workers are, and the
    /// hook's hit detection still reaches each one there.
    /// </summary>
    [Fact]
    public async Task The_wall_draws_each_worker_dot_on_the_dots_map_where_hit_detection_finds_that_worker()
    {
        var codes = await WalkersWalkingAsync();

        await using var wall = await dashboard.OpenAsync("/wall", 1920, 1080);
        await WaitForWalkersAsync(wall, codes);
        var found = 0;
        foreach (var code in codes)
        {
            // The topmost feature hit at the dot's centre is that worker (pixelOfFeature confirms with featuresAt).
            var at = await wall.HookAsync<int[]?>("pixelOfFeature('workers', arg)", code);
            if (at is null) continue; // under a panel of the wall: not on the map's canvas there
            found++;
            var shown = await DotPixelAsync(wall, at[0], at[1], $"wall-worker-dot-{found}");
            await SetDotsMapVisibleAsync(wall, false);
            var hidden = await wall.ScreenshotPixelAsync(at[0], at[1]);
            await SetDotsMapVisibleAsync(wall, true);
            // A fresh ping's dot is filled with the dark palette's label white (layers/workers.ts); without the dots' map
            // the district's map shows what lies under it (the grid's colour, the worker's own faint grey track).
            Assert.True(shown.All(c => c >= 200), $"worker {code}'s dot at ({at[0]},{at[1]}) shows rgb({string.Join(",", shown)}), not its white fill");
            Assert.True(shown.Zip(hidden).Max(p => Math.Abs(p.First - p.Second)) >= 40,
                $"with the dots' map hidden, worker {code}'s pixel still shows rgb({string.Join(",", hidden)}) (with it rgb({string.Join(",", shown)})): the dot is not drawn by that map");
        }
        Assert.True(found > 0, "no walker's dot could be hit on the wall's map");
    }

    /// <summary>Three workers, each walked through their own grid (pings through the API): their codes.</summary>
    async Task<string[]> WalkersWalkingAsync()
    {
        var walkers = await WalkingWorkers.WalkersAsync(dashboard.Db);
        using var district = BrowserAccount.Client(dashboard.BaseUrl, TimeSpan.FromSeconds(30));
        await WalkingWorkers.WalkAsync(district, walkers);
        return walkers.Select(w => w.Code).ToArray();
    }

    // The dots' map draws a dot on its own next render, and the hook's `idle` waits for the district's map only: the
    // screenshot is taken again for a few seconds until the dot's white shows.
    static async Task<int[]> DotPixelAsync(MapPage wall, int x, int y, string saveAs)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var rgb = (await wall.ScreenshotPixelsAsync(saveAs, (x, y)))[0];
            if (rgb.All(c => c >= 200) || DateTime.UtcNow > until) return rgb;
            await Task.Delay(250);
        }
    }

    static Task SetDotsMapVisibleAsync(MapPage wall, bool visible) =>
        wall.Page.EvaluateAsync("(v) => { document.querySelector('.dots-map').style.visibility = v ? '' : 'hidden'; }", visible);

    static async Task WaitForWalkersAsync(MapPage wall, string[] codes)
    {
        await wall.WaitUntilAsync("(codes) => codes.every((c) => window.mapDashboard.renderedFeatures('workers').some((w) => w.code === c))",
            codes, "the walking workers on the wall");
        await wall.IdleAsync();
    }

    static async Task<string[]> WorkerLabelsAsync(MapPage wall) =>
        (await wall.HookAsync<JsonElement>("labels('workers')")).GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray();
}
