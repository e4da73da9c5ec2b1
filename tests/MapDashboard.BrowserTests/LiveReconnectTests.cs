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
}
