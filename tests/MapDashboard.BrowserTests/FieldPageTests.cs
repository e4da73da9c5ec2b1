using MapDashboard.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Expect = Microsoft.Playwright.Assertions;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /field on a phone (390×844, geolocation granted): a task dispatched through the API reaches the worker it was sent
/// to, who accepts and resolves it with a photo; offline, a resolution and the walk are kept on the phone with
/// "n 条待上传" and sent once when the connection returns; an answer lost mid-upload is sent again and acted on once;
/// the page is installable and opens again without a connection.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class FieldPageTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) => dashboard.ScalarAsync<T>(sql, parameters);

    /// <summary>A new incident dispatched (and accepted, if asked) through the API in a community grid; its code, place and the person it went to.</summary>
    async Task<(string Code, double Lon, double Lat, string Worker)> TaskAsync(int gridIndex, bool accepted)
    {
        var grid = await ScalarAsync<string>(
            "select code from territory_unit where kind = 'community_grid' and grid_worker_id is not null order by code offset @i limit 1", ("i", gridIndex));
        var at = await _desk.PointInsideAsync(grid);
        var category = await ScalarAsync<string>("select code from category where for_incidents and code <> 'ownership_unclear' order by code offset @i limit 1", ("i", gridIndex));
        var code = await _desk.ReportAsync(category, at[0], at[1], "楼道堆物，需清理 " + Guid.NewGuid().ToString("N")[..6]);
        await _desk.StepAsync(code, "dispatch", "desk", "请尽快处理");
        if (accepted) await _desk.StepAsync(code, "accept", "desk", "");
        var worker = await ScalarAsync<string>("select p.code from incident i join person p on p.id = i.worker_id where i.code = @c", ("c", code));
        return (code, at[0], at[1], worker);
    }

    Task<long> CountAsync(string sql, string code) => ScalarAsync<long>(sql, ("c", code));
    const string Resolutions = "select count(*) from incident_transition t join incident i on i.id = t.incident_id where i.code = @c and t.to_stage = 'resolved'";
    const string ResolvePhotos = "select count(*) from incident_photo p join incident i on i.id = p.incident_id where i.code = @c and p.action = 'resolve'";

    /// <summary>The outbox sends on its own; the server's stage is what the test waits for (the count may not have risen yet).</summary>
    async Task WaitForStageAsync(string code, string stage)
    {
        for (var i = 0; i < 150 && await ScalarAsync<string>("select stage from incident where code = @c", ("c", code)) != stage; i++) await Task.Delay(200);
        Assert.Equal(stage, await ScalarAsync<string>("select stage from incident where code = @c", ("c", code)));
    }

    static ILocator Card(MapPage page, string code) => FieldWorkers.Card(page, code);

    static Task WaitAllSentAsync(MapPage page) => FieldWorkers.WaitAllSentAsync(page);

    [Fact]
    public async Task The_worker_sees_the_task_dispatched_to_them_accepts_it_and_resolves_it_with_a_photo()
    {
        var task = await TaskAsync(0, accepted: false);
        var account = await FieldWorkers.AccountAsync(dashboard.Db, task.Worker);
        try
        {
            await using var page = await MapPage.OpenOnPhoneAsync(dashboard.Browser, dashboard.BaseUrl, "/field", account, (task.Lon, task.Lat));
            var card = Card(page, task.Code);
            await card.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Equal("已派单", await card.Locator(".field-stage").InnerTextAsync());
            await page.SaveScreenshotAsync("field-phone-task");

            await card.Locator("[data-testid=field-accept]").ClickAsync();
            await WaitForStageAsync(task.Code, "accepted");
            await WaitAllSentAsync(page);
            await Expect.Expect(card.Locator("[data-testid=field-resolve]")).ToBeVisibleAsync();
            Assert.Equal("accepted", await ScalarAsync<string>("select stage from incident where code = @c", ("c", task.Code)));

            await FieldWorkers.FillResolutionAsync(card, "已清理完毕", 7);
            await page.SaveScreenshotAsync("field-phone-resolve");
            await card.Locator("[data-testid=field-resolve-send]").ClickAsync();
            await WaitForStageAsync(task.Code, "resolved");
            await WaitAllSentAsync(page);
            await Expect.Expect(card).ToHaveCountAsync(0);

            Assert.Equal("resolved", await ScalarAsync<string>("select stage from incident where code = @c", ("c", task.Code)));
            Assert.Equal(1, await CountAsync(Resolutions, task.Code));
            Assert.Equal(1, await CountAsync(ResolvePhotos, task.Code));
            Assert.Empty(page.ConsoleErrors);
        }
        finally
        {
            await _desk.DeleteAsync(task.Code);
        }
    }

    [Fact]
    public async Task Offline_a_resolution_and_the_walk_wait_on_the_phone_and_are_sent_once_when_the_connection_returns()
    {
        var task = await TaskAsync(1, accepted: true);
        var account = await FieldWorkers.AccountAsync(dashboard.Db, task.Worker);
        var walk = new[] { (task.Lon + 0.0002, task.Lat), (task.Lon + 0.0004, task.Lat + 0.0001), (task.Lon + 0.0006, task.Lat + 0.0002) };
        try
        {
            await using var page = await MapPage.OpenOnPhoneAsync(dashboard.Browser, dashboard.BaseUrl, "/field", account, (task.Lon, task.Lat));
            var card = Card(page, task.Code);
            await card.Locator("[data-testid=field-resolve]").WaitForAsync(new() { Timeout = 15_000 });
            await WaitAllSentAsync(page); // the first position's batch, sent while online

            await page.Context.SetOfflineAsync(true);
            await FieldWorkers.FillResolutionAsync(card, "离线办结", 8);
            await card.Locator("[data-testid=field-resolve-send]").ClickAsync();
            foreach (var (lon, lat) in walk)
            {
                await page.Context.SetGeolocationAsync(new() { Longitude = (float)lon, Latitude = (float)lat, Accuracy = 8 });
                await page.WaitUntilAsync("([lon, lat]) => { const w = document.querySelector('[data-testid=field-where]'); return Math.abs(+w.dataset.lon - lon) < 1e-5 && Math.abs(+w.dataset.lat - lat) < 1e-5; }",
                    new[] { lon, lat }, "the phone's new position on the page");
            }
            // The walk's batch is queued after the batch interval: the resolution and at least one ping batch wait.
            await page.WaitUntilAsync("() => /^[2-9]\\d* 条待上传$|^\\d{2,} 条待上传$/.test(document.querySelector('[data-testid=field-pending]').textContent)", null,
                "the resolution and a ping batch waiting", 30_000);
            await page.SaveScreenshotAsync("field-phone-offline-pending");
            Assert.Equal("accepted", await ScalarAsync<string>("select stage from incident where code = @c", ("c", task.Code)));

            await page.Context.SetOfflineAsync(false);
            await WaitForStageAsync(task.Code, "resolved");
            await WaitAllSentAsync(page);
            await page.SaveScreenshotAsync("field-phone-back-online");

            Assert.Equal("resolved", await ScalarAsync<string>("select stage from incident where code = @c", ("c", task.Code)));
            Assert.Equal(1, await CountAsync(Resolutions, task.Code));
            Assert.Equal(1, await CountAsync(ResolvePhotos, task.Code));
            // Every position of the walk stored once (a ping is unique by worker and time; none lost).
            foreach (var (lon, lat) in walk)
                Assert.Equal(1L, await ScalarAsync<long>("""
                    select count(*) from patrol_ping k join person p on p.id = k.worker_id
                    where p.code = @w and abs(ST_X(k.location) - @lon) < 1e-5 and abs(ST_Y(k.location) - @lat) < 1e-5
                    """, ("w", task.Worker), ("lon", lon), ("lat", lat)));
        }
        finally
        {
            await _desk.DeleteAsync(task.Code);
        }
    }

    [Fact]
    public async Task A_resolution_whose_answer_is_lost_mid_upload_is_sent_again_and_stored_once()
    {
        var task = await TaskAsync(2, accepted: true);
        var account = await FieldWorkers.AccountAsync(dashboard.Db, task.Worker);
        // The connection drops after the server has acted but before its answer arrives: the first attempt of the
        // resolution's photo upload and of its step reach the server and commit, and the phone hears nothing back.
        var attempts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var replayed = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task DropFirstAnswer(IRoute route)
        {
            var kind = route.Request.Url.Contains("/photos", StringComparison.Ordinal) ? "photos" : "resolve";
            var response = await route.FetchAsync();
            if (attempts.AddOrUpdate(kind, 1, (_, n) => n + 1) == 1) { await route.AbortAsync("connectionreset"); return; }
            if (response.Headers.TryGetValue("idempotent-replayed", out var again) && again == "true") replayed.Add(kind);
            await route.FulfillAsync(new() { Response = response });
        }
        try
        {
            await using var page = await MapPage.OpenOnPhoneAsync(dashboard.Browser, dashboard.BaseUrl, "/field", account, (task.Lon, task.Lat),
                context => context.RouteAsync(url => url.Contains($"/api/incidents/{task.Code}/resolve", StringComparison.Ordinal)
                                                     || url.Contains($"/api/incidents/{task.Code}/photos", StringComparison.Ordinal), DropFirstAnswer));
            var card = Card(page, task.Code);
            await card.Locator("[data-testid=field-resolve]").WaitForAsync(new() { Timeout = 15_000 });

            await FieldWorkers.FillResolutionAsync(card, "上传中断后重发", 9);
            await card.Locator("[data-testid=field-resolve-send]").ClickAsync();
            await WaitForStageAsync(task.Code, "resolved");
            await WaitAllSentAsync(page);

            Assert.True(attempts.Values.Sum() >= 2, $"attempts: {string.Join(", ", attempts)}");
            Assert.NotEmpty(replayed); // a resent request was answered with the first answer, not acted on again
            Assert.Equal(1, await CountAsync(Resolutions, task.Code));
            Assert.Equal(1, await CountAsync(ResolvePhotos, task.Code));
        }
        finally
        {
            await _desk.DeleteAsync(task.Code);
        }
    }

    [Fact]
    public async Task The_field_page_is_installable_and_opens_again_without_a_connection()
    {
        var task = await TaskAsync(3, accepted: true);
        var account = await FieldWorkers.AccountAsync(dashboard.Db, task.Worker);
        try
        {
            await using var page = await MapPage.OpenOnPhoneAsync(dashboard.Browser, dashboard.BaseUrl, "/field", account, (task.Lon, task.Lat));
            await Card(page, task.Code).WaitForAsync(new() { Timeout = 15_000 });
            var manifest = await page.Page.EvaluateAsync<string>("""
                async () => { const link = document.querySelector('link[rel=manifest]'); const m = await (await fetch(link.href)).json();
                              return [m.start_url, m.scope, m.display, m.icons.length > 0].join('|'); }
                """);
            Assert.Equal("/field|/field|standalone|true", manifest);
            var scope = await page.Page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope");
            Assert.EndsWith("/field", scope);
            // The worker in a stairwell: no signal, the page is opened again and still shows the task it had.
            await page.Page.ReloadAsync(); // now under the service worker's control, which caches as it goes
            await Card(page, task.Code).WaitForAsync(new() { Timeout = 15_000 });
            await page.Context.SetOfflineAsync(true);
            await page.Page.ReloadAsync();
            await Card(page, task.Code).WaitForAsync(new() { Timeout = 15_000 });
            await page.SaveScreenshotAsync("field-phone-reopened-offline");
        }
        finally
        {
            await _desk.DeleteAsync(task.Code);
        }
    }
}
