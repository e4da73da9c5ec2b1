using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>/lead: a grid's card lists its open incidents with their history; a community lists its unclear ownership.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LeadIncidentTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    [Fact]
    public async Task The_leader_grid_card_lists_the_grid_s_open_incidents_and_a_click_shows_an_incident_s_history()
    {
        var grid = (await dashboard.Api.StaffedGridAsync()).GetProperty("code").GetString()!;
        var at = await _desk.PointInsideAsync(grid);
        var code = await _desk.ReportAsync("parking", at[0], at[1], "占用消防通道 (browser test)");
        try
        {
            await _desk.StepAsync(code, "dispatch", "社区派单员", "请网格员处理");
            await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(grid)}");
            var item = page.Page.Locator($"[data-testid=grid-incidents] li[data-code='{code}']");
            await item.WaitForAsync(new() { Timeout = 15_000 });

            var expected = (await dashboard.Api.GetAsync($"/api/incidents?unit={grid}&open=true&limit=100")).EnumerateArray()
                .Select(i => i.GetProperty("code").GetString()).ToArray();
            var listed = await page.Page.Locator("[data-testid=grid-incidents] li[data-code]").EvaluateAllAsync<string[]>("els => els.map((e) => e.dataset.code)");
            Assert.Equal(expected, listed);
            var parking = (await dashboard.Api.GetAsync("/api/categories")).EnumerateArray().First(c => c.GetProperty("code").GetString() == "parking");
            var row = await item.InnerTextAsync();
            Assert.Contains("已派单", row);
            Assert.Contains(parking.GetProperty("nameZh").GetString()!, row);

            await item.ClickAsync();
            var history = page.Page.Locator($"[data-testid=incident-history][data-code='{code}'] li");
            await history.First.WaitForAsync(new() { Timeout = 15_000 });
            await page.SaveScreenshotAsync("lead-grid-incident-history");
            var detail = await dashboard.Api.GetAsync($"/api/incidents/{code}");
            Assert.Equal(detail.GetProperty("history").GetArrayLength(), await history.CountAsync());
            var text = await page.Page.Locator("[data-testid=incident-history]").InnerTextAsync();
            Assert.Contains("社****", text); // the dispatcher's name as typed, masked: names are masked by default on a shared screen
            Assert.Contains("请网格员处理", text);
            Assert.DoesNotContain("13800000000", await page.Page.ContentAsync()); // the reporter's contact is never shown
        }
        finally
        {
            await _desk.DeleteAsync(code);
        }
    }

    [Fact]
    public async Task The_leader_view_lists_a_community_s_findings_largest_first_and_a_click_explains_one()
    {
        const string grid = "620102002003-02"; // beside a planted gap (data/demo/manifest.json)
        await using var page = await dashboard.OpenAsync($"/lead?grid={grid}");
        var community = (await dashboard.Api.GridAsync(grid)).GetProperty("community").GetProperty("code").GetString()!;
        var api = (await dashboard.Api.GetAsync($"/api/findings?unit={community}")).GetProperty("features").EnumerateArray().ToArray();
        Assert.NotEmpty(api);
        var items = page.Page.Locator("[data-testid=finding-list] li[data-id]");
        await items.First.WaitForAsync(new() { Timeout = 15_000 });
        var ids = await items.EvaluateAllAsync<string[]>("els => els.map((e) => e.dataset.id)");
        Assert.Equal(api.Select(f => f.GetProperty("id").GetInt64().ToString()), ids);
        var areas = api.Select(f => f.GetProperty("properties").GetProperty("areaM2")).Select(a => a.ValueKind == JsonValueKind.Number ? a.GetDouble() : 0).ToArray();
        Assert.Equal(areas.OrderByDescending(a => a), areas);

        await items.First.ClickAsync();
        var explanation = page.Page.Locator("[data-testid=finding-popup] [data-testid=finding-explanation]");
        await explanation.WaitForAsync(new() { Timeout = 15_000 });
        await page.IdleAsync();
        await page.SaveScreenshotAsync("lead-findings");
        Assert.Equal(api[0].GetProperty("properties").GetProperty("explanation").GetProperty("zh").GetString(), await explanation.InnerTextAsync());
    }
}
