using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;
using static MapDashboard.BrowserTests.Infrastructure.LiveMap;

namespace MapDashboard.BrowserTests;

/// <summary>
/// Incidents on /wall (issue 4): a report from outside reaches the open wall live, an overdue
/// one turns its grid red in place, and the wall's numbers are the API's numbers.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class IncidentWallTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);
    readonly HazardSql _sql = new(dashboard.Db);

    Task<MapPage> OpenWallAsync() => dashboard.OpenAsync("/wall", 1920, 1080);

    static Task WaitForIncidentAsync(MapPage page, string code, string condition, string what) => page.WaitUntilAsync(
        $"(code) => window.mapDashboard.renderedFeatures('incidents').some((f) => f.code === code && {condition})", code, what, 30_000);

    [Fact]
    public async Task An_incident_posted_through_Open311_appears_on_the_wall_without_a_reload_and_its_grid_turns_red_when_it_goes_overdue()
    {
        await using var page = await OpenWallAsync();
        var spot = await ClearSpotAsync(page, await _sql.PointsInsideGridsAsync());
        var grid = await _desk.StatusGridAtAsync(spot.Lon, spot.Lat);
        var statusBefore = await GridStatusAsync(page, grid);
        Assert.NotEqual("red", statusBefore);
        var before = await page.ScreenshotPixelAsync(spot.X, spot.Y);
        await page.MarkDocumentAsync();

        var code = await _desk.PostOpen311Async("low_cable", spot.Lon, spot.Lat, "楼道低垂线缆 (browser test)");
        try
        {
            await WaitForIncidentAsync(page, code, "true", $"incident {code} on the wall");
            await page.IdleAsync();
            var after = (await page.ScreenshotPixelsAsync("wall-incident-open311", (spot.X, spot.Y)))[0];
            Assert.True(ColourDistance(before, after) > 60,
                $"the pixel at ({spot.X},{spot.Y}) was rgb({string.Join(",", before)}) and is rgb({string.Join(",", after)}): the incident is not on screen");
            var drawnAt = await page.HookAsync<int[]?>("pixelOfFeature('incidents', arg)", code);
            Assert.True(drawnAt is not null && Math.Abs(drawnAt[0] - spot.X) <= 4 && Math.Abs(drawnAt[1] - spot.Y) <= 4,
                $"incident {code} should be drawn at ({spot.X},{spot.Y}), hit detection finds it at {(drawnAt is null ? "no pixel" : string.Join(",", drawnAt))}");
            var shown = (await page.RenderedFeaturesAsync("incidents")).Single(p => p.GetProperty("code").GetString() == code);
            Assert.Equal(("low_cable", "reported"), (shown.GetProperty("category").GetString(), shown.GetProperty("stage").GetString()));
            Assert.Equal(JsonValueKind.False, shown.GetProperty("overdue").ValueKind);
            // The wall never receives personal data: not the reporter's email, not a photo, not the text.
            Assert.DoesNotContain(shown.EnumerateObject(), p => p.Name is "contact" or "email" or "photoUrl" or "description");
            Assert.True((await LiveAsync(page)).GetProperty("pulsed").GetInt32() > 0, "the new incident did not pulse");

            await _desk.MakeOverdueAsync(code);
            await page.WaitUntilAsync("(grid) => window.mapDashboard.renderedFeatures('grids').some((f) => f.code === grid && f.status === 'red')",
                grid, $"grid {grid} to turn red", 30_000);
            await WaitForIncidentAsync(page, code, "f.overdue === true", $"incident {code} to be drawn overdue");
            // Let the change pulses fade (the overdue ring keeps pulsing, within its own hit area).
            await page.WaitUntilAsync("() => window.mapDashboard.live().pulsing === 0", null, "the change pulses to end", 20_000);
            await page.IdleAsync();

            var probe = await page.Page.EvaluateAsync<JsonElement>("(grid) => window.mapDashboard.probeGridFill(grid, 'red')", grid);
            Assert.True(probe.ValueKind == JsonValueKind.Object, $"no clear pixel inside the red grid {grid}");
            int px = probe.GetProperty("x").GetInt32(), py = probe.GetProperty("y").GetInt32();
            var at = (await page.HookAsync<int[]>("pixelOfFeature('incidents', arg)", code))!;
            var pixels = await page.ScreenshotPixelsAsync("wall-incident-overdue", (px, py), (at[0] + 17, at[1]), (at[0] - 17, at[1]));
            var expected = probe.GetProperty("expectedRgb").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            Assert.True(ColourDistance(pixels[0], expected) <= 24 && pixels[0][0] > pixels[0][1] + 20,
                $"grid {grid} at ({px},{py}) is rgb({string.Join(",", pixels[0])}), expected the red fill rgb({string.Join(",", expected)})");
            var ring = (await page.HookAsync<JsonElement>("colours()")).GetProperty("overdue").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            Assert.True(pixels.Skip(1).Any(p => ColourDistance(p, ring) <= 60),
                $"no red ring around the overdue incident: rgb({string.Join(",", pixels[1])}) and rgb({string.Join(",", pixels[2])}) vs rgb({string.Join(",", ring)})");
            Assert.True(await page.WasNotReloadedAsync(), "the page was reloaded to show the changes");
        }
        finally
        {
            await _desk.DeleteAsync(code);
        }
    }

    static async Task<string?> GridStatusAsync(MapPage page, string grid) =>
        (await page.RenderedFeaturesAsync("grids")).Where(p => p.GetProperty("code").GetString() == grid)
            .Select(p => p.GetProperty("status").GetString()).FirstOrDefault();
}
