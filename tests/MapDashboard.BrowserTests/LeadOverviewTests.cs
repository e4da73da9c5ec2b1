using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// A community's overview on /lead (issue 18, item 6): chosen by a deep link it outlines the community and shows the
/// figures of GET /api/territory/{code}/overview; each open incident row says what happened and where, and a click
/// locates it on the map; neither language clips its text at 1366×768 or 1920×1080.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LeadOverviewTests(DashboardFixture dashboard)
{
    const string Community = "620102001001"; // 天庆嘉园社区
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    [Theory]
    [InlineData(1920, 1080, "zh-CN")]
    [InlineData(1366, 768, "zh-CN")]
    [InlineData(1920, 1080, "en")]
    [InlineData(1366, 768, "en")]
    public async Task The_overview_shows_the_API_s_figures_and_its_incident_rows_locate_their_incidents(int width, int height, string language)
    {
        var at = await _desk.PointInsideAsync($"{Community}-02");
        var code = await _desk.ReportAsync("parking", at[0], at[1], "小区门口车辆乱停放，堵住消防通道");
        try
        {
            var expected = await dashboard.Api.GetAsync($"/api/territory/{Community}/overview");
            await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, $"/lead?unit={Community}&lang={language}",
                width, height, language == "en" ? "en-US" : "zh-CN");
            var card = page.Page.Locator("[data-testid=unit-overview]");
            await card.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Equal(Community, await page.HookAsync<string?>("overviewUnit()"));
            Assert.Equal(expected.GetProperty("name").GetString(), await page.Page.Locator("[data-testid=overview-name]").InnerTextAsync());

            // The card's figures are the API's.
            async Task<string> Figure(string id) => (await page.Page.Locator($"[data-testid={id}]").InnerTextAsync()).Trim();
            var incidents = expected.GetProperty("incidents");
            Assert.True(incidents.GetProperty("open").GetInt32() >= 1, "the reported incident is open in the community");
            Assert.Equal(incidents.GetProperty("open").GetInt32().ToString(), await Figure("overview-open"));
            Assert.Equal(incidents.GetProperty("overdue").GetInt32().ToString(), await Figure("overview-overdue"));
            // Grids by colour, each colour with its grids counted by reason (the wall legend's rows), as the API's grids have them.
            var grids = expected.GetProperty("grids");
            var list = grids.GetProperty("list").EnumerateArray().ToArray();
            foreach (var colour in new[] { "red", "yellow", "blue" })
            {
                var counts = page.Page.Locator($"[data-testid=overview-reasons] [data-status={colour}]");
                Assert.Equal(grids.GetProperty(colour).GetInt32().ToString(), await counts.GetAttributeAsync("data-count"));
                var of = list.Where(g => g.GetProperty("status").GetString() == colour).ToArray();
                Assert.Equal(of.Length, grids.GetProperty(colour).GetInt32());
                var byRule = of.SelectMany(g => g.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("rule").GetString()!).Distinct())
                    .Where(r => r != "coverage_young").GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count().ToString());
                var shown = await counts.Locator("[data-rule]").EvaluateAllAsync<string[][]>("(es) => es.map((e) => [e.dataset.rule, e.dataset.count])");
                Assert.Equal(byRule.OrderBy(r => r.Key), shown.ToDictionary(r => r[0], r => r[1]).OrderBy(r => r.Key));
            }
            Assert.Contains(list, g => g.GetProperty("reasons").GetArrayLength() > 0); // the reported incident's grid, at least
            var workers = expected.GetProperty("workers");
            Assert.Equal($"{workers.GetProperty("onPatrol").GetInt32()} / {workers.GetProperty("total").GetInt32()}", await Figure("overview-workers"));
            var share = expected.GetProperty("coverage").GetProperty("share");
            Assert.Equal(share.ValueKind == JsonValueKind.Null ? "—" : $"{Math.Round(share.GetDouble() * 100, MidpointRounding.AwayFromZero)}%", await Figure("overview-coverage"));
            foreach (var kind in expected.GetProperty("findings").GetProperty("byKind").EnumerateArray())
                Assert.EndsWith(kind.GetProperty("count").GetInt32().ToString(),
                    (await page.Page.Locator($"[data-testid=overview-findings] li[data-kind='{kind.GetProperty("kind").GetString()}']").InnerTextAsync()).Trim());

            // The row says what happened and where, by name; its code is secondary.
            var row = page.Page.Locator($"[data-testid=overview-incidents] li[data-code='{code}']");
            var rowText = await row.InnerTextAsync();
            Assert.Contains("小区门口车辆乱停放，堵住消防通道", rowText);
            Assert.Contains("天庆嘉园第2网格", rowText);
            Assert.Contains(language == "en" ? "Reported" : "已上报", rowText);
            Assert.Contains(language == "en" ? "due" : "应于", rowText);

            await page.IdleAsync();
            var bbox = DashboardApi.BBox(expected);
            Assert.True(Geo.Contains(await page.ExtentAsync(), bbox, 0.0005), "the map shows the whole community");
            await page.SaveScreenshotAsync($"lead-overview-{language}-{width}x{height}");
            var clipped = await LeadTruthTests.ClippedAsync(page, ".unit-overview, .unit-overview *");
            Assert.True(clipped.Length == 0, $"clipped at {width}×{height} ({language}): {string.Join(" | ", clipped)}");

            // A click locates the incident: ringed, the map centred on it.
            await row.ClickAsync();
            await page.WaitUntilAsync("(c) => window.mapDashboard.locatedIncident() === c", code, "the row's incident located");
            await page.IdleAsync();
            var extent = await page.ExtentAsync();
            Assert.True(Geo.Contains(extent, [at[0], at[1], at[0], at[1]]), "the incident is on the map");
            var centre = new[] { (extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2 };
            Assert.True(Geo.HaversineMetres(centre, at) < 30, $"the map is centred on the incident ({Geo.HaversineMetres(centre, at):F0} m away)");
            Assert.Null(await page.HookAsync<string?>("selectedGrid()")); // the overview stays open
            await page.SaveScreenshotAsync($"lead-overview-located-{language}-{width}x{height}");
        }
        finally
        {
            await _desk.DeleteAsync(code);
        }
    }
}
