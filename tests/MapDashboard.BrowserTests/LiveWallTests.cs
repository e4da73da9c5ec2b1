using MapDashboard.BrowserTests.Infrastructure;
using static MapDashboard.BrowserTests.Infrastructure.LiveMap;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /wall is live: an edit made with plain SQL in PostGIS (no API, no server call) reaches
/// the open wall through the capture trigger, the change log and /hubs/map, and is
/// applied in place over the vector tiles: no reload, no flicker.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveWallTests(DashboardFixture dashboard)
{
    readonly HazardSql _sql = new(dashboard.Db);

    Task<MapPage> OpenWallAsync() => dashboard.OpenAsync("/wall", 1920, 1080);

    [Fact]
    public async Task A_hazard_inserted_with_plain_SQL_appears_on_the_wall_without_a_reload()
    {
        await using var page = await OpenWallAsync();
        var spot = await ClearSpotAsync(page, await _sql.PointsInsideGridsAsync());
        var before = await page.ScreenshotPixelAsync(spot.X, spot.Y);
        var live = await LiveAsync(page);
        await page.MarkDocumentAsync();

        var code = "LIVE-IN-" + Guid.NewGuid().ToString("N")[..6];
        await _sql.InsertAsync(code, spot.LonLat);
        try
        {
            await WaitForHazardAsync(page, code, drawn: true);
            await page.IdleAsync();
            var after = (await page.ScreenshotPixelsAsync("live-wall-hazard-inserted", (spot.X, spot.Y)))[0];

            Assert.True(ColourDistance(before, after) > 60,
                $"the pixel at ({spot.X},{spot.Y}) was rgb({string.Join(",", before)}) and is rgb({string.Join(",", after)}): the hazard is not on screen");
            var drawnAt = await HazardPixelAsync(page, code);
            Assert.True(drawnAt is not null && Math.Abs(drawnAt[0] - spot.X) <= 3 && Math.Abs(drawnAt[1] - spot.Y) <= 3,
                $"hazard {code} should be drawn at ({spot.X},{spot.Y}), hit detection finds it at {(drawnAt is null ? "no pixel" : string.Join(",", drawnAt))}");
            Assert.True(await page.WasNotReloadedAsync(), "the page was reloaded to show the change");

            var now = await LiveAsync(page);
            Assert.Equal("connected", now.GetProperty("state").GetString());
            Assert.True(now.GetProperty("applied").GetInt32() > live.GetProperty("applied").GetInt32(), $"live() reports no applied change: {now}");
            Assert.True(now.GetProperty("pulsed").GetInt32() > live.GetProperty("pulsed").GetInt32(), "the wall did not mark the new hazard");
            var properties = (await page.HookAsync<Dictionary<string, object>[]>("renderedFeatures('hazards')"))
                .Single(p => p["code"]?.ToString() == code);
            Assert.Equal("fire_safety", properties["category"]?.ToString());
            Assert.Equal("high", properties["severity"]?.ToString());
        }
        finally
        {
            await _sql.DeleteAsync(code);
        }
    }

    [Fact]
    public async Task A_hazard_from_the_tiles_moved_and_then_deleted_with_SQL_moves_and_disappears_in_place()
    {
        var putBack = await _sql.StandOutAsync();
        try { await MovedAndDeletedAsync(); }
        finally { await putBack(); }
    }

    async Task MovedAndDeletedAsync()
    {
        await using var page = await OpenWallAsync();
        // A hazard the vector tiles carry: its tile copy must be hidden, not just a live copy added.
        var (code, oldX, oldY) = await IsolatedHazardAsync(page, await _sql.CodesAsync());
        var target = await ClearSpotAsync(page, await _sql.PointsInsideGridsAsync(), awayFrom: (oldX, oldY));
        var before = await page.ScreenshotPixelsAsync(null, (oldX, oldY), (target.X, target.Y));
        await page.MarkDocumentAsync();

        await _sql.MoveAsync(code, target.LonLat);
        await page.WaitUntilAsync(
            "([code, x, y]) => { const p = window.mapDashboard.pixelOfFeature('hazards', code); return !!p && Math.hypot(p[0] - x, p[1] - y) <= 4; }",
            new object[] { code, target.X, target.Y }, $"hazard {code} to be drawn at ({target.X},{target.Y})");
        await page.IdleAsync();
        var moved = await page.ScreenshotPixelsAsync("live-wall-hazard-moved", (oldX, oldY), (target.X, target.Y));

        Assert.False(await HazardHitAtAsync(page, oldX, oldY, code), "hit detection still finds the hazard at its old position");
        Assert.Equal(1, (await page.HookAsync<Dictionary<string, object>[]>("renderedFeatures('hazards')"))
            .Count(p => p["code"]?.ToString() == code));
        Assert.True(ColourDistance(before[0], moved[0]) > 60,
            $"the old position still shows the hazard's colour rgb({string.Join(",", moved[0])}): the tile's copy was not hidden");
        Assert.True(ColourDistance(before[1], moved[1]) > 60, "the new position does not show the hazard");

        await _sql.DeleteAsync(code);
        await WaitForHazardAsync(page, code, drawn: false);
        await page.IdleAsync();
        var deleted = (await page.ScreenshotPixelsAsync("live-wall-hazard-deleted", (target.X, target.Y)))[0];

        Assert.Null(await HazardPixelAsync(page, code));
        Assert.False(await HazardHitAtAsync(page, target.X, target.Y, code), "hit detection still finds the deleted hazard");
        Assert.True(ColourDistance(before[1], deleted) <= 24,
            $"after the delete the pixel is rgb({string.Join(",", deleted)}), before the move it was rgb({string.Join(",", before[1])})");
        Assert.True(await page.WasNotReloadedAsync(), "the page was reloaded to show the changes");
        Assert.Equal("connected", await StateAsync(page));
    }
}
