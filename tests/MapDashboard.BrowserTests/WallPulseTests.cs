using MapDashboard.BrowserTests.Infrastructure;
using static MapDashboard.BrowserTests.Infrastructure.LiveMap;

namespace MapDashboard.BrowserTests;

/// <summary>
/// The wall's change pulse (src/live/pulse.ts, on the animation map over the district's): it rings the feature that
/// changed, on screen where that feature is, and is gone a few seconds later.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WallPulseTests(DashboardFixture dashboard)
{
    readonly HazardSql _sql = new(dashboard.Db);

    // The ring grows from 10 to 32 px in radius, 3 px wide, over 1.25 s: whenever a screenshot is taken, some of these
    // pixels (every radius, in four directions) lie under it.
    static (int X, int Y)[] AroundRing(int x, int y) =>
        Enumerable.Range(10, 23).SelectMany(r => new[] { (x + r, y), (x - r, y), (x, y + r), (x, y - r) }).ToArray();

    [Fact]
    public async Task A_new_hazard_is_ringed_where_it_appears_and_the_ring_goes_away()
    {
        await using var page = await dashboard.OpenAsync("/wall", 1920, 1080);
        var spot = await ClearSpotAsync(page, await _sql.PointsInsideGridsAsync());
        var code = "PULSE-" + Guid.NewGuid().ToString("N")[..6];
        await _sql.InsertAsync(code, spot.LonLat);
        try
        {
            await page.WaitUntilAsync(
                "([x, y]) => window.mapDashboard.live().pulses.some((p) => p.kind === 'ring' && Math.hypot(p.x - x, p.y - y) <= 3)",
                new object[] { spot.X, spot.Y }, $"a pulse ring round ({spot.X},{spot.Y})");
            var around = AroundRing(spot.X, spot.Y);
            // A few screenshots while it pulses: at the end of each expansion the ring fades to nothing, and a loaded
            // machine may take one screenshot just then.
            var ringed = new List<int[][]>();
            for (var shot = 0; shot < 4 && (await LiveAsync(page)).GetProperty("pulsing").GetInt32() > 0; shot++)
                ringed.Add(await page.ScreenshotPixelsAsync($"wall-pulse-ring-{shot}", around));

            await page.WaitUntilAsync("() => window.mapDashboard.live().pulsing === 0", null, "the pulses to end", 20_000);
            await page.Page.EvaluateAsync("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
            var settled = await page.ScreenshotPixelsAsync("wall-pulse-gone", around);

            // Hazards, labels and dots are kept 16 px from the spot (ClearSpotAsync); what else lies there is drawn in
            // both screenshots. The ring is the wall's selection cyan: more green and blue than red.
            var cyanThenGone = Enumerable.Range(0, around.Length)
                .Where(i => ringed.Any(shot => ColourDistance(shot[i], settled[i]) > 60 && shot[i][1] > shot[i][0] + 40 && shot[i][2] > shot[i][0] + 40))
                .Select(i => around[i]).ToList();
            Assert.True(cyanThenGone.Count >= 2,
                $"round the new hazard at ({spot.X},{spot.Y}), in {ringed.Count} screenshots, {cyanThenGone.Count} pixels showed a cyan ring that then went: " +
                string.Join(" ", cyanThenGone.Select(p => $"({p.X},{p.Y})")));
        }
        finally
        {
            await _sql.DeleteAsync(code);
        }
    }
}
