using System.Globalization;
using System.Text.RegularExpressions;
using MapDashboard.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Expect = Microsoft.Playwright.Assertions;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /field on a phone: today's route assigned to the worker through the API is on the map, and "已偏离路线 N 米"
/// appears once the phone has been more than 50 m from it for more than a minute — not before — and goes when the
/// phone is back on it. The minute runs on the page's clock, driven by Playwright's fake clock (no real waiting).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class FieldRouteTests(DashboardFixture dashboard)
{
    readonly PatrolDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    /// <summary>The metres from a point to the route, as PostGIS measures them on the spheroid (the truth the page's figure is held to).</summary>
    async Task<double> MetresFromRouteAsync(long route, double[] at)
    {
        await using var cmd = dashboard.Db.CreateCommand("select ST_Distance(path::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) from patrol_route where id = @id");
        cmd.Parameters.AddWithValue("id", route);
        cmd.Parameters.AddWithValue("lon", at[0]);
        cmd.Parameters.AddWithValue("lat", at[1]);
        return (double)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Moves the phone and waits until the page has measured the new position against the route.</summary>
    static async Task MoveAsync(MapPage page, double[] to, double expectedMetres)
    {
        await page.Context.SetGeolocationAsync(new() { Longitude = (float)to[0], Latitude = (float)to[1], Accuracy = 8 });
        // The page measures on a sphere, PostGIS on the spheroid: they differ by well under 1 %.
        await page.WaitUntilAsync(
            "([m, tolerance]) => { const e = document.querySelector('[data-testid=field-off-route]'); return e.dataset.metres !== '' && e.dataset.metres !== undefined && Math.abs(+e.dataset.metres - m) <= tolerance; }",
            new[] { expectedMetres, Math.Max(2, expectedMetres * 0.01) }, $"the page measuring {expectedMetres:F0} m from the route");
    }

    static Task<bool> HintHiddenAsync(MapPage page) =>
        page.Page.EvaluateAsync<bool>("() => document.querySelector('[data-testid=field-off-route]').hidden");

    [GeneratedRegex(@"^已偏离路线 (\d+) 米$")]
    private static partial Regex ZhHint();

    [Fact]
    public async Task Off_todays_route_for_more_than_a_minute_the_worker_is_told_how_far_and_back_on_it_the_hint_goes()
    {
        var grid = await _desk.GridAsync(10);
        var path = grid.Entrances.Take(4).ToArray();
        var route = await _desk.PostAsync("/api/routes", new
        {
            name = "今日巡查 " + Guid.NewGuid().ToString("N")[..6], path = PatrolDesk.Line(path),
            grid = grid.Code, worker = grid.Worker, plannedFor = PatrolDesk.ServerToday(),
        });
        var id = route.GetProperty("id").GetInt64();
        var account = await FieldWorkers.AccountAsync(dashboard.Db, grid.Worker);
        try
        {
            await using var page = await MapPage.OpenOnPhoneAsync(dashboard.Browser, dashboard.BaseUrl, "/field", account, (path[0][0], path[0][1]),
                context => context.Clock.InstallAsync());
            var hint = page.Page.Locator("[data-testid=field-off-route]");
            // On the route: the route is loaded (a distance is known only against a route) and no hint.
            await MoveAsync(page, path[1], await MetresFromRouteAsync(id, path[1]));
            Assert.True(await HintHiddenAsync(page), "a hint while on the route");
            await page.SaveScreenshotAsync("field-phone-on-route");

            double[] away = [path[1][0], path[1][1] + 0.0015]; // ~165 m north of a vertex
            var metres = await MetresFromRouteAsync(id, away);
            Assert.True(metres > 60, $"the test's stray point is only {metres:F0} m from the route");
            await MoveAsync(page, away, metres);
            await page.Page.Clock.FastForwardAsync("00:30");
            Assert.True(await HintHiddenAsync(page), "a hint after only 30 s off the route");

            await page.Page.Clock.FastForwardAsync("00:31");
            await Expect.Expect(hint).ToBeVisibleAsync();
            var shown = ZhHint().Match(await hint.InnerTextAsync());
            Assert.True(shown.Success, $"hint reads '{await hint.InnerTextAsync()}'");
            Assert.InRange(int.Parse(shown.Groups[1].Value, CultureInfo.InvariantCulture), metres - Math.Max(2, metres * 0.01), metres + Math.Max(2, metres * 0.01));
            await page.SaveScreenshotAsync("field-phone-off-route");

            await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
            await Expect.Expect(hint).ToHaveTextAsync(new Regex(@"^Off your route by \d+ m$"));
            await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
            await Expect.Expect(hint).ToHaveTextAsync(ZhHint());

            // Back within 50 m: the hint goes at once, and the minute starts over on the next stray.
            await MoveAsync(page, path[2], await MetresFromRouteAsync(id, path[2]));
            await Expect.Expect(hint).ToBeHiddenAsync();
            await MoveAsync(page, away, metres);
            await page.Page.Clock.FastForwardAsync("00:45");
            Assert.True(await HintHiddenAsync(page), "the time off the route was not reset by coming back to it");
            await page.Page.Clock.FastForwardAsync("00:16");
            await Expect.Expect(hint).ToBeVisibleAsync();
        }
        finally
        {
            await _desk.DeleteRouteAsync(id);
        }
    }
}
