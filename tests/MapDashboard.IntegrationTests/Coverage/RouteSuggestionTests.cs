using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.Data;
using MapDashboard.IntegrationTests.Api;
using static MapDashboard.IntegrationTests.Coverage.CoverageJson;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>POST /api/grids/{code}/route-suggestion on G1: B2 and B5 were not visited today, H2 is due for a revisit.</summary>
[Collection(CoverageCollection.Name)]
public class RouteSuggestionTests(CoverageDistrict district)
{
    readonly HttpClient _http = district.Host.CreateRealClient();

    [Fact]
    public async Task The_suggestion_starts_at_the_start_and_visits_every_unvisited_entrance_and_every_hazard_due()
    {
        var start = await district.LonLat(10, 10);
        var s = await PostAsync(_http, "api/grids/G1/route-suggestion", new { start });
        Assert.Equal(["B2", "B5", "H2"], Codes(s.GetProperty("stops")));
        var path = s.GetProperty("path").GetProperty("coordinates").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
        Assert.Equal((start[0], start[1]), path[0]);
        // The path goes from the start through the stops in the order listed.
        Assert.Equal(s.GetProperty("stops").EnumerateArray().Select(x => (x.GetProperty("lon").GetDouble(), x.GetProperty("lat").GetDouble())), path.Skip(1));
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var length = new Npgsql.NpgsqlCommand("select ST_Length(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(@p), 4326), 32648))", conn);
        length.Parameters.AddWithValue("p", s.GetProperty("path").GetRawText());
        Assert.Equal((double)(await length.ExecuteScalarAsync())!, s.GetProperty("metres").GetDouble(), 0);
        Assert.Equal(s.GetProperty("metres").GetDouble() / 75, s.GetProperty("walkingMinutes").GetDouble(), 1);
    }

    [Fact]
    public async Task Without_a_start_it_starts_where_the_grids_worker_last_was_and_a_wider_window_needs_fewer_stops()
    {
        var s = await PostAsync(_http, "api/grids/G1/route-suggestion", new { window = "7d" });
        var lastPing = await district.LonLat(300, 150);
        Assert.Equal(lastPing[0], s.GetProperty("start")[0].GetDouble(), 6);
        Assert.Equal(lastPing[1], s.GetProperty("start")[1].GetDouble(), 6);
        Assert.Equal(["B2", "H2"], Codes(s.GetProperty("stops"))); // B5 was visited three days ago
    }

    [Fact]
    public async Task A_bad_suggestion_request_gets_a_problem_that_names_it()
    {
        var start = await district.LonLat(10, 10);
        await ProblemAssert.IsProblem(await _http.PostAsJsonAsync("api/grids/G1/route-suggestion", new { window = "month" }),
            HttpStatusCode.BadRequest, "window 'month'");
        await ProblemAssert.IsProblem(await _http.PostAsJsonAsync("api/grids/G1/route-suggestion", new { start = new[] { start[1], start[0] } }),
            HttpStatusCode.BadRequest, "latitude and longitude look swapped");
        await ProblemAssert.IsProblem(await _http.PostAsJsonAsync("api/grids/NOPE/route-suggestion", new { }), HttpStatusCode.NotFound, "'NOPE'");
        await ProblemAssert.IsProblem(await _http.PostAsJsonAsync("api/grids/G1/route-suggestion", new { worker = "NOBODY" }), HttpStatusCode.NotFound, "'NOBODY'");
    }
}
