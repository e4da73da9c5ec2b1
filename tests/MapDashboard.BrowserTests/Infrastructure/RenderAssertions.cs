namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>Assertions every view shares: real features rendered, real fill colours on screen.</summary>
public static class RenderAssertions
{
    /// <summary>Each named layer reports at least that many distinct rendered features in the view extent.</summary>
    public static async Task<Dictionary<string, int>> LayersRenderedAsync(MapPage page, params (string Layer, int Min)[] minimums)
    {
        var counts = await page.RenderedCountsAsync();
        foreach (var (layer, min) in minimums)
        {
            Assert.True(counts.TryGetValue(layer, out var n), $"the hook reports no layer '{layer}' (has {string.Join(", ", counts.Keys)})");
            Assert.True(n >= min, $"layer '{layer}' rendered {n} features, expected at least {min}; all: {string.Join(", ", counts.Select(kv => $"{kv.Key}={kv.Value}"))}");
        }
        return counts;
    }

    /// <summary>
    /// Somewhere inside a rendered grid, where nothing else is drawn, the screenshot shows that
    /// grid's status fill over the map background, and its dominant hue matches the status.
    /// </summary>
    public static async Task GridFillIsOnScreenAsync(MapPage page, string? status = null)
    {
        var probe = await page.ProbeGridFillAsync(status);
        Assert.True(probe.HasValue, $"no clear pixel inside any rendered {status ?? ""} grid");
        var p = probe.Value;
        int x = p.GetProperty("x").GetInt32(), y = p.GetProperty("y").GetInt32();
        var expected = p.GetProperty("expectedRgb").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var actual = await page.ScreenshotPixelAsync(x, y);
        var code = p.GetProperty("code").GetString();
        var actualStatus = p.GetProperty("status").GetString();
        for (var i = 0; i < 3; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 8,
                $"pixel ({x},{y}) in grid {code} ({actualStatus}) is rgb({string.Join(",", actual)}), expected about rgb({string.Join(",", expected)})");
        int r = actual[0], g = actual[1], b = actual[2];
        switch (actualStatus)
        {
            case "red": Assert.True(r > g + 20 && r > b + 15, $"a red grid looks rgb({r},{g},{b})"); break;
            case "yellow": Assert.True(r > b + 20 && g > b + 15, $"a yellow grid looks rgb({r},{g},{b})"); break;
            case "blue": Assert.True(b > r + 20, $"a blue grid looks rgb({r},{g},{b})"); break;
        }
    }
}
