using System.Globalization;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /wall keeps the district's time (Asia/Shanghai) whatever the wall PC's time zone, and its English layout leaves
/// the whole district visible and clips no text (issue 18).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WallTimeAndLayoutTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task The_wall_clock_shows_Shanghai_time_on_a_browser_set_to_UTC()
    {
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/wall", 1920, 1080, "zh-CN", timezoneId: "UTC");
        Assert.Equal("UTC", await page.Page.EvaluateAsync<string>("() => Intl.DateTimeFormat().resolvedOptions().timeZone"));
        var shown = TimeSpan.ParseExact(await page.Page.Locator("[data-testid=clock]").InnerTextAsync(), @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        var shanghai = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).TimeOfDay;
        var apart = Math.Abs((shown - shanghai).TotalSeconds);
        Assert.True(Math.Min(apart, 86_400 - apart) < 90, $"the clock shows {shown}, Shanghai is at {shanghai:hh\\:mm\\:ss}");
        // The date line is Shanghai's day too.
        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Day;
        Assert.Contains($"{day}日", await page.Page.Locator(".clock-date").InnerTextAsync());
        await page.SaveScreenshotAsync("wall-clock-utc-browser");
    }

    [Theory]
    [InlineData(1366, 768, "en")]
    [InlineData(1920, 1080, "en")]
    [InlineData(1366, 768, "zh-CN")]
    [InlineData(1920, 1080, "zh-CN")]
    public async Task The_wall_shows_the_whole_district_clear_of_the_legend_feed_and_strip_which_overlap_nothing_and_clips_no_text(int width, int height, string language)
    {
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, $"/wall?lang={language}", width, height, language == "en" ? "en-US" : "zh-CN");
        await page.IdleAsync();
        await page.SaveScreenshotAsync($"wall-{language}-{width}x{height}");
        // The legend (with its counts by reason), the number strip and the right-hand column (feed above the overdue list)
        // each keep their own part of the screen.
        await Assertions.NoOverlapAsync(page.Page, "[data-testid=legend]", "[data-testid=indicators]", ".wall-side", ".wall-bar");
        var district = (await dashboard.Api.TerritoryAsync()).First(u => u.GetProperty("kind").GetString() == "district");
        var bbox = DashboardApi.BBox(district);
        Assert.True(Geo.Contains(await page.ExtentAsync(), bbox), "the view holds the district");
        // The district's west edge lies right of the legend: nothing of the district is under it.
        var west = (await page.HookAsync<double[]>("pixelOf(arg[0], arg[1])", new[] { bbox[0], (bbox[1] + bbox[3]) / 2 }))[0];
        var legendRight = await page.Page.Locator("[data-testid=legend]").EvaluateAsync<double>("(e) => e.getBoundingClientRect().right");
        Assert.True(west >= legendRight, $"the legend (right edge {legendRight}) covers the district's west (x {west})");
        // …and it stays below the indicator strip.
        var legendTop = await page.Page.Locator("[data-testid=legend]").EvaluateAsync<double>("(e) => e.getBoundingClientRect().top");
        var stripBottom = await page.Page.Locator("[data-testid=indicators]").First.EvaluateAsync<double>("(e) => e.getBoundingClientRect().bottom");
        Assert.True(legendTop >= stripBottom, $"the legend (top {legendTop}) covers the indicator strip (bottom {stripBottom})");
        var clipped = await LeadTruthTests.ClippedAsync(page, ".wall-bar, .legend, .legend-row, .legend-reason-row, .legend-cats, .wall-side, .wall-feed, .overdue-list, [data-testid=indicators], .ind");
        Assert.True(clipped.Length == 0, $"clipped at {width}×{height}: {string.Join(" | ", clipped)}");
    }
}
