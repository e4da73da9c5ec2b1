using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.TestSupport;
using Assertions = MapDashboard.BrowserTests.Infrastructure.Assertions;

namespace MapDashboard.BrowserTests;

/// <summary>
/// The resident's pages at phone size (390×844, touch, geolocation granted and set inside the district), with no
/// account: report with a photo at the phone's position → the tracking link shows 已上报 → staff step it to resolved
/// through the API as their own accounts (the community dispatches, the grid's worker accepts and resolves) → the
/// open page shows 已办结 without reload → the resident rates 5 → 已关闭. Screenshots of each page.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ResidentReportPageTests(DashboardFixture dashboard)
{
    /// <summary>A worker account of the test community bound to the person the incident was sent to (created once).</summary>
    async Task<HttpClient> WorkerOfAsync(string code)
    {
        string person, community;
        await using (var cmd = dashboard.Db.CreateCommand("""
            select p.code, (select t.code from account a join territory_unit t on t.id = a.unit_id where a.user_name = 'test-community')
            from incident i join person p on p.id = i.worker_id where i.code = @code
            """))
        {
            cmd.Parameters.AddWithValue("code", code);
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"{code} was sent to no worker");
            (person, community) = (reader.GetString(0), reader.GetString(1));
        }
        var userName = $"resident-test-worker-{person}";
        await new MapDashboard.Data.Accounts.AccountStore(dashboard.Db).CreateAsync(
            new MapDashboard.Data.Accounts.NewAccount(userName, userName, "worker", community, person, "resident-test-password")); // a second run finds it taken
        return await SignedInAsync(userName, "resident-test-password");
    }

    Task<HttpClient> StaffAsync(string role) => SignedInAsync(TestAccounts.UserNameOf(role), TestAccounts.PasswordOf(role));

    async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(dashboard.BaseUrl + "/") };
        var token = await anonymous.PostAsJsonAsync("api/auth/token", new { userName, password });
        var body = await token.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(token.IsSuccessStatusCode, body?.ToJsonString());
        var http = new HttpClient { BaseAddress = new Uri(dashboard.BaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body!["accessToken"]!);
        return http;
    }

    static async Task StepAsync(HttpClient staff, string code, string step)
    {
        var response = await staff.PostAsJsonAsync($"api/incidents/{code}/{step}", new { actor = "王五", note = step == "resolve" ? "王五已修好，电话13800001111" : null });
        Assert.True(response.IsSuccessStatusCode, $"{step} {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_resident_reports_with_a_photo_follows_it_to_resolved_without_reload_and_rates_it_closed()
    {
        await using var context = await ResidentPages.PhoneAsync(dashboard.Browser, dashboard.BaseUrl, await ResidentPages.FreePointAsync(dashboard.Db));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        // The form: no account, Chinese.
        var trackingUrl = await ResidentPages.ReportWithPhotoAsync(page, "roof_leak", "楼道顶上漏水，墙皮都泡了", 31, "resident-report-form-phone");
        await ResidentPages.ShotAsync(page, "resident-report-sent-phone");

        // The tracking page: reported, with the photo.
        await page.Locator("[data-testid=report-track-link]").ClickAsync();
        await page.WaitForURLAsync($"**{trackingUrl}");
        await Assertions.TextContainsAsync(page.Locator("[data-testid=track-stage]"), "已上报");
        await Assertions.TextContainsAsync(page.Locator("[data-testid=track-description]"), "楼道顶上漏水");
        var photo = page.Locator("[data-testid=track-photo-report]");
        await photo.WaitForAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=track-photo-report]'); return i && i.complete && i.naturalWidth > 0; }");
        await ResidentPages.ShotAsync(page, "resident-track-reported-phone");

        // Staff step it through the API as their own accounts; the open page follows without reload.
        var code = await ResidentPages.NewestReportAsync(dashboard.Db);
        using (var community = await StaffAsync("community")) await StepAsync(community, code, "dispatch");
        using (var worker = await WorkerOfAsync(code))
        {
            await StepAsync(worker, code, "accept");
            await StepAsync(worker, code, "resolve");
        }
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await Assertions.TextContainsAsync(page.Locator("[data-testid=track-stage]"), "已办结", 40_000);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        await Assertions.TextContainsAsync(page.Locator("[data-testid=track-history]"), "流转 已办结");
        // Nothing about staff but their role: not the name they acted under, not what they typed (it may name people).
        var shown = await page.Locator("[data-testid=track]").InnerTextAsync();
        Assert.DoesNotContain("王五", shown);
        Assert.DoesNotContain("13800001111", shown);
        await ResidentPages.ShotAsync(page, "resident-track-resolved-phone");

        // The rating closes the loop.
        await ResidentPages.RateAsync(page, 5, "修得很快，谢谢");
        await Assertions.TextContainsAsync(page.Locator("[data-testid=rate-message]"), "感谢您的评价");
        await Assertions.TextContainsAsync(page.Locator("[data-testid=track-rating]"), "5 星");
        await ResidentPages.ShotAsync(page, "resident-track-closed-phone");

        // The English switch words the same page in English.
        await page.Locator("[data-testid=lang-switch]").ClickAsync();
        await Assertions.TextContainsAsync(page.Locator("[data-testid=track-stage]"), "Closed");
        await ResidentPages.ShotAsync(page, "resident-track-closed-phone-en");
        Assert.Empty(errors);
    }
}
