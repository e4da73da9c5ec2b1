using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.TestSupport;
using MapDashboard.Tools.Bench;
using Xunit.Abstractions;
using static MapDashboard.BrowserTests.Infrastructure.LiveMap;

namespace MapDashboard.BrowserTests;

/// <summary>
/// The wall across a server crash: the server runs as its own process on a fixed port
/// (on the fixture's database), is killed with SIGKILL and started again. The wall must
/// say so while it is down, reconnect by itself, and catch up on what changed meanwhile.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveReconnectTests(DashboardFixture dashboard, ITestOutputHelper output)
{
    [Fact]
    public async Task The_wall_shows_reconnecting_while_the_server_is_down_and_catches_up_after_it_is_back()
    {
        var sql = new HazardSql(dashboard.Db);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Log(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");
        var port = TestCluster.FreePort();
        var server = await ServerProcess.StartAsync(dashboard.ConnectionString, port);
        var code = "LIVE-DOWN-" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            await using var page = await MapPage.OpenAsync(dashboard.Browser, server.BaseUrl, "/wall", 1920, 1080);
            var badge = page.Page.Locator("[data-testid=live-status]");
            Log("page open");
            await Assertions.TextContainsAsync(badge, "已连接");
            var spot = await ClearSpotAsync(page, await sql.PointsInsideGridsAsync());
            var before = await page.ScreenshotPixelAsync(spot.X, spot.Y);
            await page.MarkDocumentAsync();

            await server.KillAsync();
            Log("killed");
            await Assertions.TextContainsAsync(badge, "正在重连", 4_000);
            Assert.Equal("reconnecting", await badge.GetAttributeAsync("data-state"));
            await page.SaveScreenshotAsync("live-wall-reconnecting");
            Log("reconnecting");

            // Written while no server runs: only the change log remembers it.
            await sql.InsertAsync(code, spot.LonLat);
            // Shown in the district's time zone (Asia/Shanghai), whatever the machine's.
            var downSince = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse((await LiveAsync(page)).GetProperty("downSince").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            await Assertions.TextContainsAsync(badge, $"离线 自 {downSince:HH:mm}", 8_000);
            Assert.Equal("offline", await badge.GetAttributeAsync("data-state"));
            await page.SaveScreenshotAsync("live-wall-offline");
            Log("offline");

            await server.DisposeAsync();
            server = await ServerProcess.StartAsync(dashboard.ConnectionString, port);
            Log("restarted");
            await Assertions.TextContainsAsync(badge, "已连接", 20_000);
            Log("reconnected");
            await WaitForHazardAsync(page, code, drawn: true);
            Log("hazard drawn");
            await page.IdleAsync();
            var after = (await page.ScreenshotPixelsAsync("live-wall-reconnected", (spot.X, spot.Y)))[0];

            Assert.True(ColourDistance(before, after) > 60,
                "the hazard written while the server was down is not on screen after the reconnect");
            Assert.True(await page.WasNotReloadedAsync(), "the wall reloaded itself instead of resuming");
            var live = await LiveAsync(page);
            Assert.True(live.GetProperty("subscribes").GetInt32() >= 2, $"the wall should have subscribed again: {live}");
            Assert.Equal(0, live.GetProperty("resyncs").GetInt32());

            await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
            Assert.Equal("connected", await badge.InnerTextAsync());
        }
        finally
        {
            await server.DisposeAsync();
            await using var cleanup = dashboard.Db.CreateCommand($"delete from hazard where code = '{code}'");
            await cleanup.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// A link that dies silently (issue 18: a network loss kept 已连接 for about 28 s): the wall talks to the server
    /// through a relay whose link is cut without closing anything. The hub pings every Live:KeepAliveMilliseconds and
    /// the browser gives up after Live:ClientServerTimeoutMilliseconds of silence (1.5 s and 4 s by default), so the
    /// badge turns to 正在重连 within about 4 s; 8 s is the bound here, for a loaded machine. Mended, it is 已连接 again.
    /// </summary>
    [Fact]
    public async Task The_badge_says_reconnecting_within_seconds_of_a_silently_lost_link_and_connected_once_it_is_back()
    {
        await using var relay = LinkCutter.Start(dashboard.BaseUrl);
        await using var page = await MapPage.OpenAsync(dashboard.Browser, relay.BaseUrl, "/wall", 1920, 1080);
        var badge = page.Page.Locator("[data-testid=live-status]");
        await Assertions.TextContainsAsync(badge, "已连接");
        await page.MarkDocumentAsync();

        relay.Cut();
        var cutAt = System.Diagnostics.Stopwatch.StartNew();
        await page.WaitUntilAsync("() => document.querySelector('[data-testid=live-status]').dataset.state !== 'connected'",
            null, "the badge to leave 已连接 after the link was cut", 20_000);
        var noticed = cutAt.Elapsed;
        // Read at once: the badge says 正在重连 for OFFLINE_AFTER_MS (5 s) before 离线 自 HH:MM.
        var (state, text) = (await badge.GetAttributeAsync("data-state"), await badge.InnerTextAsync());
        output.WriteLine($"the badge left 已连接 {noticed.TotalSeconds:F1} s after the cut, reading '{text}'");
        await page.SaveScreenshotAsync("live-wall-link-cut");
        Assert.Equal(("reconnecting", "正在重连"), (state, text.Trim()));
        Assert.True(noticed <= TimeSpan.FromSeconds(8), $"the badge said 已连接 for {noticed.TotalSeconds:F1} s after the link was lost");

        relay.Mend();
        await Assertions.TextContainsAsync(badge, "已连接", 30_000);
        Assert.Equal("connected", await badge.GetAttributeAsync("data-state"));
        Assert.True(await page.WasNotReloadedAsync(), "the wall reloaded itself instead of resuming");
    }
}
