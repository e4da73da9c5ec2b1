using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Live;
using NetTopologySuite.Geometries;
using Npgsql;

namespace MapDashboard.IntegrationTests.Findings;

/// <summary>PUT /api/territory/{code}/boundary on the demo district: validation, dry run, incremental recomputation, live stream.</summary>
public class BoundaryEditTests(FindingsHost host) : IClassFixture<FindingsHost>
{
    /// <summary>The unit's boundary pulled in by about 10 m, as GeoJSON: it stays inside its parent and opens gaps.</summary>
    async Task<string> ShrunkAsync(string code)
    {
        await using var cmd = host.Db.CreateCommand("select ST_AsGeoJSON(ST_Buffer(boundary, -0.0001, 'join=mitre')) from territory_unit where code = @code");
        cmd.Parameters.AddWithValue("code", code);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    async Task<HttpResponseMessage> PutAsync(string code, string body, bool dryRun = false)
    {
        using var http = host.CreateRealClient();
        return await http.PutAsync($"api/territory/{code}/boundary{(dryRun ? "?dryRun=true" : "")}",
            new StringContent(body, Encoding.UTF8, "application/json"));
    }

    static string Keys(JsonNode diff, string list) =>
        string.Join("\n", diff["findings"]![list]!.AsArray().Select(i => $"{i!["key"]} {i["areaM2"]}").Order());

    async Task<string> SnapshotAsync()
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        return string.Join("\n", (await FindingRow.PresentAsync(conn)).Select(f => f.Comparable));
    }

    async Task<string> BoundaryAsync(string code) =>
        (string)(await host.Db.CreateCommand($"select ST_AsText(boundary) from territory_unit where code = '{code}'").ExecuteScalarAsync())!;

    [Fact]
    public async Task A_dry_run_answers_exactly_what_saving_the_edit_then_produces_and_writes_nothing()
    {
        const string grid = "620102002001-13";
        var shrunk = await ShrunkAsync(grid);
        var (boundaryBefore, findingsBefore) = (await BoundaryAsync(grid), await SnapshotAsync());

        var dry = JsonNode.Parse(await (await PutAsync(grid, shrunk, dryRun: true)).Content.ReadAsStringAsync())!;
        Assert.True((bool)dry["dryRun"]!);
        Assert.Equal(boundaryBefore, await BoundaryAsync(grid));
        Assert.Equal(findingsBefore, await SnapshotAsync());

        var response = await PutAsync(grid, shrunk);
        response.EnsureSuccessStatusCode();
        var saved = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True((bool)saved["saved"]!);
        Assert.NotEqual(boundaryBefore, await BoundaryAsync(grid));

        Assert.Contains(dry["findings"]!["created"]!.AsArray(), i => (string?)i!["kind"] == "gap");
        Assert.Contains(dry["findings"]!["removed"]!.AsArray().Concat(dry["findings"]!["changed"]!.AsArray()),
            i => (string?)i!["kind"] == "overlap"); // the overlap with -15 shrinks or goes
        foreach (var list in new[] { "created", "removed", "changed" })
            Assert.Equal(Keys(dry, list), Keys(saved, list));
    }

    [Theory]
    [InlineData("""{"type":"LineString","coordinates":[[103.83,36.05],[103.84,36.05]]}""", "a boundary is a Polygon or MultiPolygon")]
    [InlineData("""{"type":"Polygon","coordinates":[[[103.82,36.04],[103.83,36.05],[103.83,36.04],[103.82,36.05],[103.82,36.04]]]}""", "the polygon is not valid: Self-intersection")]
    [InlineData("""{"type":"Polygon","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""", "SRID 3857")]
    [InlineData("""{"type":"Polygon","coordinates":[[[103.0,36.0],[103.001,36.0],[103.001,36.001],[103.0,36.0]]]}""", "leaves its parent 620102001001")]
    [InlineData("""{"type":"Polygon","coordinates":"nope"}""", "the GeoJSON cannot be read")]
    [InlineData("""[1, 2]""", "send a GeoJSON Polygon")]
    public async Task A_bad_boundary_is_refused_with_a_problem_naming_what_is_wrong_and_nothing_is_written(string body, string detail)
    {
        const string grid = "620102001001-01";
        var before = await BoundaryAsync(grid);
        await ProblemAssert.IsProblem(await PutAsync(grid, body), HttpStatusCode.BadRequest, detail);
        Assert.Equal(before, await BoundaryAsync(grid));
    }

