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

    /// <summary>
    /// Asserts that the boxes of the first visible element of each selector do not overlap one another (each must be
    /// on the page), naming the pairs that do with their rectangles.
    /// </summary>
    public static async Task NoOverlapAsync(IPage page, params string[] selectors)
    {
        var boxes = new List<(string Selector, LocatorBoundingBoxResult Box)>();
        foreach (var selector in selectors)
        {
            var box = await page.Locator(selector).First.BoundingBoxAsync();
            Assert.True(box is { Width: > 0, Height: > 0 }, $"{selector} is not on the page");
            boxes.Add((selector, box!));
        }
        var overlaps = new List<string>();
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i].Box, boxes[j].Box);
                var x = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
                var y = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
                if (x > 0.5 && y > 0.5) overlaps.Add($"{boxes[i].Selector} {Rect(a)} overlaps {boxes[j].Selector} {Rect(b)}");
            }
        Assert.True(overlaps.Count == 0, string.Join("\n", overlaps));
    }

    static string Rect(LocatorBoundingBoxResult b) => $"[{b.X:F0},{b.Y:F0} {b.Width:F0}×{b.Height:F0}]";
}
