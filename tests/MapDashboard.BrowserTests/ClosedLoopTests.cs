using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.TestSupport;
using Expect = Microsoft.Playwright.Assertions;
using Assertions = MapDashboard.BrowserTests.Infrastructure.Assertions;

namespace MapDashboard.BrowserTests;

/// <summary>
/// The whole loop in people's hands, each on their own page: a resident reports with a photo on /report (phone) →
/// it appears on the community's dispatch desk on /lead without reload → the leader dispatches it to the grid's
/// worker → the worker's /field (phone) shows it, accepts, resolves with a photo → the resident's open tracking page
/// shows 已办结 → the resident rates 5 → 已关闭; and the community's indicators (办结率, 满意度) move by exactly it.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ClosedLoopTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    static readonly BrowserAccount.Account Leader = new(TestAccounts.UserNameOf("community"), TestAccounts.PasswordOf("community"));

    async Task<string> ScalarAsync(string sql, string arg)
    {
        await using var cmd = dashboard.Db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("arg", arg);
        return (string)(await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException($"nothing for {arg}: {sql}"));
    }

    /// <summary>The worker of the incident's grid, the one the desk must suggest first (a micro grid's is its community grid's).</summary>
    Task<string> GridWorkerOfAsync(string code) => ScalarAsync("""
        select p.code from incident i join territory_unit g on g.id = i.grid_id
        join territory_unit own on own.id = case when g.kind = 'micro_grid' then g.parent_id else g.id end
        join person p on p.id = own.grid_worker_id
        where i.code = @arg
        """, code);

    static long Count(JsonElement indicators, string name) => indicators.GetProperty(name).GetInt64();

    static double? Rate(JsonElement indicators, string name) =>
        indicators.GetProperty(name).ValueKind == JsonValueKind.Null ? null : indicators.GetProperty(name).GetDouble();

    [Fact]
    public async Task A_resident_report_is_dispatched_on_the_desk_resolved_on_the_phone_rated_5_and_closed_and_the_indicators_follow()
    {
        var at = await ResidentPages.FreePointAsync(dashboard.Db);
        var community = await ScalarAsync("select t.code from account a join territory_unit t on t.id = a.unit_id where a.user_name = @arg", Leader.UserName);
        var before = await dashboard.Api.GetAsync($"/api/indicators/{community}");

        await using var desk = await DispatchDesk.OpenAsync(dashboard, Leader, 1366, 768);
        await using var residentPhone = await ResidentPages.PhoneAsync(dashboard.Browser, dashboard.BaseUrl, at);
        var resident = await residentPhone.NewPageAsync();
        string? code = null;
        try
        {
            // The resident reports with a photo and keeps the tracking page open.
            var trackingUrl = await ResidentPages.ReportWithPhotoAsync(resident, "roof_leak", "闭环测试：楼道顶上漏水", 41, "loop-1-resident-report-phone");
            code = await ResidentPages.NewestReportAsync(dashboard.Db);
            var gridWorker = await GridWorkerOfAsync(code);
            await resident.GotoAsync(trackingUrl);
            await Assertions.TextContainsAsync(resident.Locator("[data-testid=track-stage]"), "已上报");
            await ResidentPages.ShotAsync(resident, "loop-2-resident-track-reported-phone");

            // The leader's desk: the report arrives without reload; the grid's own worker is suggested first; one click dispatches.
            await DispatchDesk.WaitForRowAsync(desk.Page, code, ".new");
            await desk.SaveScreenshotAsync("loop-3-desk-new-report");
            await DispatchDesk.Row(desk.Page, code).ClickAsync();
            var first = desk.Page.Locator("[data-testid=desk-card] [data-testid=desk-dispatch-first]");
            await first.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Equal(gridWorker, await first.GetAttributeAsync("data-code"));
            await first.ClickAsync();
            await Assertions.TextContainsAsync(desk.Page.Locator("[data-testid=desk-card] [data-testid=desk-stage]"), "已派单");
            await desk.SaveScreenshotAsync("loop-4-desk-dispatched");

            // The worker's phone: the task is there; accept, then resolve with a photo.
            var account = await FieldWorkers.AccountAsync(dashboard.Db, gridWorker);
            await using var field = await MapPage.OpenOnPhoneAsync(dashboard.Browser, dashboard.BaseUrl, "/field", account, at);
            var card = FieldWorkers.Card(field, code);
            await card.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Equal("已派单", await card.Locator(".field-stage").InnerTextAsync());
            await field.SaveScreenshotAsync("loop-5-field-task-phone");
            await card.Locator("[data-testid=field-accept]").ClickAsync();
            await Expect.Expect(card.Locator("[data-testid=field-resolve]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await FieldWorkers.WaitAllSentAsync(field);
            await FieldWorkers.FillResolutionAsync(card, "已修补屋面，复查无渗漏", 42);
            await field.SaveScreenshotAsync("loop-6-field-resolve-phone");
            await card.Locator("[data-testid=field-resolve-send]").ClickAsync();

            // The resident's open page follows to 已办结; a 5 closes it.
            await Assertions.TextContainsAsync(resident.Locator("[data-testid=track-stage]"), "已办结", 40_000);
            await FieldWorkers.WaitAllSentAsync(field);
            await Expect.Expect(card).ToHaveCountAsync(0);
            await ResidentPages.ShotAsync(resident, "loop-7-resident-track-resolved-phone");
            await ResidentPages.RateAsync(resident, 5, "修得又快又好");
            await ResidentPages.ShotAsync(resident, "loop-8-resident-track-closed-phone");
            await desk.SaveScreenshotAsync("loop-9-desk-after-closing");

            var detail = await dashboard.Api.GetAsync($"/api/incidents/{code}");
            Assert.Equal("closed", detail.GetProperty("stage").GetString());
            Assert.Equal(5, detail.GetProperty("rating").GetInt32());
            Assert.Equal(1L, long.Parse(await ScalarAsync(
                "select count(*)::text from incident_photo p join incident i on i.id = p.incident_id where i.code = @arg and p.action = 'resolve'", code)));

            // 办结率 and 满意度 of the community: one more reported, closed, rated and satisfied — and the rates are those counts'.
            var after = await dashboard.Api.GetAsync($"/api/indicators/{community}");
            foreach (var count in new[] { "reported30d", "closed30d", "rated30d", "satisfied30d" })
                Assert.True(Count(after, count) == Count(before, count) + 1, $"{count}: {Count(before, count)} → {Count(after, count)}");
            Assert.Equal(Math.Round((double)Count(after, "closed30d") / Count(after, "reported30d"), 4), Rate(after, "closureRate")!.Value, 4);
            Assert.Equal(Math.Round((double)Count(after, "satisfied30d") / Count(after, "rated30d"), 4), Rate(after, "satisfactionRate")!.Value, 4);
            if (Rate(before, "closureRate") is { } closure && closure < 1) Assert.True(Rate(after, "closureRate") > closure, "办结率 did not rise");
            if (Rate(before, "satisfactionRate") is { } satisfaction) Assert.True(Rate(after, "satisfactionRate") >= satisfaction, "满意度 fell after a 5");
            Assert.Empty(desk.ConsoleErrors);
            Assert.Empty(field.ConsoleErrors);
        }
        finally
        {
            if (code is not null) await _desk.DeleteAsync(code);
        }
    }
}
