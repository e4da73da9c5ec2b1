using System.Net;
using MapDashboard.IntegrationTests.Api;
using static MapDashboard.IntegrationTests.Coverage.CoverageJson;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>GET /api/grids/{code}/coverage on <see cref="CoverageDistrict"/>, whose answers are known by construction.</summary>
[Collection(CoverageCollection.Name)]
public class GridCoverageTests(CoverageDistrict district)
{
    readonly HttpClient _http = district.Host.CreateRealClient();

    const double GridArea = 400 * 300;

    // A straight walk of length L covers a capsule: 2·r·L plus a disc of radius r at its ends.
    static double Capsule(double length) => 2 * CoverageDistrict.Radius * length + Math.PI * CoverageDistrict.Radius * CoverageDistrict.Radius;

    [Fact]
    public async Task A_straight_200_m_walk_covers_its_capsule_of_the_grid_to_half_a_percent()
    {
        var today = await GetAsync(_http, "api/grids/G1/coverage?window=today");
        Near(Capsule(200) / GridArea, today.GetProperty("areaShare").GetDouble(), 0.005);
        Assert.Equal(30, today.GetProperty("radiusMetres").GetDouble());
        Assert.Equal("MultiPolygon", today.GetProperty("covered").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Exactly_the_assets_within_the_radius_of_the_track_are_visited_at_the_time_of_closest_approach()
    {
        var today = await GetAsync(_http, "api/grids/G1/coverage?window=today");
        Assert.Equal(["B1", "B3", "H1"], Codes(today.GetProperty("visited")));
        Assert.Equal(["B2", "B5", "H2"], Codes(today.GetProperty("unvisited")));
        AtSecondsAfterStart(50, Find(today.GetProperty("visited"), "H1"));
        AtSecondsAfterStart(100, Find(today.GetProperty("visited"), "B1"));
        AtSecondsAfterStart(200, Find(today.GetProperty("visited"), "B3"));
        Assert.Equal(3.0 / 6, today.GetProperty("visitShare").GetDouble(), 6);
        Assert.Equal(4, today.GetProperty("buildings").GetProperty("total").GetInt32());
        Assert.Equal(2, today.GetProperty("buildings").GetProperty("visited").GetInt32());
        Assert.Equal(1, today.GetProperty("hazards").GetProperty("visited").GetInt32());
    }

    void AtSecondsAfterStart(double seconds, System.Text.Json.JsonElement visit)
    {
        var at = visit.GetProperty("lastVisitedAt").GetDateTimeOffset();
        Assert.InRange((at - district.W1Start).TotalSeconds, seconds - 1, seconds + 1);
    }

    [Fact]
    public async Task A_hazard_is_due_for_revisit_until_it_is_visited_after_it_fell_due()
    {
        var today = await GetAsync(_http, "api/grids/G1/coverage?window=today");
        var due = Assert.Single(today.GetProperty("revisitDue").EnumerateArray());
        Assert.Equal("H2", due.GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, due.GetProperty("lastVisitedAt").ValueKind);
    }

    [Fact]
    public async Task A_track_breaks_at_a_gap_and_a_flagged_ping_in_it_counts_for_nothing()
    {
        var today = await GetAsync(_http, "api/grids/G2/coverage?window=today");
        // B4 lies in W2's 10-minute gap, under a flagged ping: no line is drawn across the gap.
        Assert.Contains("B4", Codes(today.GetProperty("unvisited")));
        Assert.Contains("H3", Codes(today.GetProperty("visited")));
        var w2 = Find(today.GetProperty("workers"), "W2");
        Assert.Equal(150, w2.GetProperty("metres").GetDouble(), 1);
        // 100 s + 50 s of walking, all of it in G2; the gap is not time walked.
        Assert.Equal(2.5, w2.GetProperty("minutesTotal").GetDouble(), 1);
        Assert.Equal(2.5, w2.GetProperty("minutesInGrid").GetDouble(), 1);
        Assert.Equal(150, w2.GetProperty("metresInGrid").GetDouble(), 1);
    }

    [Fact]
    public async Task The_windows_hold_what_happened_in_them()
    {
        var today = await GetAsync(_http, "api/grids/G1/coverage?window=today");
        var day = await GetAsync(_http, "api/grids/G1/coverage?window=24h");
        var week = await GetAsync(_http, "api/grids/G1/coverage?window=7d");
        // W1's walk three days ago (past B5) is in the week only.
        Assert.DoesNotContain("B5", Codes(day.GetProperty("visited")));
        Assert.Contains("B5", Codes(week.GetProperty("visited")));
        Near(Capsule(200) / GridArea, day.GetProperty("areaShare").GetDouble(), 0.005);
        Near((Capsule(200) + Capsule(60)) / GridArea, week.GetProperty("areaShare").GetDouble(), 0.005);
        Assert.Equal("7d", week.GetProperty("window").GetString());
        Assert.True(week.GetProperty("from").GetDateTimeOffset() <= today.GetProperty("from").GetDateTimeOffset().AddDays(-6));

        // W3 walked past H4 23.5 hours ago: inside the rolling 24 h; inside "today" only if that was after local midnight.
        var g2Day = await GetAsync(_http, "api/grids/G2/coverage?window=24h");
        var g2Today = await GetAsync(_http, "api/grids/G2/coverage?window=today");
        Assert.Contains("H4", Codes(g2Day.GetProperty("visited")));
        Assert.Equal(district.W3Start >= CoverageDistrict.TodayStart, Codes(g2Today.GetProperty("visited")).Contains("H4"));
    }

    [Theory]
    [InlineData("api/grids/G1/coverage?window=month", HttpStatusCode.BadRequest, "window 'month' is not one of today, 24h, 7d")]
    [InlineData("api/grids/NOPE/coverage?window=today", HttpStatusCode.NotFound, "no community, dedicated or micro grid has code 'NOPE'")]
    [InlineData("api/grids/D/coverage", HttpStatusCode.NotFound, "code 'D'")]
    [InlineData("api/patrols/tracks?date=2026-13-01", HttpStatusCode.BadRequest, "date '2026-13-01'")]
    [InlineData("api/patrols/tracks?grid=NOPE", HttpStatusCode.NotFound, "'NOPE'")]
    [InlineData("api/routes/999999/comparison", HttpStatusCode.NotFound, "no route has id 999999")]
    public async Task A_bad_question_gets_a_problem_that_names_it(string url, HttpStatusCode status, string detail) =>
        await ProblemAssert.IsProblem(await _http.GetAsync(url), status, detail);
}
