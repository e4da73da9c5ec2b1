using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>/lead turns a finding into work (立案派单) and shows the finding on an incident that lies in one (issue 5).</summary>
[Collection(DashboardCollection.Name)]
public sealed class LeadFindingCaseTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    [Fact]
    public async Task A_leader_opens_a_gap_as_a_case_and_the_popup_names_the_incident_dispatched_to_the_community()
    {
        const string grid = "620102002002-01"; // beside the planted gap of community 620102002002 (data/demo/manifest.json)
        var gap = (await dashboard.Api.GetAsync("/api/findings?unit=620102002002&kind=gap")).GetProperty("features").EnumerateArray()
            .First(f => f.GetProperty("properties").GetProperty("units")[0].GetString() == "620102002002");
        var id = gap.GetProperty("id").GetInt64();
        string? code = null;
        try
        {
            await using var page = await dashboard.OpenAsync($"/lead?grid={grid}");
            var item = page.Page.Locator($"[data-testid=finding-list] li[data-id='{id}']");
            await item.WaitForAsync(new() { Timeout = 15_000 });
            await item.ClickAsync();
            var open = page.Page.Locator("[data-testid=finding-popup] [data-testid=open-case]");
            await open.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Equal("立案派单", await open.InnerTextAsync());
            await open.ClickAsync();

            var opened = page.Page.Locator("[data-testid=finding-popup] [data-testid=finding-case]");
            await opened.WaitForAsync(new() { Timeout = 15_000 });
            await page.IdleAsync();
            await page.SaveScreenshotAsync("lead-finding-case");
            code = (await dashboard.Api.GetAsync($"/api/findings/{id}")).GetProperty("properties").GetProperty("caseIncidentCode").GetString();
            Assert.NotNull(code);
            Assert.Equal($"已立案 {code}", await opened.InnerTextAsync());
            var incident = await dashboard.Api.GetAsync($"/api/incidents/{code}");
            Assert.Equal("dispatched", incident.GetProperty("stage").GetString());
            Assert.Equal("620102002002", incident.GetProperty("responsibleUnit").GetProperty("code").GetString());
        }
        finally
        {
            if (code is not null) await _desk.DeleteCaseAsync(code);
        }
    }

    [Fact]
    public async Task An_incident_reported_in_a_straddling_building_shows_the_finding_in_the_grid_card()
    {
        var straddle = (await dashboard.Api.GetAsync("/api/findings?kind=straddle")).GetProperty("features").EnumerateArray()
            .First(f => f.GetProperty("properties").GetProperty("asset").GetProperty("code").GetString() == "B000951");
        var at = await InsideAsync(straddle.GetProperty("id").GetInt64());
        var code = await _desk.ReportAsync("roof_leak", at[0], at[1], "屋面漏水 (browser test)");
        try
        {
            var detail = await dashboard.Api.GetAsync($"/api/incidents/{code}");
            var grid = detail.GetProperty("grid").GetProperty("code").GetString()!;
            await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(grid)}");
            var item = page.Page.Locator($"[data-testid=grid-incidents] li[data-code='{code}']");
            await item.WaitForAsync(new() { Timeout = 15_000 });
            await item.ClickAsync();
            var shown = page.Page.Locator($"[data-testid=incident-findings] [data-finding='{straddle.GetProperty("id").GetInt64()}']");
            await shown.WaitForAsync(new() { Timeout = 15_000 });
            await page.SaveScreenshotAsync("lead-incident-in-finding");
            var explanation = straddle.GetProperty("properties").GetProperty("explanation").GetProperty("zh").GetString()!;
            Assert.Equal($"此处权属不清：{explanation}", await shown.InnerTextAsync());
        }
        finally
        {
            await _desk.DeleteAsync(code);
        }
    }

    async Task<double[]> InsideAsync(long finding)
    {
        await using var cmd = dashboard.Db.CreateCommand("select ST_X(p), ST_Y(p) from (select ST_PointOnSurface(geom) p from finding where id = @id) f");
        cmd.Parameters.AddWithValue("id", finding);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return [r.GetDouble(0), r.GetDouble(1)];
    }
}
