using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;
using static MapDashboard.BrowserTests.Infrastructure.LiveMap;

namespace MapDashboard.BrowserTests;

/// <summary>
/// The wall's change pulse (src/live/pulse.ts), drawn as a CSS-animated mark over the maps: it rings the feature that
/// changed, on screen where that feature is, and is gone a few seconds later.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WallPulseTests(DashboardFixture dashboard)
{
    readonly HazardSql _sql = new(dashboard.Db);

    // Stops every pulse ring's animation a quarter into its first expansion, so a screenshot finds it in one place;
    // answers the ring round (x, y): its centre and its outer radius, in page pixels (null if none is within 3 px).
    const string FreezeRingAt = """
        ([x, y]) => {
          for (const a of document.getAnimations()) {
            if (!a.effect?.target?.classList?.contains('pulse-ring')) continue;
            a.pause();
            a.currentTime = 1250 / 4;
          }
          const rings = window.mapDashboard.live().pulses.filter((p) => p.kind === 'ring')
            .map((p) => ({ x: p.x + p.width / 2, y: p.y + p.height / 2, r: p.width / 2 }));
          return rings.find((p) => Math.hypot(p.x - x, p.y - y) <= 3) ?? null;
        }
        """;

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
                "([x, y]) => window.mapDashboard.live().pulses.some((p) => p.kind === 'ring' && Math.hypot(p.x + p.width / 2 - x, p.y + p.height / 2 - y) <= 3)",
                new object[] { spot.X, spot.Y }, $"a pulse ring round ({spot.X},{spot.Y})");
            var ring = await page.Page.EvaluateAsync<JsonElement>(FreezeRingAt, new object[] { spot.X, spot.Y });
            Assert.True(ring.ValueKind == JsonValueKind.Object, $"the ring round ({spot.X},{spot.Y}) ended before it could be looked at");
            // Four pixels on the ring (its border lies within a pixel and a half of its outer radius); hazards, labels
            // and dots are kept 16 px from the spot (ClearSpotAsync), so only the ring can change them.
            await page.Page.EvaluateAsync("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
            var r = (int)Math.Round(ring.GetProperty("r").GetDouble() - 1);
            (int X, int Y)[] onRing = [(spot.X + r, spot.Y), (spot.X - r, spot.Y), (spot.X, spot.Y + r), (spot.X, spot.Y - r)];
            var ringed = await page.ScreenshotPixelsAsync("wall-pulse-ring", onRing);

            await page.WaitUntilAsync("() => window.mapDashboard.live().pulsing === 0 && !document.querySelector('.pulse-mark')",
                null, "the pulses to end", 20_000);
            await page.Page.EvaluateAsync("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
            var settled = await page.ScreenshotPixelsAsync("wall-pulse-gone", onRing);

            var changed = Enumerable.Range(0, onRing.Length).Count(i => ColourDistance(ringed[i], settled[i]) > 60);
            Assert.True(changed >= 3,
                $"the ring round the new hazard at ({spot.X},{spot.Y}), radius {r} px, changed {changed} of 4 pixels on it: " +
                $"with the ring {Rgb(ringed)}, after it {Rgb(settled)}");
            // The ring's colour is the wall's selection cyan: more green and blue than red.
            Assert.Contains(ringed, p => p[1] > p[0] + 40 && p[2] > p[0] + 40);
        }
        finally
        {
            await _sql.DeleteAsync(code);
        }
    }

    static string Rgb(int[][] pixels) => string.Join(" ", pixels.Select(p => $"rgb({string.Join(",", p)})"));
}
