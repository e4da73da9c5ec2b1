using MapDashboard.BrowserTests.Infrastructure;
using static MapDashboard.BrowserTests.Infrastructure.LiveMap;

namespace MapDashboard.BrowserTests;

/// <summary>
/// A wall whose own main thread is held for seconds (a city-scale render can be) keeps its link: the hub's pings of
/// that time wait unread in the socket, and the silence watch (src/live/silence.ts) counts only the time the page was
/// free to listen. SignalR's wall-clock timeout dropped such a link, and every reconnect paid a Subscribe and replay.
/// A truly silent link is still given up within seconds: LiveReconnectTests' link cut.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveStallTests(DashboardFixture dashboard)
{
    /// <summary>Twice the 4 s client timeout: long enough that a wall-clock timer would have fired.</summary>
    const int StallMs = 8000;

    [Fact]
    public async Task A_main_thread_held_for_seconds_neither_drops_the_link_nor_loses_the_change_written_meanwhile()
    {
        var sql = new HazardSql(dashboard.Db);
        await using var page = await dashboard.OpenAsync("/wall", 1920, 1080);
        await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=live-status]"), "已连接");
        var spot = await ClearSpotAsync(page, await sql.PointsInsideGridsAsync());
        var before = await LiveAsync(page);
        await page.MarkDocumentAsync();

        var code = "LIVE-STALL-" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            // A busy loop holds the page's only thread; the hazard is written while it runs.
            var stall = page.Page.EvaluateAsync("ms => { const end = performance.now() + ms; while (performance.now() < end) { /* busy */ } }", StallMs);
            await Task.Delay(1000);
            await sql.InsertAsync(code, spot.LonLat);
            await stall;

            await WaitForHazardAsync(page, code, drawn: true);
            var after = await LiveAsync(page);
            Assert.True(after.GetProperty("longestStallMs").GetInt32() >= StallMs - 1000, $"the watch did not see the page stall: {after}");
            Assert.Equal("connected", after.GetProperty("state").GetString());
            Assert.Equal(before.GetProperty("transitions").GetArrayLength(), after.GetProperty("transitions").GetArrayLength());
            Assert.Equal(before.GetProperty("subscribes").GetInt32(), after.GetProperty("subscribes").GetInt32());
            Assert.True(after.GetProperty("applied").GetInt32() > before.GetProperty("applied").GetInt32(), $"no change applied after the stall: {after}");
            Assert.True(await page.WasNotReloadedAsync(), "the wall reloaded itself");
            await page.SaveScreenshotAsync("live-wall-after-stall");
        }
        finally
        {
            await sql.DeleteAsync(code);
        }
    }
}
