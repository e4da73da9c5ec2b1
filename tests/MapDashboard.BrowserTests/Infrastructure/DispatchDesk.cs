using Microsoft.Playwright;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>/lead's dispatch desk (调度台) in the browser, signed in as a street or community account.</summary>
public static class DispatchDesk
{
    /// <summary>/lead (or <paramref name="path"/>) signed in as <paramref name="account"/>, once the queue is on screen.</summary>
    public static async Task<MapPage> OpenAsync(DashboardFixture dashboard, BrowserAccount.Account account, int width, int height, string path = "/lead")
    {
        var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/signin", width, height, signIn: false, waitReady: false);
        await BrowserAccount.SignInAsync(page.Page.Context, dashboard.BaseUrl, account);
        await page.Page.GotoAsync(path);
        await page.WaitReadyAsync();
        await page.Page.Locator("[data-testid=desk-list]").WaitForAsync();
        return page;
    }

    public static ILocator Row(IPage page, string code) => page.Locator($"[data-testid=desk-list] li[data-code='{code}']");

    /// <summary>Waits until the queue holds the incident's row (matching <paramref name="condition"/>, a CSS suffix such as ".new").</summary>
    public static Task WaitForRowAsync(IPage page, string code, string condition = "") =>
        page.Locator($"[data-testid=desk-list] li[data-code='{code}']{condition}").WaitForAsync(new() { Timeout = 20_000 });
}
