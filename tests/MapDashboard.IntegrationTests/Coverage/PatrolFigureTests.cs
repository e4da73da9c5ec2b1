using System.Net.Http.Json;
using System.Text.Json;
using static MapDashboard.IntegrationTests.Coverage.CoverageJson;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>
/// Every patrol figure means what its label says (issue 18): a grid's worker table counts the walking inside THAT
/// grid; planned vs walked counts only walking after the route was given to its worker.
/// </summary>
[Collection(CrossingCollection.Name)]
public class PatrolFigureTests(CrossingDistrict district)
{
    readonly HttpClient _http = district.Host.CreateRealClient();

    [Theory]
    [InlineData("X1", 200, 200)]
    [InlineData("X2", 300, 300)] // 200 m out and 100 m back along the same street: both ways count
    public async Task A_grid_s_worker_table_gives_distance_and_time_inside_that_grid_beside_the_whole_walk(string grid, double metres, double seconds)
    {
        var coverage = await GetAsync(_http, $"api/grids/{grid}/coverage?window=24h"); // the walk is always in the last 24 h, not always today
        var k = Find(coverage.GetProperty("workers"), "K");
        Assert.Equal(metres, k.GetProperty("metresInGrid").GetDouble(), 0);
        Assert.Equal(seconds / 60, k.GetProperty("minutesInGrid").GetDouble(), 1);
        Assert.Equal(500, k.GetProperty("metres").GetDouble(), 0);
        Assert.Equal(500.0 / 60, k.GetProperty("minutesTotal").GetDouble(), 1);
    }

    [Fact]
    public async Task A_route_saved_after_the_walk_counts_none_of_it_and_counts_it_once_assigned_before()
    {
        var lon = await LonLat(220, 150);
        var lat = await LonLat(380, 150);
        var saved = await _http.PostAsJsonAsync("api/routes", new
        {
            name = "保存于巡查之后", grid = "X1", worker = "K",
            path = new { type = "LineString", coordinates = new[] { lon, lat } },
        });
        saved.EnsureSuccessStatusCode();
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // K walked past C1 and along the whole line half an hour before the route existed: nothing of it counts.
        var before = await GetAsync(_http, $"api/routes/{id}/comparison?date={district.WalkDay}");
        Assert.Equal(0, before.GetProperty("followedMetres").GetDouble());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("walked").ValueKind);
        var stop = Assert.Single(before.GetProperty("stops").EnumerateArray());
        Assert.Equal(("C1", false), (stop.GetProperty("code").GetString(), stop.GetProperty("visited").GetBoolean()));
        Assert.Equal(1, before.GetProperty("skipped").GetInt32());
        var assignedAt = before.GetProperty("assignedAt").GetDateTimeOffset();
        Assert.InRange(assignedAt, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(assignedAt, before.GetProperty("from").GetDateTimeOffset());

        // The same route assigned before K set out: the walk follows all of it and visits C1.
        await district.Host.ScalarAsync<int>("update patrol_route set assigned_at = @at where id = @id returning 1",
            ("at", district.WalkStart.AddMinutes(-1).ToUniversalTime()), ("id", id));
        var after = await GetAsync(_http, $"api/routes/{id}/comparison?date={district.WalkDay}");
        Assert.Equal(160, after.GetProperty("followedMetres").GetDouble(), 0);
        Assert.True(Assert.Single(after.GetProperty("stops").EnumerateArray()).GetProperty("visited").GetBoolean());

        // Redrawing the line is a new assignment: the clock starts again.
        var redrawn = await _http.PutAsJsonAsync($"api/routes/{id}", new
        {
            name = "重画", grid = "X1", worker = "K",
            path = new { type = "LineString", coordinates = new[] { lon, await LonLat(360, 150) } },
        });
        redrawn.EnsureSuccessStatusCode();
        Assert.Equal(0, (await GetAsync(_http, $"api/routes/{id}/comparison?date={district.WalkDay}")).GetProperty("followedMetres").GetDouble());
    }

    Task<double[]> LonLat(double x, double y) => CoverageDistrict.LonLatIn(district.Host.Db, x, y);
}
