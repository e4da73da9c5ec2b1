using System.Net;
using System.Net.Http.Json;
using MapDashboard.IntegrationTests.Api;
using static MapDashboard.IntegrationTests.Coverage.CoverageJson;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>POST /api/routes/analysis: a drawn line is measured exactly like the same line walked.</summary>
[Collection(CoverageCollection.Name)]
public class RouteAnalysisTests(CoverageDistrict district)
{
    readonly HttpClient _http = district.Host.CreateRealClient();

    async Task<object> Line(params (double X, double Y)[] points)
    {
        var coordinates = new List<double[]>();
        foreach (var (x, y) in points) coordinates.Add(await district.LonLat(x, y));
        return new { type = "LineString", coordinates };
    }

    [Fact]
    public async Task A_drawn_line_covers_and_passes_exactly_what_walking_it_did()
    {
        var analysis = await PostAsync(_http, "api/routes/analysis", new { path = await Line((100, 150), (300, 150)), grid = "G1" });
        var walked = await GetAsync(_http, "api/grids/G1/coverage?window=today");
        Assert.Equal(walked.GetProperty("areaShare").GetDouble(), analysis.GetProperty("areaShare").GetDouble(), 6);
        Assert.Equal(Codes(walked.GetProperty("visited")), Codes(analysis.GetProperty("passes")));
        Assert.Equal(Codes(walked.GetProperty("unvisited")), Codes(analysis.GetProperty("misses")));
        Assert.Equal(200, analysis.GetProperty("metres").GetDouble(), 0);
        Assert.Equal(2.7, analysis.GetProperty("walkingMinutes").GetDouble(), 1); // 200 m at 75 m/min
        Assert.Equal("MultiPolygon", analysis.GetProperty("covered").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Without_a_grid_the_line_is_measured_in_the_grid_holding_most_of_it()
    {
        var analysis = await PostAsync(_http, "api/routes/analysis", new { path = await Line((300, 150), (700, 150)) });
        Assert.Equal("G2", analysis.GetProperty("grid").GetString());
        Assert.Contains("B4", Codes(analysis.GetProperty("passes")));
        Assert.Contains("B3", Codes(analysis.GetProperty("passes"))); // passes count anywhere, not only in the grid
        Assert.DoesNotContain("B3", Codes(analysis.GetProperty("misses")));
    }

    [Fact]
    public async Task A_bad_line_gets_a_problem_that_names_it_and_nothing_is_written()
    {
        var before = await Rows();
        var lon = (await district.LonLat(100, 150))[0];
        var lat = (await district.LonLat(100, 150))[1];
        await Rejected(new { path = new { type = "LineString", coordinates = new[] { new[] { lon, lat } } } }, "needs at least 2");
        await Rejected(new { path = new { type = "LineString", coordinates = new[] { new[] { lat, lon }, new[] { lat + 0.001, lon } } } }, "look swapped");
        await Rejected(new { path = new { type = "LineString", coordinates = new[] { new[] { lon, lat }, new[] { lon, lat } } } }, "zero length");
        await Rejected(new { path = new { type = "Point", coordinates = new[] { lon, lat } } }, "must be a GeoJSON LineString, not a Point");
        await Rejected(new { path = new { type = "LineString", coordinates = new[] { new[] { 10.0, 10 }, new[] { 10.001, 10 } } } }, "outside the district");
        await Rejected(new { grid = "G1" }, "path is required");
        var unknownGrid = await _http.PostAsJsonAsync("api/routes/analysis", new { path = await Line((100, 150), (300, 150)), grid = "NOPE" });
        await ProblemAssert.IsProblem(unknownGrid, HttpStatusCode.NotFound, "'NOPE'");
        Assert.Equal(before, await Rows());
    }

    async Task Rejected(object body, string detail) =>
        await ProblemAssert.IsProblem(await _http.PostAsJsonAsync("api/routes/analysis", body), HttpStatusCode.BadRequest, detail);

    async Task<string> Rows()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "select concat_ws(',', (select count(*) from patrol_route), (select count(*) from patrol_ping), (select count(*) from patrol_track), (select count(*) from patrol_visit))", conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
