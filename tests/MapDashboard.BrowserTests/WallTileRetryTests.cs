using System.Collections.Concurrent;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// A tile that fails to load is fetched again, never left as a hole (issue 19, item 2): the first two requests of
/// every grid tile answer 503, as during a server restart (two: the grid and police-grid layers read the same tiles,
/// each must fail once); the wall still becomes ready with the grid tiles drawn.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WallTileRetryTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task Grid_tiles_whose_first_request_fails_are_fetched_again_and_drawn()
    {
        var requests = new ConcurrentDictionary<string, int>();
        await using var wall = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/wall", 1920, 1080, prepare: context =>
            context.RouteAsync("**/tiles/grids/**", async route =>
            {
                var path = new Uri(route.Request.Url).AbsolutePath;
                if (requests.AddOrUpdate(path, 1, (_, n) => n + 1) <= 2)
                    await route.FulfillAsync(new() { Status = 503, Body = "restarting" });
                else
                    await route.ContinueAsync();
            }));

        await wall.SaveScreenshotAsync("wall-grid-tiles-retried");
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.True(r.Value >= 3, $"grid tile {r.Key} failed and was not asked for again ({r.Value} requests)"));
        await RenderAssertions.LayersRenderedAsync(wall, ("grids", 10));
        await RenderAssertions.GridFillIsOnScreenAsync(wall);
    }
}
