using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.TestSupport;
using static MapDashboard.BrowserTests.Infrastructure.LiveMap;

namespace MapDashboard.BrowserTests;

/// <summary>Ownership unclear on /wall (issue 5): the demo's planted gaps are drawn hatched and explain themselves.</summary>
[Collection(DashboardCollection.Name)]
public sealed class FindingsWallTests(DashboardFixture dashboard)
{
    sealed record PlantedGap(string Parent, string[] Near, double Lon, double Lat);

    static PlantedGap[] PlantedGaps()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, "manifest.json")));
        return manifest.RootElement.GetProperty("deliberate").GetProperty("gaps").EnumerateArray().Select(g => new PlantedGap(
            g.GetProperty("parent_code").GetString()!,
            g.GetProperty("near_codes").EnumerateArray().Select(c => c.GetString()!).ToArray(),
            g.GetProperty("centroid")[0].GetDouble(), g.GetProperty("centroid")[1].GetDouble())).ToArray();
    }

    [Fact]
    public async Task The_planted_gaps_are_drawn_hatched_on_the_wall_and_a_click_shows_the_explanation_the_API_gives()
    {
        var gaps = (await dashboard.Api.GetAsync("/api/findings?unit=620102&kind=gap")).GetProperty("features").EnumerateArray().ToArray();
        var planted = PlantedGaps().Select(p => (Gap: p, Finding: gaps.Single(f =>
        {
            var units = f.GetProperty("properties").GetProperty("units").EnumerateArray().Select(u => u.GetString()).ToHashSet();
            return units.Contains(p.Parent) && p.Near.All(units.Contains);
        }))).ToArray();

        await using var page = await dashboard.OpenAsync("/wall", 1920, 1080);
        var drawn = (await page.RenderedFeaturesAsync("findings")).Select(p => p.GetProperty("code").GetString()).ToHashSet();
        foreach (var (gap, finding) in planted)
            Assert.Contains(finding.GetProperty("properties").GetProperty("key").GetString(), drawn);

        // A planted gap whose centroid is on the open map with the gap itself on top there.
        var (target, x, y) = await FirstOnTopAsync(page, planted);
        var key = target.GetProperty("properties").GetProperty("key").GetString()!;
        var hatch = (await page.HookAsync<JsonElement>("colours()")).GetProperty("hatch").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var around = Enumerable.Range(-3, 7).SelectMany(dx => Enumerable.Range(-3, 7).Select(dy => (x + dx, y + dy))).ToArray();
        var pixels = await page.ScreenshotPixelsAsync("wall-findings", around);
        Assert.True(pixels.Any(p => ColourDistance(p, hatch) <= 45),
            $"no pixel near the centroid of {key} at ({x},{y}) shows the hatch rgb({string.Join(",", hatch)}); centre is rgb({string.Join(",", pixels[around.Length / 2])})");

        await page.Page.Mouse.ClickAsync(x, y);
        var explanation = page.Page.Locator("[data-testid=finding-popup] [data-testid=finding-explanation]");
        await explanation.WaitForAsync(new() { Timeout = 15_000 });
        await page.IdleAsync();
        await page.SaveScreenshotAsync("wall-findings-explained");
        var byId = await dashboard.Api.GetAsync($"/api/findings/{target.GetProperty("id").GetInt64()}");
        var expected = byId.GetProperty("properties").GetProperty("explanation").GetProperty("zh").GetString()!;
        Assert.Equal(expected, await explanation.InnerTextAsync());
    }

    static async Task<(JsonElement Finding, int X, int Y)> FirstOnTopAsync(MapPage page, (PlantedGap Gap, JsonElement Finding)[] planted)
    {
        var seen = new List<string>();
        foreach (var (gap, finding) in planted)
        {
            var key = finding.GetProperty("properties").GetProperty("key").GetString()!;
            var hit = await page.Page.EvaluateAsync<JsonElement>("""
                ([lon, lat, key]) => {
                  const h = window.mapDashboard;
                  const [x, y] = h.pixelOf(lon, lat).map(Math.round);
                  const onMap = document.elementFromPoint(x, y)?.tagName === 'CANVAS';
                  const top = h.featuresAt(x, y, 0)[0];
                  return { x, y, ok: onMap && !!top && top.layer === 'findings' && top.properties.code === key,
                           top: top ? top.layer + ' ' + (top.properties.code ?? '') : 'nothing' };
                }
                """, new object[] { gap.Lon, gap.Lat, key });
            if (hit.GetProperty("ok").GetBoolean()) return (finding, hit.GetProperty("x").GetInt32(), hit.GetProperty("y").GetInt32());
            seen.Add($"{key}: {hit.GetProperty("top")}");
        }
        Assert.Fail($"no planted gap is on top at its centroid on the wall: {string.Join("; ", seen)}");
        return default;
    }
}
