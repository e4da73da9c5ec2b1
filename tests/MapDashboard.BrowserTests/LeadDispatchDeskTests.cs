using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.Server.Auth;
using IPage = Microsoft.Playwright.IPage;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /lead's dispatch desk (调度台), signed in as the demo community account: a report made through the API appears in
/// the queue without a reload; two clicks (the row, the suggestion) dispatch it to its grid's own worker, and the
/// stage changes in the queue, in the card and on the map; reassigning and escalating work; an overdue incident
/// stands out in red at the top. Screenshots at 1920×1080 and 1366×768 in Chinese, and in English.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LeadDispatchDeskTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    static readonly BrowserAccount.Account Community = new("community", DemoAccounts.PasswordOf(Roles.Community));

    Task<MapPage> OpenDeskAsync(int width, int height, string path = "/lead") => DispatchDesk.OpenAsync(dashboard, Community, width, height, path);

    async Task<string> ScalarAsync(string sql, string arg)
    {
        await using var cmd = dashboard.Db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("arg", arg);
        return (string)(await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException($"nothing for {arg}: {sql}"));
    }

    /// <summary>The community account's first community grid with a worker, and that worker.</summary>
    async Task<(string Grid, string GridName, string Worker)> CommunityGridAsync()
    {
        var community = await ScalarAsync("select t.code from account a join territory_unit t on t.id = a.unit_id where a.user_name = @arg", Community.UserName);
        var grid = await ScalarAsync("""
            select g.code from territory_unit g join territory_unit c on c.id = g.parent_id
            where c.code = @arg and g.kind = 'community_grid' and g.grid_worker_id is not null order by g.code limit 1
            """, community);
        return (grid, await ScalarAsync("select name from territory_unit where code = @arg", grid),
            await ScalarAsync("select p.code from territory_unit g join person p on p.id = g.grid_worker_id where g.code = @arg", grid));
    }

    static Task WaitForRowAsync(IPage page, string code, string condition = "") => DispatchDesk.WaitForRowAsync(page, code, condition);

    [Fact]
    public async Task A_new_report_appears_live_is_dispatched_to_the_grid_s_worker_in_two_clicks_then_reassigned_and_escalated()
    {
        var (grid, gridName, worker) = await CommunityGridAsync();
        var at = await _desk.PointInsideAsync(grid);
        await using var page = await OpenDeskAsync(1920, 1080);
        var code = await _desk.ReportAsync("parking", at[0], at[1], "占用消防通道（调度台测试）");
        try
        {
            // It arrives without a reload, says what and where, and is marked new.
            await WaitForRowAsync(page.Page, code, ".new");
            var row = page.Page.Locator($"[data-testid=desk-list] li[data-code='{code}']");
            var parking = (await dashboard.Api.GetAsync("/api/categories")).EnumerateArray().First(c => c.GetProperty("code").GetString() == "parking");
            var text = await row.InnerTextAsync();
            foreach (var part in new[] { parking.GetProperty("nameZh").GetString()!, "占用消防通道（调度台测试）", gridName, "已上报", "时限" })
                Assert.Contains(part, text);

            // Click 1: the row; the card opens and the map goes there.
            await row.ClickAsync();
            var first = page.Page.Locator("[data-testid=desk-card] [data-testid=desk-dispatch-first]");
            await first.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Equal(code, await page.HookAsync<string>("deskIncident()"));
            Assert.Equal(worker, await first.GetAttributeAsync("data-code")); // the grid's own worker, suggested first
            await page.IdleAsync();
            var extent = await page.ExtentAsync();
            Assert.True(extent[0] < at[0] && at[0] < extent[2] && extent[1] < at[1] && at[1] < extent[3], "the map does not show the chosen incident");
            await page.SaveScreenshotAsync("lead-desk-1920-suggestions");

            // Click 2: dispatch. The stage changes in the card, in the queue and on the map.
            await first.ClickAsync();
            await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=desk-card] [data-testid=desk-stage]"), "已派单");
            await WaitForRowAsync(page.Page, code, "[data-stage=dispatched]");
            await page.Page.WaitForFunctionAsync(
                "code => window.mapDashboard.renderedFeatures('incidents').some((f) => f.code === code && f.stage === 'dispatched')", code,
                new() { Timeout = 20_000 });
            var detail = await dashboard.Api.GetAsync($"/api/incidents/{code}");
            Assert.Equal(worker, detail.GetProperty("worker").GetProperty("code").GetString());
            Assert.Equal("dispatched_to", detail.GetProperty("history")[1].GetProperty("event").GetString());
            await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=desk-history]"), "派给网格员");

            // Reassign to the first other suggestion.
            await page.Page.Locator("[data-testid=desk-reassign]").ClickAsync();
            var other = page.Page.Locator("[data-testid=desk-card] [data-testid=desk-suggestions] [data-testid=desk-dispatch-first]");
            await other.WaitForAsync();
            var otherCode = (await other.GetAttributeAsync("data-code"))!;
            Assert.NotEqual(worker, otherCode);
            await other.ClickAsync();
            await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=desk-history]"), "改派给");
            detail = await dashboard.Api.GetAsync($"/api/incidents/{code}");
            var now = detail.GetProperty("worker").ValueKind == JsonValueKind.Object
                ? detail.GetProperty("worker").GetProperty("code").GetString() : detail.GetProperty("organisation").GetProperty("code").GetString();
            Assert.Equal(otherCode, now);

            // Escalate: the community answers for it now.
            await page.Page.Locator("[data-testid=desk-escalate]").ClickAsync();
            await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=desk-card] .crumbs"), "由社区负责");
            Assert.Equal("community", (await dashboard.Api.GetAsync($"/api/incidents/{code}")).GetProperty("escalation").GetString());
            await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=desk-history]"), "手动上报");
            await page.SaveScreenshotAsync("lead-desk-1920-escalated");
            Assert.Empty(page.ConsoleErrors);
        }
        finally
        {
            await _desk.DeleteAsync(code);
        }
    }

    [Fact]
    public async Task An_overdue_incident_stands_out_at_the_top_and_a_stage_change_made_elsewhere_shows_without_reload()
    {
        var (grid, _, _) = await CommunityGridAsync();
        var at = await _desk.PointInsideAsync(grid);
        var late = await _desk.ReportAsync("sanitation", at[0] + 0.0002, at[1], "垃圾堆积（超期测试）");
        var other = await _desk.ReportAsync("roof_leak", at[0] - 0.0002, at[1], "屋顶漏水（调度台测试）");
        try
        {
            await using var page = await OpenDeskAsync(1366, 768);
            await WaitForRowAsync(page.Page, other, "[data-stage=reported]");
            await _desk.MakeOverdueAsync(late);
            await _desk.StepAsync(other, "dispatch", "社区派单员", "请网格员处理");

            await WaitForRowAsync(page.Page, late, ".overdue");
            await WaitForRowAsync(page.Page, other, "[data-stage=dispatched]");
            var row = page.Page.Locator($"[data-testid=desk-list] li[data-code='{late}']");
            Assert.Equal("rgb(220, 38, 38)", await row.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftColor"));
            Assert.Equal("超期", await row.Locator("[data-testid=desk-overdue]").InnerTextAsync());
            // Overdue ones lead the queue: no on-time row comes before an overdue one.
            var flags = await page.Page.Locator("[data-testid=desk-list] li[data-code]").EvaluateAllAsync<string[]>("els => els.map((e) => e.dataset.overdue)");
            Assert.Equal(flags.OrderByDescending(f => f == "true"), flags);

            await row.ClickAsync();
            await page.Page.Locator("[data-testid=desk-card].overdue").WaitForAsync();
            await page.IdleAsync();
            await page.SaveScreenshotAsync("lead-desk-1366-overdue");

            // The filter for overdue ones keeps only them.
            await page.Page.Locator("[data-testid=desk-filter-overdue]").CheckAsync();
            await page.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=desk-list] li[data-code]')].every((e) => e.dataset.overdue === 'true')");
            Assert.Contains(late, await page.HookAsync<string[]>("deskQueue()"));
            Assert.DoesNotContain(other, await page.HookAsync<string[]>("deskQueue()"));
        }
        finally
        {
            await _desk.DeleteAsync(late);
            await _desk.DeleteAsync(other);
        }
    }

    [Fact]
    public async Task The_desk_reads_in_English()
    {
        var (grid, _, _) = await CommunityGridAsync();
        var at = await _desk.PointInsideAsync(grid);
        var code = await _desk.ReportAsync("neighbour_dispute", at[0], at[1] + 0.0002, "Noise at night (desk test)");
        try
        {
            await using var page = await OpenDeskAsync(1920, 1080, "/lead?lang=en");
            await WaitForRowAsync(page.Page, code);
            await page.Page.Locator($"[data-testid=desk-list] li[data-code='{code}']").ClickAsync();
            var first = page.Page.Locator("[data-testid=desk-card] [data-testid=desk-dispatch-first]");
            await first.WaitForAsync();
            Assert.StartsWith("Dispatch →", await first.InnerTextAsync());
            Assert.Contains("Dispatch desk", await page.Page.Locator("[data-testid=desk-queue] .desk-title").InnerTextAsync());
            Assert.Contains("Reported", await page.Page.Locator("[data-testid=desk-card] [data-testid=desk-stage]").InnerTextAsync());
            await page.IdleAsync();
            await page.SaveScreenshotAsync("lead-desk-1920-en");
        }
        finally
        {
            await _desk.DeleteAsync(code);
        }
    }
}
