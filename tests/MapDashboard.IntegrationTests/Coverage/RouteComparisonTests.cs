using System.Net;
using MapDashboard.Data;
using MapDashboard.IntegrationTests.Api;
using static MapDashboard.IntegrationTests.Coverage.CoverageJson;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>GET /api/routes/{id}/comparison: route R planned (100,150)→(500,150) for W1, who walked (100,150)→(300,150).</summary>
[Collection(CoverageCollection.Name)]
public class RouteComparisonTests(CoverageDistrict district)
{
    readonly HttpClient _http = district.Host.CreateRealClient();

    [Fact]
    public async Task A_route_walked_half_way_is_followed_up_to_the_radius_beyond_where_the_walk_ended()
    {
        var c = await GetAsync(_http, $"api/routes/{district.RouteId}/comparison");
        Assert.Equal("W1", c.GetProperty("worker").GetString());
        Assert.Equal(400, c.GetProperty("routeMetres").GetDouble(), 0);
        // Followed from x = 100 to 330: the walk ended at 300 and covers 30 m beyond it.
        Assert.Equal(230, c.GetProperty("followedMetres").GetDouble(), 0);
        Assert.Equal(230.0 / 400, c.GetProperty("followedShare").GetDouble(), 3);
        Assert.Equal("MultiLineString", c.GetProperty("walked").GetProperty("type").GetString());
        Assert.Equal("MultiLineString", c.GetProperty("followed").GetProperty("type").GetString());
        Assert.Equal("MultiLineString", c.GetProperty("missed").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_stops_along_the_route_are_listed_in_order_and_the_one_not_reached_is_skipped()
    {
        var c = await GetAsync(_http, $"api/routes/{district.RouteId}/comparison");
        var stops = c.GetProperty("stops").EnumerateArray().ToList();
        Assert.Equal(["H1", "B1", "B3", "H3"], stops.Select(s => s.GetProperty("code").GetString()));
        Assert.Equal([true, true, true, false], stops.Select(s => s.GetProperty("visited").GetBoolean()));
        Assert.Equal(1, c.GetProperty("skipped").GetInt32());
        var b1 = stops[1].GetProperty("visitedAt").GetDateTimeOffset();
        Assert.InRange((b1 - district.W1Start).TotalSeconds, 99, 101);
    }

    [Fact]
    public async Task On_a_day_the_worker_did_not_walk_the_whole_route_is_missed()
    {
        var c = await GetAsync(_http, $"api/routes/{district.RouteId}/comparison?date=2020-01-01");
        Assert.Equal(0, c.GetProperty("followedMetres").GetDouble());
        Assert.Equal(4, c.GetProperty("skipped").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, c.GetProperty("walked").ValueKind);
        Assert.Equal("MultiLineString", c.GetProperty("missed").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_route_without_a_worker_cannot_be_compared_and_says_why()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        var id = await conn.ScalarAsync<long>("""
            insert into patrol_route (name, path) select 'unassigned', path from patrol_route where name = 'R' returning id
            """);
        await ProblemAssert.IsProblem(await _http.GetAsync($"api/routes/{id}/comparison"), HttpStatusCode.Conflict, "not assigned to a worker");
        await ProblemAssert.IsProblem(await _http.GetAsync($"api/routes/{district.RouteId}/comparison?date=yesterday"), HttpStatusCode.BadRequest, "date 'yesterday'");
    }
}
