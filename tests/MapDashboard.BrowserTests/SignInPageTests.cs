using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.Server.Auth;

namespace MapDashboard.BrowserTests;

/// <summary>/signin: each demo account signs in on the real page and lands on its role's view; no view without sign-in.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInPageTests(DashboardFixture dashboard)
{
    async Task<MapPage> SignInPageAsync(string path = "/signin") =>
        await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, path, 1600, 900, signIn: false, waitReady: false);

    static async Task SubmitAsync(MapPage page, string userName, string password)
    {
        await page.Page.Locator("[data-testid=signin-user]").FillAsync(userName);
        await page.Page.Locator("[data-testid=signin-password]").FillAsync(password);
        await page.Page.Locator("[data-testid=signin-submit]").ClickAsync();
    }

    [Theory]
    [InlineData("admin", "/lead")]
    [InlineData("district", "/lead")]
    [InlineData("street", "/lead")]
    [InlineData("community", "/lead")]
    [InlineData("planner", "/plan")]
    [InlineData("worker", "/field")]
    [InlineData("display", "/wall")]
    public async Task Each_demo_account_signs_in_on_the_page_and_lands_on_its_view(string role, string view)
    {
        await using var page = await SignInPageAsync();
        await page.SaveScreenshotAsync("signin");

        await SubmitAsync(page, role, DemoAccounts.PasswordOf(role));

        await page.Page.WaitForURLAsync($"**{view}", new() { Timeout = 30_000 });
        await page.WaitReadyAsync();
        Assert.Equal(view.TrimStart('/'), await page.HookAsync<string>("view"));
        if (view == "/wall")
            Assert.Equal(0, await page.Page.Locator("[data-testid=account]").CountAsync()); // the wall runs untouched: no sign-out to press
        else
            await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=account-name]"), "当前用户");
        await page.SaveScreenshotAsync($"signin-{role}-lands-on-{view.TrimStart('/')}");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task The_wall_without_sign_in_goes_to_the_sign_in_page_and_back_after_it()
    {
        await using var page = await SignInPageAsync("/wall");

        await page.Page.WaitForURLAsync("**/signin?returnUrl=%2Fwall");
        await SubmitAsync(page, "display", DemoAccounts.PasswordOf(Roles.Display));

        await page.Page.WaitForURLAsync("**/wall", new() { Timeout = 30_000 });
        await page.WaitReadyAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_told_in_Chinese_and_in_English()
    {
        await using var page = await SignInPageAsync();
        var message = page.Page.Locator("[data-testid=signin-message]");

        await SubmitAsync(page, "planner", "not-the-password");
        await Assertions.TextContainsAsync(message, "用户名或密码错误");
        await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
        await Assertions.TextContainsAsync(message, "Wrong user name or password");
        await page.SaveScreenshotAsync("signin-wrong-password-en");
        Assert.EndsWith("/signin", page.Page.Url);
    }

    [Fact]
    public async Task Signing_out_from_a_view_returns_to_the_sign_in_page_and_the_view_is_closed_to_the_browser()
    {
        await using var page = await dashboard.OpenAsync("/lead");

        await page.Page.Locator("[data-testid=sign-out]").ClickAsync();

        await page.Page.WaitForURLAsync("**/signin");
        await page.Page.GotoAsync("/lead");
        await page.Page.WaitForURLAsync("**/signin?returnUrl=%2Flead");
    }
}
