using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /field reads its task list again on a live incident change only when the change may concern it: a new report
/// beside the worker (someone else's, not dispatched) arrives on the map and reads nothing; its dispatch does, and the
/// task dispatched reaches the list at once. Counted through the test hook (fieldLiveReloads), not by timing.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class FieldLiveReloadTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) => dashboard.ScalarAsync<T>(sql, parameters);

    [Fact]
    public async Task A_change_that_is_not_my_task_reads_nothing_and_a_dispatch_reads_the_list_at_once()
    {
        var grid = await ScalarAsync<string>("select code from territory_unit where kind = 'community_grid' and grid_worker_id is not null order by code offset 3 limit 1");
        var at = await _desk.PointInsideAsync(grid);
        var categories = await ScalarAsync<string[]>("select array_agg(code order by code) from category where for_incidents and code <> 'ownership_unclear'");
        var mine = await _desk.ReportAsync(categories[0], at[0], at[1], "井盖松动 " + Guid.NewGuid().ToString("N")[..6]);
        await _desk.StepAsync(mine, "dispatch", "desk", "请处理");
        var worker = await ScalarAsync<string>("select p.code from incident i join person p on p.id = i.worker_id where i.code = @c", ("c", mine));
        var account = await FieldWorkers.AccountAsync(dashboard.Db, worker);
        string? other = null;
        try
        {
            await using var page = await MapPage.OpenOnPhoneAsync(dashboard.Browser, dashboard.BaseUrl, "/field", account, (at[0], at[1]));
            await FieldWorkers.Card(page, mine).WaitForAsync(new() { Timeout = 15_000 });
            var before = await page.HookAsync<int>("fieldLiveReloads()");

            // Someone's report 60 m away, in view: it arrives live on the map, and the list is not read for it.
            other = await _desk.ReportAsync(categories[1], at[0] + 0.0007, at[1], "路灯不亮 " + Guid.NewGuid().ToString("N")[..6]);
            Assert.Equal("reported", await ScalarAsync<string>("select stage from incident where code = @c", ("c", other)));
            await page.Page.WaitForFunctionAsync("(c) => window.mapDashboard.renderedFeatures('incidents').some((f) => f.code === c)", other,
                new() { Timeout = 20_000 });
            Assert.Equal(before, await page.HookAsync<int>("fieldLiveReloads()"));

            // Its dispatch may be to me: the list is read, and the task is on it when it is mine.
            await _desk.StepAsync(other, "dispatch", "desk", "请处理");
            await page.Page.WaitForFunctionAsync("(n) => window.mapDashboard.fieldLiveReloads() > n", before, new() { Timeout = 20_000 });
            if (await ScalarAsync<string>("select p.code from incident i join person p on p.id = i.worker_id where i.code = @c", ("c", other)) == worker)
                await FieldWorkers.Card(page, other).WaitForAsync(new() { Timeout = 15_000 });
            await page.SaveScreenshotAsync("field-phone-live-reload");
        }
        finally
        {
            await _desk.DeleteAsync(mine);
            if (other is not null) await _desk.DeleteAsync(other);
        }
    }
}
