using Microsoft.Playwright;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>Waiting assertions: the DOM updates after fetches, so poll instead of reading once.</summary>
public static class Assertions
{
    public static async Task TextContainsAsync(ILocator locator, string expected, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            if (await locator.CountAsync() > 0 && await locator.First.IsVisibleAsync())
            {
                last = await locator.First.InnerTextAsync();
                if (last.Contains(expected)) return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"expected text containing '{expected}', last saw '{last}'");
    }
}
