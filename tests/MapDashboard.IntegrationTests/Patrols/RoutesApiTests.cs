using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Api;
using NetTopologySuite.Geometries;

namespace MapDashboard.IntegrationTests.Patrols;

[Collection(PatrolCollection.Name)]
public class RoutesApiTests(PatrolHost host)
{
    static object Line(params (double Lon, double Lat)[] points) =>
        new { type = "LineString", coordinates = points.Select(p => new[] { p.Lon, p.Lat }).ToArray() };

    [Fact]
    public async Task A_route_is_saved_read_back_edited_and_deleted_with_its_length_in_metres()
    {
        var (worker, grid, lon, lat) = await host.WorkerInGridAsync(0);
        using var http = host.CreateRealClient();

        // 0.001° of longitude at 36°N is about 90 m.
        var created = await http.PostAsJsonAsync("api/routes", new
        {
            name = "早巡", path = Line((lon, lat), (lon + 0.001, lat)), grid, worker, plannedFor = "2026-11-23",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var feature = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = (long)feature["id"]!;
        Assert.Equal($"/api/routes/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("LineString", (string?)feature["geometry"]!["type"]);
        var properties = feature["properties"]!;
        Assert.Equal("早巡", (string?)properties["name"]);
        Assert.Equal(grid, (string?)properties["grid"]);
        Assert.Equal(worker, (string?)properties["worker"]);
        Assert.False(string.IsNullOrEmpty((string?)properties["workerName"]));
        Assert.Equal("2026-11-23", (string?)properties["plannedFor"]);
        Assert.InRange((double)properties["metres"]!, 85, 95);

        var listed = JsonNode.Parse(await http.GetStringAsync($"api/routes?date=2026-11-23&grid={grid}&worker={worker}"))!;
        Assert.Equal("FeatureCollection", (string?)listed["type"]);
        Assert.Contains(listed["features"]!.AsArray(), f => (long)f!["id"]! == id);
        var otherDay = JsonNode.Parse(await http.GetStringAsync("api/routes?date=2026-11-24"))!;
        Assert.DoesNotContain(otherDay["features"]!.AsArray(), f => (long)f!["id"]! == id);

        var updated = await http.PutAsJsonAsync($"api/routes/{id}", new
        {
            name = "晚巡", path = Line((lon, lat), (lon + 0.002, lat), (lon + 0.002, lat + 0.001)), grid, plannedFor = "2026-11-24",
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var edited = JsonNode.Parse(await updated.Content.ReadAsStringAsync())!;
        Assert.Equal("晚巡", (string?)edited["properties"]!["name"]);
        Assert.Null(edited["properties"]!["worker"]);
        Assert.Equal(3, edited["geometry"]!["coordinates"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"api/routes/{id}")).StatusCode);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from patrol_route where id = @id", ("id", id)));
        await ProblemAssert.IsProblem(await http.DeleteAsync($"api/routes/{id}"), HttpStatusCode.NotFound, $"no route has id {id}");
        await ProblemAssert.IsProblem(await http.PutAsJsonAsync($"api/routes/{id}", new { name = "x", path = Line((lon, lat), (lon + 0.001, lat)) }),
            HttpStatusCode.NotFound, $"no route has id {id}");
    }

    [Fact]
    public async Task A_saved_path_reads_back_in_SRID_4326_with_exactly_the_coordinates_sent_and_a_bad_vertex_is_named_by_its_index()
    {
        var (_, _, lon, lat) = await host.WorkerInGridAsync(0);
        (double, double)[] sent = [(lon, lat), (lon + 0.000123456789012, lat + 0.0000987654321), (lon + 0.001, lat)];
        using var http = host.CreateRealClient();
        var created = await http.PostAsJsonAsync("api/routes", new { name = "精确", path = Line(sent) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        async Task<Geometry> Stored() => await host.ScalarAsync<Geometry>("select path from patrol_route where id = @id", ("id", id));

        var stored = await Stored();
        Assert.Equal(4326, stored.SRID);
        Assert.Equal(sent, stored.Coordinates.Select(c => (c.X, c.Y)));

        // Vertex 2 far outside the district: the edit and the analysis both name it, and the saved path stays.
        var bad = Line(sent[0], sent[1], (116.4, 39.9));
        await ProblemAssert.IsProblem(await http.PutAsJsonAsync($"api/routes/{id}", new { name = "精确", path = bad }),
            HttpStatusCode.BadRequest, "path vertex 2 [116.4, 39.9] is outside the district");
        await ProblemAssert.IsProblem(await http.PostAsJsonAsync("api/routes/analysis", new { path = bad }),
            HttpStatusCode.BadRequest, "path vertex 2 [116.4, 39.9] is outside the district");
        Assert.Equal(sent, (await Stored()).Coordinates.Select(c => (c.X, c.Y)));
        (await http.DeleteAsync($"api/routes/{id}")).EnsureSuccessStatusCode();
    }

    public static TheoryData<string, string> BadRoutes => new()
    {
        { """{"name":"","path":{"type":"LineString","coordinates":[[103.83,36.05],[103.831,36.05]]}}""", "name is required" },
        { """{"name":"r","path":{"type":"LineString","coordinates":[[103.83,36.05]]}}""", "path has 1 vertex; a route needs at least 2" },
        { """{"name":"r","path":{"type":"LineString","coordinates":[[103.83,36.05],[103.83,36.05]]}}""", "all the same point" },
        { """{"name":"r","path":{"type":"LineString","coordinates":[[36.05,103.83],[36.05,103.831]]}}""", "path vertex 0 [36.05, 103.83]: longitude and latitude look swapped" },
        { """{"name":"r","path":{"type":"LineString","coordinates":[[116.4,39.9],[116.41,39.9]]}}""", "path vertex 0 [116.4, 39.9] is outside the district" },
        { """{"name":"r","path":{"type":"Polygon","coordinates":[]}}""", "path must be a GeoJSON LineString, not a Polygon" },
        { """{"name":"r","path":{"type":"LineString","coordinates":[[103.83,36.05],[103.831,36.05]]},"grid":"NOPE"}""", "grid 'NOPE' is not a community, dedicated or micro grid" },
        { """{"name":"r","path":{"type":"LineString","coordinates":[[103.83,36.05],[103.831,36.05]]},"worker":"NOPE"}""", "worker 'NOPE' is not a grid worker" },
        { """{"name":"r","path":{"type":"LineString","coordinates":[[103.83,36.05],[103.831,36.05]]},"plannedFor":"23/11/2026"}""", "plannedFor '23/11/2026' is not a day written YYYY-MM-DD" },
        { """{"name":"r"}""", "path is required" },
    };

    [Theory]
    [MemberData(nameof(BadRoutes))]
    public async Task A_bad_route_is_refused_naming_the_fault_and_nothing_is_written(string body, string fault)
    {
        var (_, _, lon, lat) = await host.WorkerInGridAsync(0);
        body = body.Replace("103.83,36.05]", $"{lon},{lat}]").Replace("103.831,36.05]", $"{lon + 0.001},{lat}]");
        var before = await host.WrittenRowsAsync();
        using var http = host.CreateRealClient();

        var response = await http.PostAsync("api/routes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, fault);
        Assert.Equal(before, await host.WrittenRowsAsync());
    }

    [Fact]
    public async Task Listing_by_an_unknown_grid_or_a_bad_date_is_refused()
    {
        using var http = host.CreateRealClient();
        await ProblemAssert.IsProblem(await http.GetAsync("api/routes?grid=NOPE"), HttpStatusCode.NotFound, "no community, dedicated or micro grid has code 'NOPE'");
        await ProblemAssert.IsProblem(await http.GetAsync("api/routes?date=tomorrow"), HttpStatusCode.BadRequest, "date 'tomorrow' is not a day written YYYY-MM-DD");
    }
}
