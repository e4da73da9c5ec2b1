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
        // A grid that is not red yet (other tests' incidents, or a patrol coverage below the rule, may have made
        // some red), so that going red is this incident's doing.
        var notRed = new List<double[]>();
        foreach (var point in await _sql.PointsInsideGridsAsync())
            if (await GridStatusAsync(page, await _desk.StatusGridAtAsync(point[0], point[1])) != "red") notRed.Add(point);
        var spot = await ClearSpotAsync(page, notRed);
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

    [Fact]
    public async Task The_wall_indicator_strip_and_overdue_list_show_what_the_API_reports()
    {
        var points = await _sql.PointsInsideGridsAsync();
        var district = (await dashboard.Api.TerritoryAsync()).First(u => u.GetProperty("kind").GetString() == "district").GetProperty("code").GetString()!;
        await using var page = await OpenWallAsync();
        var open = await _desk.ReportAsync("sanitation", points[1][0], points[1][1], "垃圾堆放 (browser test)");
        var late = await _desk.ReportAsync("blocked_drain", points[3][0], points[3][1], "下水道堵塞 (browser test)");
        try
        {
            await _desk.MakeOverdueAsync(late);
            // No reload: the wall refetches on the incidents' live changes until it agrees with the API.
            var mismatch = "";
            for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(300))
                if ((mismatch = await MismatchAsync(page, district)) == "") break;
            await page.SaveScreenshotAsync("wall-indicators");
            Assert.True(mismatch == "", mismatch);
            var listed = await OverdueCodesAsync(page);
            Assert.Contains(late, listed);
            Assert.DoesNotContain(open, listed);
        }
        finally
        {
            await _desk.DeleteAsync(open);
            await _desk.DeleteAsync(late);
        }
    }

    static readonly string[] Metrics = ["reportedToday", "open", "overdue", "closureRate", "onTimeClosureRate", "satisfactionRate"];

    /// <summary>What the wall shows that the API does not say ("" when they agree).</summary>
    async Task<string> MismatchAsync(MapPage page, string district)
    {
        var api = await dashboard.Api.GetAsync($"/api/indicators/{district}");
        var problems = new List<string>();
        foreach (var m in Metrics)
        {
            var cell = page.Page.Locator($"[data-testid=indicators] [data-testid=ind-{m}]");
            var shown = await cell.GetAttributeAsync("data-value") ?? "<missing>";
            var text = await cell.Locator(".ind-value").InnerTextAsync();
            var v = api.GetProperty(m);
            var rate = m.EndsWith("Rate");
            var (value, display) = v.ValueKind == JsonValueKind.Null ? ("", "—")
                : (v.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                   rate ? $"{Math.Round(v.GetDouble() * 100, MidpointRounding.AwayFromZero)}%" : v.GetInt32().ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
            if (shown != value && !(double.TryParse(shown, System.Globalization.CultureInfo.InvariantCulture, out var d) && v.ValueKind == JsonValueKind.Number && Math.Abs(d - v.GetDouble()) < 1e-9))
                problems.Add($"{m}: wall {shown}, API {value}");
            if (text != display) problems.Add($"{m}: wall reads '{text}', expected '{display}'");
        }
        var expected = (await dashboard.Api.GetAsync("/api/incidents?overdue=true&limit=10")).EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray();
        var listed = await OverdueCodesAsync(page);
        if (!expected.SequenceEqual(listed)) problems.Add($"overdue list: wall [{string.Join(",", listed)}], API [{string.Join(",", expected)}]");
        return string.Join("; ", problems);
    }

    static Task<string[]> OverdueCodesAsync(MapPage page) =>
        page.Page.Locator("[data-testid=overdue-list] li[data-code]").EvaluateAllAsync<string[]>("els => els.map((e) => e.dataset.code)");

    static async Task<string?> GridStatusAsync(MapPage page, string grid) =>
        (await page.RenderedFeaturesAsync("grids")).Where(p => p.GetProperty("code").GetString() == grid)
            .Select(p => p.GetProperty("status").GetString()).FirstOrDefault();
}
