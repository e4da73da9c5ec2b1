using System.Text.Json;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>What the live tests ask of a map page: clear spots, hazards by code, the live link.</summary>
public static class LiveMap
{
    public sealed record Spot(double Lon, double Lat, int X, int Y)
    {
        public (double Lon, double Lat) LonLat => (Lon, Lat);
    }

    // On the map canvas, clear of the wall's title bar and legend, and no hazard or label
    // within 16 px: a hazard drawn there is the only thing that can change the centre pixel.
    const string ClearOfOthers = """
        const clear = (h, x, y, code) => x > 420 && x < innerWidth - 80 && y > 200 && y < innerHeight - 80
          && document.elementFromPoint(x, y)?.tagName === 'CANVAS'
          && !h.featuresAt(x, y, 16).some((f) => f.layer === 'labels' || f.layer === 'workers'
               || (f.layer === 'hazards' && f.properties.code !== code));
        """;

    /// <summary>The first of these points (lon, lat) whose page pixel is clear, and more than 80 px from <paramref name="awayFrom"/> if given.</summary>
    public static async Task<Spot> ClearSpotAsync(MapPage page, IEnumerable<double[]> points, (int X, int Y)? awayFrom = null)
    {
        var spot = await page.Page.EvaluateAsync<JsonElement>($$"""
            ({ points, away }) => {
              {{ClearOfOthers}}
              const h = window.mapDashboard;
              for (const [lon, lat] of points) {
                const [x, y] = h.pixelOf(lon, lat).map(Math.round);
                if (away && Math.hypot(x - away[0], y - away[1]) <= 80) continue;
                if (clear(h, x, y, null)) return { lon, lat, x, y };
              }
              return null;
            }
            """, new { points = points.ToArray(), away = awayFrom is { } a ? new[] { a.X, a.Y } : null });
        Assert.True(spot.ValueKind == JsonValueKind.Object, "no point inside a grid is clear of hazards and labels on the wall");
        return new Spot(spot.GetProperty("lon").GetDouble(), spot.GetProperty("lat").GetDouble(),
            spot.GetProperty("x").GetInt32(), spot.GetProperty("y").GetInt32());
    }

    /// <summary>The first of these hazards drawn at a clear pixel, and that pixel.</summary>
    public static async Task<(string Code, int X, int Y)> IsolatedHazardAsync(MapPage page, IEnumerable<string> codes)
    {
        var found = await page.Page.EvaluateAsync<JsonElement>($$"""
            (codes) => {
              {{ClearOfOthers}}
              const h = window.mapDashboard;
              const crowded = [];
              for (const code of codes) {
                const px = h.pixelOfFeature('hazards', code);
                if (px && clear(h, px[0], px[1], code)) return { code, x: px[0], y: px[1] };
                crowded.push(px ? `${code}@${px}: ${h.featuresAt(px[0], px[1], 16).map((f) => f.layer + ' ' + (f.properties.code ?? f.properties.name)).join(', ')}` : code + ' not drawn');
              }
              return crowded.slice(0, 12).join('; ');
            }
            """, codes.ToArray());
        Assert.True(found.ValueKind == JsonValueKind.Object, $"no demo hazard is drawn clear of others on the wall: {found}");
        return (found.GetProperty("code").GetString()!, found.GetProperty("x").GetInt32(), found.GetProperty("y").GetInt32());
    }

    public static Task WaitForHazardAsync(MapPage page, string code, bool drawn, int timeoutMs = 15_000) => page.WaitUntilAsync(
        "([code, drawn]) => window.mapDashboard.renderedFeatures('hazards').some((f) => f.code === code) === drawn",
        new object[] { code, drawn }, $"hazard {code} to be {(drawn ? "drawn" : "gone")}", timeoutMs);

    /// <summary>Where the hazards layer draws this hazard now (null if it does not).</summary>
    public static async Task<int[]?> HazardPixelAsync(MapPage page, string code) =>
        await page.HookAsync<int[]?>("pixelOfFeature('hazards', arg)", code);

    /// <summary>Whether hit detection finds this hazard within 3 px of a page pixel.</summary>
    public static Task<bool> HazardHitAtAsync(MapPage page, int x, int y, string code) => page.Page.EvaluateAsync<bool>(
        "([x, y, code]) => window.mapDashboard.featuresAt(x, y, 3).some((f) => f.layer === 'hazards' && f.properties.code === code)",
        new object[] { x, y, code });

    public static Task<JsonElement> LiveAsync(MapPage page) => page.HookAsync<JsonElement>("live()");

    public static async Task<string> StateAsync(MapPage page) => (await LiveAsync(page)).GetProperty("state").GetString()!;

    /// <summary>Manhattan distance of two RGB colours.</summary>
    public static int ColourDistance(int[] a, int[] b) => Math.Abs(a[0] - b[0]) + Math.Abs(a[1] - b[1]) + Math.Abs(a[2] - b[2]);
}
