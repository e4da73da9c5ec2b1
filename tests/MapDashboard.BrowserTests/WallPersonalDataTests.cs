using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Auth;
using Microsoft.Playwright;

namespace MapDashboard.BrowserTests;

/// <summary>
/// The wall signed in with the display credential never shows or receives personal data: while it is open, grid
/// workers walk (pings) and an incident is reported; then the rendered DOM (text and markup), every tile the page
/// loaded (their bytes: an MVT keeps its string values as UTF-8) and every hub frame the page received are scanned
/// for every name and phone number of the district's people, full and masked (张**, 138****7010), and for the
/// personal-data property names.
/// </summary>
[Collection(WallPersonalDataCollection.Name)]
public sealed class WallPersonalDataTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task The_wall_signed_in_as_the_display_holds_no_personal_data_in_its_page_tiles_or_live_messages()
    {
        var tiles = new ConcurrentBag<Task<(string Url, byte[] Body)>>();
        var frames = new ConcurrentQueue<byte[]>();
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/signin", 1600, 900, signIn: false, waitReady: false);
        page.Page.Response += (_, r) =>
        {
            if (r.Url.Contains("/tiles/", StringComparison.Ordinal) && r.Status == 200) tiles.Add(BodyOf(r));
        };
        page.Page.WebSocket += (_, ws) => ws.FrameReceived += (_, f) => frames.Enqueue(f.Binary ?? Encoding.UTF8.GetBytes(f.Text ?? ""));

        await page.Page.Locator("[data-testid=signin-user]").FillAsync("display");
        await page.Page.Locator("[data-testid=signin-password]").FillAsync(DemoAccounts.PasswordOf(MapDashboard.Server.Auth.Roles.Display));
        await page.Page.Locator("[data-testid=signin-submit]").ClickAsync();
        await page.Page.WaitForURLAsync("**/wall", new() { Timeout = 30_000 });
        await page.WaitReadyAsync();
        Assert.Equal("wall", await page.HookAsync<string>("view"));

        // Live changes while the wall is open: three grid workers walk, and an incident is reported where one walks.
        var walkers = await WalkingWorkers.WalkersAsync(dashboard.Db);
        using var district = BrowserAccount.Client(dashboard.BaseUrl, TimeSpan.FromSeconds(30));
        await WalkingWorkers.WalkAsync(district, walkers);
        var report = await district.PostAsJsonAsync("api/incidents", new
        {
            category = await CategoryAsync(), lat = walkers[0].Lat, lon = walkers[0].Lon, description = "wall personal data test", contact = "13912345678",
        });
        Assert.True(report.IsSuccessStatusCode, await report.Content.ReadAsStringAsync());

        // The wall receives the moves on the hub (frames naming the workers' codes), then renders them.
        await WaitAsync(() => walkers.All(w => frames.Any(f => Contains(f, w.Code))), "the workers' moves on the wall's hub connection");
        await page.IdleAsync();
        await page.SaveScreenshotAsync("wall-display-no-personal-data");

        var people = await WalkingWorkers.PeopleAsync(dashboard.Db);
        var needles = people.SelectMany(p => new[] { p.Name, Masking.Name(p.Name) }
                .Concat(p.Phone is null ? [] : [p.Phone, Masking.Phone(p.Phone)]))
            .Where(n => n.Length >= 2).Distinct().ToList();
        Assert.True(needles.Count > 20, $"only {needles.Count} names and phones to look for");
        string[] personalProperties = ["workerName", "phone", "contact", "assignee"];

        var text = await page.Page.InnerTextAsync("body");
        var markup = await page.Page.ContentAsync();
        var tileBodies = await Task.WhenAll(tiles);
        Assert.NotEmpty(tileBodies);
        var received = frames.ToList();
        Assert.NotEmpty(received);

        var leaks = new List<string>();
        foreach (var needle in needles)
        {
            if (text.Contains(needle, StringComparison.Ordinal)) leaks.Add($"page text shows '{needle}'");
            if (markup.Contains(needle, StringComparison.Ordinal)) leaks.Add($"page markup holds '{needle}'");
            foreach (var (url, body) in tileBodies.Where(t => Contains(t.Body, needle))) leaks.Add($"tile {url} holds '{needle}'");
            if (received.Any(f => Contains(f, needle))) leaks.Add($"a hub frame holds '{needle}'");
        }
        foreach (var property in personalProperties)
        {
            foreach (var (url, body) in tileBodies.Where(t => Contains(t.Body, property))) leaks.Add($"tile {url} has a '{property}' property");
            if (received.Any(f => Contains(f, $"\"{property}\""))) leaks.Add($"a hub frame has a '{property}' property");
        }
        foreach (var layer in (await page.RenderedCountsAsync()).Keys)
            foreach (var feature in await page.RenderedFeaturesAsync(layer))
                foreach (var property in feature.EnumerateObject())
                    if (personalProperties.Contains(property.Name) || needles.Contains(property.Value.ToString()))
                        leaks.Add($"rendered {layer} feature has {property.Name} = {property.Value}");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Distinct().Take(40)));
        Assert.Empty(page.ConsoleErrors);
    }

    static async Task<(string Url, byte[] Body)> BodyOf(IResponse response)
    {
        try { return (response.Url, await response.BodyAsync()); }
        catch (PlaywrightException) { return (response.Url, []); } // a tile the page dropped before its body was read
    }

    static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    static async Task WaitAsync(Func<bool> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"waited 30 s for {what}");
            await Task.Delay(200);
        }
    }

    async Task<string> CategoryAsync()
    {
        await using var cmd = dashboard.Db.CreateCommand(
            "select code from category where for_incidents and code <> 'ownership_unclear' order by sort_order desc, code limit 1");
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}

/// <summary>
/// The personal-data scan's own server, run alone after the shared one: its pings recompute patrol coverage and so
/// recolour grids, which the other wall tests' premises (a grid not red yet) must not see.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WallPersonalDataCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "wall-personal-data";
}
