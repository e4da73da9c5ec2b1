using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.Server.Auth;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /lead: the grid card shows the grid worker masked (138****7010); an account that may reveal (the district test
/// account) reveals the full name and phone with the card's button, which the audit trail records as a 'reveal';
/// a planner (may see masked, never reveal) is offered no button.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LeadRevealTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task The_grid_card_reveals_the_workers_full_phone_on_request_and_the_reveal_is_audited()
    {
        var grid = await dashboard.Api.StaffedGridAsync();
        var code = grid.GetProperty("code").GetString()!;
        using var district = BrowserAccount.Client(dashboard.BaseUrl, TimeSpan.FromSeconds(30));
        var full = (await district.GetFromJsonAsync<JsonElement>($"api/grids/{Uri.EscapeDataString(code)}?reveal=true"))
            .GetProperty("grid").GetProperty("gridWorker");
        var fullPhone = full.GetProperty("phone").GetString()!;
        var fullName = full.GetProperty("name").GetString()!;
        Assert.DoesNotContain("*", fullPhone);

        await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(code)}");
        var panel = page.Page.Locator("[data-testid=grid-panel]");
        var phone = panel.Locator("[data-testid=worker-phone]");
        await Assertions.TextContainsAsync(phone, "****");
        Assert.DoesNotContain(fullPhone, await phone.InnerTextAsync());
        Assert.Equal("查看记录将被审计", await panel.Locator("[data-testid=reveal-note]").InnerTextAsync());
        var button = panel.Locator("[data-testid=reveal-toggle]");
        Assert.Equal("显示个人信息", await button.InnerTextAsync());
        await page.SaveScreenshotAsync("lead-reveal-masked");

        var before = await LatestAuditIdAsync();
        await button.ClickAsync();
        await Assertions.TextContainsAsync(phone, fullPhone);
        Assert.Equal(fullName, await panel.Locator("[data-testid=worker-name]").InnerTextAsync());
        Assert.Equal($"tel:{fullPhone}", await phone.GetAttributeAsync("href"));
        await page.Page.Locator("[data-testid=reveal-toggle][aria-pressed=true]:not([disabled])").WaitForAsync();
        Assert.Equal("隐藏个人信息", await button.InnerTextAsync());
        Assert.Equal("查看记录将被审计", await panel.Locator("[data-testid=reveal-note]").InnerTextAsync());
        await page.SaveScreenshotAsync("lead-reveal-revealed");

        // The revealing answer is on the audit trail: source 'reveal', the district account, key = this grid's card revealed.
        var rows = (await AuditAsync()).Where(r => r["id"]!.GetValue<long>() > before).ToList();
        Assert.True(rows.Any(r => (string?)r["source"] == "reveal" && (string?)r["actor"] == BrowserAccount.Default.UserName
            && (string?)r["unit"] == code && ((string?)r["key"] ?? "").StartsWith($"GET /api/grids/{code}?reveal=true", StringComparison.Ordinal)),
            $"no reveal row for grid {code} by {BrowserAccount.Default.UserName} among the new audit rows: {string.Join(" | ", rows.Select(r => r.ToJsonString()))}");

        // Hiding masks it again.
        await button.ClickAsync();
        await Assertions.TextContainsAsync(phone, "****");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task A_planner_sees_the_worker_masked_and_no_reveal_button()
    {
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/signin", signIn: false, waitReady: false);
        await BrowserAccount.SignInAsync(page.Page.Context, dashboard.BaseUrl, new("planner", DemoAccounts.PasswordOf(Roles.Planner)));
        var me = await (await page.Page.Context.APIRequest.GetAsync(dashboard.BaseUrl + "/api/auth/me")).JsonAsync();
        Assert.Equal("planner", me!.Value.GetProperty("role").GetString());
        var code = await GridInAsync(me.Value.GetProperty("unit").GetProperty("code").GetString()!);

        await page.Page.GotoAsync($"/lead?grid={Uri.EscapeDataString(code)}");
        await page.WaitReadyAsync();
        var panel = page.Page.Locator("[data-testid=grid-panel]");
        await panel.Locator("[data-testid=worker-name]").WaitForAsync();
        await Assertions.TextContainsAsync(panel.Locator("[data-testid=worker-phone]"), "****");
        await page.SaveScreenshotAsync("lead-reveal-planner");
        Assert.Equal(0, await panel.Locator("[data-testid=reveal-toggle]").CountAsync());
        Assert.Equal(0, await panel.Locator("[data-testid=reveal-none]").CountAsync());
    }

    /// <summary>A staffed community grid under <paramref name="community"/> (the planner's own land: masked, not removed).</summary>
    async Task<string> GridInAsync(string community)
    {
        foreach (var unit in (await dashboard.Api.TerritoryAsync()).Where(u =>
                     u.GetProperty("kind").GetString() == "community_grid" && u.GetProperty("parentCode").GetString() == community))
        {
            var grid = await dashboard.Api.GridAsync(unit.GetProperty("code").GetString()!);
            if (grid.GetProperty("gridWorker").ValueKind == JsonValueKind.Object) return grid.GetProperty("code").GetString()!;
        }
        throw new InvalidOperationException($"community {community} has no staffed community grid");
    }

    async Task<long> LatestAuditIdAsync() => (await AuditAsync()).Select(r => r["id"]!.GetValue<long>()).DefaultIfEmpty(0).Max();

    /// <summary>GET /api/audit as the administrator (the demo's admin account).</summary>
    async Task<List<JsonNode>> AuditAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(dashboard.BaseUrl.TrimEnd('/') + "/") };
        var signIn = await http.PostAsJsonAsync("api/auth/token", new { userName = "admin", password = DemoAccounts.PasswordOf(Roles.Admin) });
        signIn.EnsureSuccessStatusCode();
        var token = (string)(await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await http.GetFromJsonAsync<JsonArray>("api/audit?limit=200"))!.Select(n => n!).ToList();
    }
}