    [Fact]
    public async Task A_saved_boundary_reads_back_in_SRID_4326_with_exactly_the_coordinates_sent()
    {
        const string grid = "620102002001-07";
        // A MultiPolygon at full double precision: the coordinates pass C# -> NTS -> PostGIS untouched or not at all.
        var sent = JsonNode.Parse(await host.ScalarAsync<string>(
            "select ST_AsGeoJSON(ST_Multi(ST_Buffer(boundary, -0.0001, 'join=mitre')), 17) from territory_unit where code = @code", ("code", grid)))!;
        (await PutAsync(grid, sent.ToJsonString())).EnsureSuccessStatusCode();

        var stored = await host.ScalarAsync<Geometry>("select boundary from territory_unit where code = @code", ("code", grid));
        Assert.Equal(4326, stored.SRID);
        Assert.IsType<MultiPolygon>(stored);
        Assert.Equal(Positions(sent["coordinates"]!), stored.Coordinates.Select(c => (c.X, c.Y)));
    }

    static IEnumerable<(double, double)> Positions(JsonNode coordinates) =>
        coordinates.AsArray()[0] is JsonValue
            ? [((double)coordinates[0]!, (double)coordinates[1]!)]
            : coordinates.AsArray().SelectMany(c => Positions(c!));

    [Fact]
    public async Task A_self_intersecting_polygon_inside_a_MultiPolygon_is_refused_naming_it_and_nothing_is_written()
    {
        const string grid = "620102001001-01";
        var before = await BoundaryAsync(grid);
        const string bowtie = """{"type":"MultiPolygon","coordinates":[[[[103.82,36.04],[103.83,36.05],[103.83,36.04],[103.82,36.05],[103.82,36.04]]]]}""";
        await ProblemAssert.IsProblem(await PutAsync(grid, bowtie), HttpStatusCode.BadRequest, "the polygon is not valid: Self-intersection");
        Assert.Equal(before, await BoundaryAsync(grid));
    }

    [Fact]
    public async Task An_unknown_unit_is_not_found()
    {
        await ProblemAssert.IsProblem(await PutAsync("NOPE", """{"type":"Polygon","coordinates":[]}"""), HttpStatusCode.NotFound, "no territory unit has code 'NOPE'");
    }

    [Fact]
    public async Task Incremental_recomputation_after_a_series_of_edits_matches_a_full_recomputation()
    {
        (await PutAsync("620102001002-01", await ShrunkAsync("620102001002-01"))).EnsureSuccessStatusCode();
        await using var conn = await host.Db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            -- a new building across the boundary of two grids of one community
            insert into building (code, name, footprint)
            select 'EDIT-B1', '新楼', ST_Multi(ST_Buffer(ST_PointOnSurface(ST_Intersection(ST_Boundary(a.boundary), b.boundary)), 0.0001, 'quad_segs=1'))
            from territory_unit a, territory_unit b where a.code = '620102002002-01' and b.code = '620102002002-03';
            -- an owner given, an owner taken away, a rival claim, a hazard moved onto another grid
            update building set owner_id = (select id from organisation order by id limit 1) where code = 'B000867';
            update building set owner_id = null where code = 'B000001';
            insert into ownership_claim (asset_kind, asset_id, organisation_id)
            select 'building', (select b.id from building b where b.code = 'B000002'), o.id from organisation o order by o.id limit 2;
            update hazard set location = (select ST_PointOnSurface(boundary) from territory_unit where code = '620102002003-01') where code = 'H00005';
            """);
        var incremental = await SnapshotAsync();
        Assert.Contains("ownerless:B000001", incremental);
        Assert.DoesNotContain("ownerless:B000867", incremental);
        Assert.Contains("disputed:B000002", incremental);

        await conn.ExecuteAsync("select recompute_all_findings()");
        Assert.Equal(incremental, await SnapshotAsync());
    }

    [Fact]
    public async Task A_boundary_edit_streams_the_findings_it_creates_to_a_subscribed_client()
    {
        var since = await LiveSql.NewestSeqAsync(host.Db);
        await using var client = RecordingLiveClient.Start(host, new { layers = new[] { "findings" }, sinceSeq = since });
        await client.SubscribedAsync();

        (await PutAsync("620102001001-02", await ShrunkAsync("620102001001-02"))).EnsureSuccessStatusCode();

        await client.WaitForAsync(e => (string?)e["event"] == "changes"
            && e["items"]!.AsArray().Any(i => ((string?)i!["code"])?.StartsWith("gap:620102001001,") == true && (string?)i["op"] == "upsert"),
            TimeSpan.FromSeconds(20), "the new gap on the findings layer");
        Assert.All(client.ChangeItems(), i => Assert.Equal("findings", (string?)i["layer"]));
    }
}
