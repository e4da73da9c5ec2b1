using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /api-docs: the reference page of the REST API renders the OpenAPI document's operations, with no internet — every
/// request that would leave the server is refused and recorded, and there must be none (the page's script is the
/// copy embedded in the server, not a CDN's).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ApiReferencePageTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task The_reference_page_lists_the_operations_offline()
    {
        var server = new Uri(dashboard.BaseUrl);
        var leaving = new List<string>();
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/api-docs", waitReady: false,
            prepare: context => context.RouteAsync("**/*", async route =>
            {
                var url = new Uri(route.Request.Url);
                if (url.Scheme is "http" or "https" && url.Authority != server.Authority)
                {
                    lock (leaving) leaving.Add(route.Request.Url);
                    await route.AbortAsync("internetdisconnected");
                }
                else await route.ContinueAsync();
            }));

        // The sidebar opens its first group (sign-in); the incidents' operations show once their group is opened.
        await page.Page.GetByText("/api/auth/signin").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.Page.GetByText("IncidentsApi", new() { Exact = true }).First.ClickAsync();
        var operation = page.Page.GetByText("/api/incidents/{code}").First;
        await operation.WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(await operation.IsVisibleAsync());
        Assert.Contains("MapDashboard", await page.Page.InnerTextAsync("body"));
        await page.SaveScreenshotAsync("api-reference");
        Assert.True(leaving.Count == 0, $"the page asked the internet for: {string.Join(", ", leaving.Distinct())}");
    }
}
