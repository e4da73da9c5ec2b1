using System.Globalization;
using System.Text.Json;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>What the planner tests do on /plan: choose a grid, click a line, read the analysis shown.</summary>
public static class PlanPage
{
    /// <summary>Chooses the grid in the planner's grid box; the map flies to it.</summary>
    public static async Task ChooseGridAsync(MapPage page, string grid)
    {
        await page.Page.Locator("[data-testid=plan-grid]").SelectOptionAsync(grid);
        await Task.Delay(600); // the fly-to animation (450 ms)
        await page.IdleAsync();
    }

    /// <summary>Clicks a line through these lon/lat points on the map; a double-click on the last finishes it.</summary>
    public static async Task DrawThroughAsync(MapPage page, IReadOnlyList<double[]> points)
    {
        var pixels = new List<double[]>();
        foreach (var p in points) pixels.Add(await page.HookAsync<double[]>("pixelOf(arg[0], arg[1])", p));
        foreach (var px in pixels.Take(pixels.Count - 1))
        {
            await page.Page.Mouse.ClickAsync((float)px[0], (float)px[1]);
            await Task.Delay(350); // longer than a double-click, so each is a separate vertex
        }
        await page.Page.Mouse.DblClickAsync((float)pixels[^1][0], (float)pixels[^1][1]);
    }

    /// <summary>Waits until the page shows the analysis of its current draft, and returns the hook's plan().</summary>
    public static async Task<JsonElement> SettledAnalysisAsync(MapPage page)
    {
        try
        {
            await page.WaitUntilAsync("() => { const p = window.mapDashboard.plan(); return p.draftPath && p.analysis && !p.analysisPending; }",
                null, "the route analysis", 20_000);
        }
        catch (TimeoutException e)
        {
            var state = await page.Page.EvaluateAsync<string>("() => JSON.stringify(window.mapDashboard.plan())");
            var shown = await page.Page.Locator("[data-testid=route-analysis]").EvaluateAsync<string>("e => e.outerHTML");
            throw new TimeoutException($"{e.Message}; plan(): {state}; panel: {shown}");
        }
        await page.IdleAsync();
        return await page.HookAsync<JsonElement>("plan()");
    }

    public static double[][] DraftPath(JsonElement plan) => plan.GetProperty("draftPath").EnumerateArray()
        .Select(c => new[] { c[0].GetDouble(), c[1].GetDouble() }).ToArray();

    /// <summary>The numbers and lists on screen are the API's analysis of the same line.</summary>
    public static async Task ShowsAnalysisAsync(MapPage page, JsonElement plan, JsonElement expected)
    {
        var shown = plan.GetProperty("analysis");
        Assert.Equal(expected.GetProperty("areaShare").GetDouble(), shown.GetProperty("areaShare").GetDouble(), 6);
        Assert.Equal(PatrolDesk.Codes(expected.GetProperty("passes")), PatrolDesk.Codes(shown.GetProperty("passes")));
        Assert.Equal(PatrolDesk.Codes(expected.GetProperty("misses")), PatrolDesk.Codes(shown.GetProperty("misses")));

        var p = page.Page;
        Assert.Equal($"{Math.Round(expected.GetProperty("areaShare").GetDouble() * 100).ToString(CultureInfo.InvariantCulture)}%",
            await p.Locator("[data-testid=analysis-share]").InnerTextAsync());
        Assert.Equal(expected.GetProperty("passes").GetArrayLength().ToString("N0", CultureInfo.InvariantCulture),
            await p.Locator("[data-testid=analysis-passes]").InnerTextAsync());
        Assert.Equal(expected.GetProperty("misses").GetArrayLength().ToString("N0", CultureInfo.InvariantCulture),
            await p.Locator("[data-testid=analysis-misses]").InnerTextAsync());
        var listed = await p.Locator("[data-testid=pass-list] li").EvaluateAllAsync<string[]>("els => els.map((e) => e.dataset.code)");
        Assert.Equal(PatrolDesk.Codes(expected.GetProperty("passes")), listed.Order(StringComparer.Ordinal).ToArray());
        // The misses are highlighted on the map (all in view: the map shows the chosen grid), and the covered buffer drawn.
        var drawn = (await page.HookAsync<JsonElement>("renderedFeatures('routeAnalysis')")).EnumerateArray().ToArray();
        Assert.Equal(PatrolDesk.Codes(expected.GetProperty("misses")),
            drawn.Where(f => f.TryGetProperty("kind", out _)).Select(f => f.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(expected.GetProperty("covered").ValueKind == JsonValueKind.Object ? 1 : 0, drawn.Count(f => f.TryGetProperty("area", out _)));
    }
}
