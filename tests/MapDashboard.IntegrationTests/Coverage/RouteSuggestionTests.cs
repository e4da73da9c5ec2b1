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
    public async Task A_grid_with_nothing_left_to_visit_answers_that_everything_is_patrolled_instead_of_a_route_of_one_point()
    {
        // A micro-grid of G1 around B1 and H1, both visited today by W1 (and H1 since it fell due).
        await using var conn = await district.Db.OpenConnectionAsync();
        await Exec(conn, """
            insert into territory_unit (code, name, kind, parent_id, boundary)
            values ('G1-M', 'G1微网格', 'micro_grid', (select id from territory_unit where code = 'G1'),
                    ST_Multi(ST_Transform(ST_MakeEnvelope(390120, 3990110, 390230, 3990180, 32648), 4326)))
            """);
        try
        {
            var coverage = await GetAsync(_http, "api/grids/G1-M/coverage");
            Assert.Equal(["B1", "H1"], Codes(coverage.GetProperty("visited")));
            Assert.Empty(coverage.GetProperty("unvisited").EnumerateArray());

            var s = await PostAsync(_http, "api/grids/G1-M/route-suggestion", new { });
            Assert.True(s.GetProperty("allVisited").GetBoolean());
            Assert.Equal("today", s.GetProperty("window").GetString());
            Assert.Empty(s.GetProperty("stops").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, s.GetProperty("path").ValueKind);
            Assert.Equal(0, s.GetProperty("metres").GetDouble());
            // A grid with stops says it is not done.
            Assert.False((await PostAsync(_http, "api/grids/G1/route-suggestion", new { })).GetProperty("allVisited").GetBoolean());
        }
        finally
        {
            await Exec(conn, "delete from territory_unit where code = 'G1-M'");
        }
    }

    [Fact]
    public async Task An_unvisited_hazard_in_mitigation_that_the_coverage_counts_as_missed_is_a_stop_and_the_suggested_route_misses_nothing_owed()
    {
        // H9 (整改中, no revisit date) lies in G2, 51 m from W2's walk and 78 m from W3's: nobody visited it.
        await using var conn = await district.Db.OpenConnectionAsync();
        await Exec(conn, """
            insert into hazard (code, category_code, severity, status, location)
            values ('H9', 'wall', 'medium', 'mitigating', ST_Transform(ST_SetSRID(ST_MakePoint(390760, 3990200), 32648), 4326))
            """);
        try
        {
            foreach (var window in new[] { "today", "24h", "7d" })
            {
                var coverage = await GetAsync(_http, $"api/grids/G2/coverage?window={window}");
                var missed = Codes(coverage.GetProperty("unvisited")).Union(Codes(coverage.GetProperty("revisitDue")))
                    .Order(StringComparer.Ordinal).ToArray();
                Assert.Contains("H9", missed);
                // One rule for both: the suggestion visits exactly what the coverage lists as unvisited or due.
                var s = await PostAsync(_http, "api/grids/G2/route-suggestion", new { window });
                Assert.Equal(missed, Codes(s.GetProperty("stops")));
            }

            var today = await PostAsync(_http, "api/grids/G2/route-suggestion", new { });
            var analysis = await PostAsync(_http, "api/routes/analysis", new { path = today.GetProperty("path"), grid = "G2" });
            Assert.Contains("H9", Codes(analysis.GetProperty("passes")));
            Assert.DoesNotContain(analysis.GetProperty("misses").EnumerateArray(), m => m.GetProperty("owed").GetBoolean());
        }
        finally
        {
            await Exec(conn, "delete from hazard where code = 'H9'");
        }
    }

    static async Task Exec(Npgsql.NpgsqlConnection conn, string sql)
    {
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
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
