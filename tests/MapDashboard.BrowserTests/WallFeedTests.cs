using System.Globalization;
using MapDashboard.BrowserTests.Infrastructure;
using ILocator = Microsoft.Playwright.ILocator;

namespace MapDashboard.BrowserTests;

/// <summary>
/// The wall tells what came in (issue 18, item 8): a report posted through the API and each stage it then enters
/// appear in the wall's feed, newest on top — category, the grid's name, the time in Asia/Shanghai — and the feed
/// keeps a bounded number of lines, clear of the district on a 1920×1080 and a 1366×768 wall.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WallFeedTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);
    static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task A_report_and_its_stage_changes_appear_in_the_feed_newest_on_top_with_category_place_and_Shanghai_time()
    {
        // A browser in UTC: the feed's times must still be the district's.
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/wall", 1920, 1080, "zh-CN", timezoneId: "UTC");
        var feed = page.Page.Locator("[data-testid=wall-feed]");
        var rows = feed.Locator("li.feed-item");
        await Assertions.TextContainsAsync(feed, "最新动态");
        await page.MarkDocumentAsync();

        var (grid, gridName) = await GridAsync();
        var at = await _desk.PointInsideAsync(grid);
        var categories = await CategoriesAsync(7);
        var codes = new List<string>();
        try
        {
            var code = await _desk.ReportAsync(categories[0].Code, at[0], at[1], "楼道堆物 (feed test)");
            codes.Add(code);
            var reported = rows.First;
            await WaitForTopAsync(page, code, "reported");
            var text = await reported.InnerTextAsync();
            Assert.Contains("新上报", text);
            Assert.Contains(categories[0].NameZh, text);
            Assert.Contains(gridName, text);
            Assert.Contains(await ShanghaiTimeAsync(code, "reported_at"), text);
            await page.SaveScreenshotAsync("wall-feed-report");

            await _desk.StepAsync(code, "dispatch", "社区派单员", "请网格员处理");
            await WaitForTopAsync(page, code, "stage", "dispatched");
            text = await rows.First.InnerTextAsync();
            Assert.Contains("已派单", text);
            Assert.Contains(categories[0].NameZh, text);
            Assert.Contains(gridName, text);
            Assert.Contains(await ShanghaiTimeAsync(code, "stage_entered_at"), text);
            // The report is still there, below its newer step.
            Assert.Equal("reported", await rows.Nth(1).GetAttributeAsync("data-kind"));
            Assert.Equal(code, await rows.Nth(1).GetAttributeAsync("data-code"));

            // Six more reports (other categories, so none is linked to another as a duplicate) and two steps: ten events, eight lines.
            for (var i = 1; i < categories.Count; i++)
                codes.Add(await _desk.ReportAsync(categories[i].Code, at[0] + 0.0002 * i, at[1], "feed test"));
            await _desk.StepAsync(code, "accept", "网格员", "已接单");
            await _desk.StepAsync(codes[1], "dispatch", "社区派单员", "请网格员处理");
            await WaitForTopAsync(page, codes[1], "stage", "dispatched");
            Assert.Equal(8, await rows.CountAsync());
            var shown = await rows.EvaluateAllAsync<string[]>("(rs) => rs.map((r) => r.dataset.code + '/' + r.dataset.stage)");
            Assert.DoesNotContain($"{code}/reported", shown); // the oldest events gave way
            Assert.Contains($"{code}/accepted", shown);

            foreach (var (width, height, lines) in new[] { (1920, 1080, 8), (1366, 768, 5) })
            {
                await page.Page.SetViewportSizeAsync(width, height);
                await page.IdleAsync();
                await page.SaveScreenshotAsync($"wall-feed-{width}x{height}");
                await AssertReadableAndClearOfTheDistrictAsync(page, feed, lines);
            }
            Assert.True(await page.WasNotReloadedAsync(), "the wall reloaded itself to show the news");
        }
        finally
        {
            foreach (var c in codes) await _desk.DeleteAsync(c);
        }
    }

    [Fact]
    public async Task A_wall_opened_now_shows_the_latest_events_from_the_history_at_once_and_live_news_joins_them_without_duplicates()
    {
        var (grid, gridName) = await GridAsync();
        var at = await _desk.PointInsideAsync(grid);
        var categories = await CategoriesAsync(3);
        var codes = new List<string>();
        try
        {
            // Before the wall opens: two reports, one of them dispatched.
            codes.Add(await _desk.ReportAsync(categories[0].Code, at[0], at[1], "开屏前上报（动态测试）"));
            codes.Add(await _desk.ReportAsync(categories[1].Code, at[0] + 0.0002, at[1], "开屏前上报（动态测试）"));
            await _desk.StepAsync(codes[0], "dispatch", "社区派单员", "请网格员处理");
            var history = (await dashboard.Api.GetAsync("/api/incidents/feed?limit=8")).EnumerateArray()
                .Select(e => $"{e.GetProperty("code").GetString()}/{e.GetProperty("kind").GetString()}/{e.GetProperty("stage").GetString()}").ToArray();
            Assert.Equal([$"{codes[0]}/stage/dispatched", $"{codes[1]}/reported/reported", $"{codes[0]}/reported/reported"], history.Take(3));

            await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/wall", 1920, 1080, "zh-CN", timezoneId: "UTC");
            var rows = page.Page.Locator("[data-testid=wall-feed] li.feed-item");
            await WaitForTopAsync(page, codes[0], "stage", "dispatched");
            Assert.Equal(history, await ShownAsync(rows)); // the history's lines, in its order, at once
            var top = await rows.First.InnerTextAsync();
            Assert.Contains("已派单", top);
            Assert.Contains(categories[0].NameZh, top);
            Assert.Contains(gridName, top);
            Assert.Contains(await ShanghaiTimeAsync(codes[0], "stage_entered_at"), top);
            Assert.Equal(0, await page.Page.Locator("[data-testid=wall-feed] li.none").CountAsync());
            await page.SaveScreenshotAsync("wall-feed-at-start");

            // Live news goes on top; what the wall already showed is not shown twice.
            codes.Add(await _desk.ReportAsync(categories[2].Code, at[0] + 0.0004, at[1], "开屏后上报（动态测试）"));
            await WaitForTopAsync(page, codes[2], "reported");
            await _desk.StepAsync(codes[1], "dispatch", "社区派单员", "请网格员处理");
            await WaitForTopAsync(page, codes[1], "stage", "dispatched");
            var shown = await ShownAsync(rows);
            Assert.Equal(shown.Distinct().Count(), shown.Length);
            Assert.Equal([$"{codes[1]}/stage/dispatched", $"{codes[2]}/reported/reported", .. history.Take(6)], shown);
            await page.SaveScreenshotAsync("wall-feed-at-start-then-live");
        }
        finally
        {
            foreach (var c in codes) await _desk.DeleteAsync(c);
        }
    }

    static Task<string[]> ShownAsync(ILocator rows) =>
        rows.EvaluateAllAsync<string[]>("(rs) => rs.map((r) => r.dataset.code + '/' + r.dataset.kind + '/' + r.dataset.stage)");

    /// <summary>The feed's lines are whole, big enough to read across a room, and the map's district lies clear of the column.</summary>
    async Task AssertReadableAndClearOfTheDistrictAsync(MapPage page, ILocator feed, int lines)
    {
        var visible = await feed.Locator("li.feed-item:visible").CountAsync();
        Assert.Equal(lines, visible);
        var fontPx = await feed.Locator("li.feed-item").First.EvaluateAsync<double>("(e) => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(fontPx >= 16, $"the feed's text is {fontPx} px");
        var clipped = await LeadTruthTests.ClippedAsync(page, ".wall-feed, .wall-feed li, .wall-side, .overdue-list");
        Assert.True(clipped.Length == 0, string.Join(" | ", clipped));
        var district = (await dashboard.Api.TerritoryAsync()).First(u => u.GetProperty("kind").GetString() == "district");
        var bbox = DashboardApi.BBox(district);
        var east = (await page.HookAsync<double[]>("pixelOf(arg[0], arg[1])", new[] { bbox[2], (bbox[1] + bbox[3]) / 2 }))[0];
        var column = await page.Page.Locator(".wall-side").EvaluateAsync<double>("(e) => e.getBoundingClientRect().left");
        Assert.True(east <= column, $"the feed's column (left edge {column}) covers the district's east (x {east})");
    }

    static Task WaitForTopAsync(MapPage page, string code, string kind, string? stage = null) => page.WaitUntilAsync(
        """
        ([code, kind, stage]) => {
          const top = document.querySelector('[data-testid=wall-feed] li.feed-item');
          return !!top && top.dataset.code === code && top.dataset.kind === kind && (!stage || top.dataset.stage === stage);
        }
        """, new[] { code, kind, stage ?? "" }, $"{code} {kind} {stage} on top of the feed", 20_000);

    /// <summary>A community grid in the middle of the list: away from the first grids other tests report in.</summary>
    async Task<(string Code, string Name)> GridAsync()
    {
        await using var cmd = dashboard.Db.CreateCommand(
            "select code, name from territory_unit where kind = 'community_grid' order by code desc offset 6 limit 1");
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return (r.GetString(0), r.GetString(1));
    }

    async Task<List<(string Code, string NameZh)>> CategoriesAsync(int count)
    {
        await using var cmd = dashboard.Db.CreateCommand(
            $"select code, name_zh from category where for_incidents and code <> 'ownership_unclear' order by sort_order, code limit {count}");
        var list = new List<(string, string)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add((r.GetString(0), r.GetString(1)));
        Assert.Equal(count, list.Count);
        return list;
    }

    async Task<string> ShanghaiTimeAsync(string code, string column)
    {
        await using var cmd = dashboard.Db.CreateCommand($"select {column} from incident where code = @code");
        cmd.Parameters.AddWithValue("code", code);
        var at = (DateTime)(await cmd.ExecuteScalarAsync())!;
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)), Shanghai).ToString("HH:mm", CultureInfo.InvariantCulture);
    }
}
