using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.Server.Layers;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Ogc;

/// <summary>
/// /ogc read by GDAL's OAPIF driver (ogrinfo, ogr2ogr) and by plain HTTP: every collection listed with its exact
/// count, all buildings paged through to the end into a GeoPackage, bbox (in CRS84 and EPSG:4490), the EPSG:4490
/// answer, the OpenAPI definition and the 400s for what is wrong.
/// </summary>
[Collection(DemoDistrictCollection.Name)]
public class OgcApiTests(DashboardHost host)
{
    readonly HttpClient _http = host.CreateRealClient();

    string Root => $"OAPIF:{host.BaseUrl}/ogc";

    async Task<long> CountAsync(string sql) => await host.ScalarAsync<long>(sql);

    [Fact]
    public async Task Ogrinfo_lists_every_layer_as_a_collection_with_its_exact_count()
    {
        var run = await Gdal.RunAsync("ogrinfo", await host.AccessTokenAsync(), "-ro", "-al", "-so", Root);
        Assert.True(run.ExitCode == 0, run.Errors);
        var counts = Gdal.FeatureCounts(run.Output);
        Assert.Equal(LayerCatalog.All.Select(l => l.Name).Order(), counts.Keys.Order());
        foreach (var layer in LayerCatalog.All)
            Assert.True(await CountAsync($"select count(*) from ({layer.FeaturesSql()}) f") == counts[layer.Name], $"{layer.Name}: GDAL counted {counts[layer.Name]}");
        Assert.Equal(await CountAsync("select count(*) from building"), counts["buildings"]);
        Assert.True(counts["buildings"] > 1000, $"only {counts["buildings"]} buildings");
    }

    [Fact]
    public async Task Every_layer_s_features_sql_builds_exactly_its_declared_properties()
    {
        var checkedLayers = new List<string>();
        await using var conn = await host.Db.OpenConnectionAsync();
        foreach (var layer in LayerCatalog.All)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"select properties::text from ({layer.FeaturesSql()}) f limit 1";
            if (await cmd.ExecuteScalarAsync() is not string json) continue; // no feature of it in the demo now
            Assert.Equal(layer.Properties.Order(StringComparer.Ordinal), JsonNode.Parse(json)!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            checkedLayers.Add(layer.Name);
        }
        Assert.True(checkedLayers.Count >= 7, $"only {string.Join(", ", checkedLayers)} hold features");
    }

    [Fact]
    public async Task Ogr2ogr_pages_through_every_building_into_a_geopackage_with_the_chinese_names_intact()
    {
        var gpkg = Gdal.OutputFile("buildings-from-ogc.gpkg");
        // 500 a page: the demo's buildings take four pages, each reached by the previous page's next link.
        var copy = await Gdal.RunAsync("ogr2ogr", await host.AccessTokenAsync(), "-oo", "PAGE_SIZE=500", "-f", "GPKG", gpkg, Root, "buildings");
        Assert.True(copy.ExitCode == 0, copy.Errors);

        var info = await Gdal.RunAsync("ogrinfo", null, "-ro", "-so", gpkg, "buildings");
        var expected = await CountAsync("select count(*) from building");
        Assert.Equal(expected, Gdal.FeatureCounts(info.Output)["buildings"]);
        Assert.True(expected > 1500, $"the demo has only {expected} buildings: no paging to test");

        var (code, name) = (await host.ScalarAsync<string>("select code from building order by id desc limit 1"),
                            await host.ScalarAsync<string>("select name from building order by id desc limit 1"));
        var last = await Gdal.RunAsync("ogrinfo", null, "-ro", "-q", gpkg, "-sql", $"select name from buildings where code = '{code}'");
        Assert.Contains($"name (String) = {name}", last.Output);
        var distinct = await Gdal.RunAsync("ogrinfo", null, "-ro", "-q", gpkg, "-sql", "select count(distinct code) as n from buildings");
        Assert.Contains($"n (Integer) = {expected}", distinct.Output);
    }

    [Fact]
    public async Task A_bbox_answers_exactly_the_buildings_it_touches_in_crs84_and_in_epsg_4490()
    {
        var (xmin, ymin, xmax, ymax) = (103.820, 36.044, 103.830, 36.050);
        var expected = await CountAsync(FormattableString.Invariant(
            $"select count(*) from building where ST_Intersects(footprint, ST_MakeEnvelope({xmin}, {ymin}, {xmax}, {ymax}, 4326))"));
        Assert.True(expected > 10, $"the box holds only {expected} buildings");

        var gpkg = Gdal.OutputFile("buildings-in-box.gpkg");
        var copy = await Gdal.RunAsync("ogr2ogr", await host.AccessTokenAsync(), "-oo", "PAGE_SIZE=100", "-spat",
            S(xmin), S(ymin), S(xmax), S(ymax), "-f", "GPKG", gpkg, Root, "buildings");
        Assert.True(copy.ExitCode == 0, copy.Errors);
        Assert.Equal(expected, Gdal.FeatureCounts((await Gdal.RunAsync("ogrinfo", null, "-ro", "-so", gpkg, "buildings")).Output)["buildings"]);

        var crs84 = await ItemsAsync($"buildings/items?limit=1&bbox={S(xmin)},{S(ymin)},{S(xmax)},{S(ymax)}");
        Assert.Equal(expected, (long)crs84["numberMatched"]!);
        var cgcs = await ItemsAsync($"buildings/items?limit=1&bbox={S(ymin)},{S(xmin)},{S(ymax)},{S(xmax)}&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4490");
        Assert.Equal(expected, (long)cgcs["numberMatched"]!);
    }

    [Fact]
    public async Task Epsg_4490_and_4326_answers_are_latitude_first_and_say_their_crs()
    {
        var id = await host.ScalarAsync<long>("select min(id)::bigint from hazard");
        using var plain = await _http.GetAsync($"ogc/collections/hazards/items/{id}");
        Assert.Equal("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", plain.Headers.GetValues("Content-Crs").Single());
        Assert.Equal("application/geo+json", plain.Content.Headers.ContentType?.MediaType);
        var lonLat = JsonNode.Parse(await plain.Content.ReadAsStringAsync())!["geometry"]!["coordinates"]!.AsArray();
        var expected = (await host.ScalarAsync<string>($"select ST_X(location) || ' ' || ST_Y(location) from hazard where id = {id}")).Split(' ').Select(double.Parse).ToArray();
        Assert.Equal(expected[0], (double)lonLat[0]!, 6);
        Assert.Equal(expected[1], (double)lonLat[1]!, 6);

        foreach (var srid in new[] { 4490, 4326 })
        {
            using var answer = await _http.GetAsync($"ogc/collections/hazards/items/{id}?crs=http://www.opengis.net/def/crs/EPSG/0/{srid}");
            Assert.Equal($"<http://www.opengis.net/def/crs/EPSG/0/{srid}>", answer.Headers.GetValues("Content-Crs").Single());
            var geometry = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["geometry"]!.AsObject();
            Assert.False(geometry.ContainsKey("crs"), "GeoJSON geometry with a crs member");
            var latLon = geometry["coordinates"]!.AsArray();
            // CGCS2000 and WGS 84 agree to centimetres: PROJ moves nothing, the axes swap.
            Assert.Equal(expected[1], (double)latLon[0]!, 6);
            Assert.Equal(expected[0], (double)latLon[1]!, 6);
        }
        var page = await _http.GetAsync("ogc/collections/buildings/items?limit=3&crs=http://www.opengis.net/def/crs/EPSG/0/4490");
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4490>", page.Headers.GetValues("Content-Crs").Single());
        var first = JsonNode.Parse(await page.Content.ReadAsStringAsync())!["features"]![0]!["geometry"]!["coordinates"]![0]![0]![0]!.AsArray();
        Assert.InRange((double)first[0]!, 30, 45); // latitude of Lanzhou first
        Assert.InRange((double)first[1]!, 100, 110);
    }

    [Fact]
    public async Task Pages_count_and_link_to_the_next_until_the_last()
    {
        var total = await CountAsync("select count(*) from hazard");
        var seen = new HashSet<long>();
        string? next = "ogc/collections/hazards/items?limit=70";
        var pages = 0;
        while (next is not null)
        {
            var page = JsonNode.Parse(await _http.GetStringAsync(next))!;
            pages++;
            Assert.Equal(total, (long)page["numberMatched"]!);
            var features = page["features"]!.AsArray();
            Assert.Equal(features.Count, (int)page["numberReturned"]!);
            foreach (var f in features) Assert.True(seen.Add((long)f!["id"]!), $"feature {f!["id"]} served twice");
            next = page["links"]!.AsArray().FirstOrDefault(l => (string?)l!["rel"] == "next")?["href"]?.ToString();
        }
        Assert.Equal(total, seen.Count);
        Assert.Equal((int)Math.Ceiling(total / 70.0), pages);

        var clamped = await ItemsAsync("hazards/items?limit=999999");
        Assert.Equal(Math.Min(total, 10_000), (long)clamped["numberReturned"]!);
    }

    [Fact]
    public async Task The_landing_page_links_an_openapi_definition_and_the_conformance_declares_core_geojson_oas30_and_crs()
    {
        var landing = JsonNode.Parse(await _http.GetStringAsync("ogc"))!;
        var serviceDesc = landing["links"]!.AsArray().Single(l => (string?)l!["rel"] == "service-desc")!;
        Assert.Equal("application/vnd.oai.openapi+json;version=3.0", (string?)serviceDesc["type"]);
        using var api = await _http.GetAsync((string)serviceDesc["href"]!);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var definition = JsonNode.Parse(await api.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.0", (string?)definition["openapi"]);
        Assert.Equal(10_000, (int)definition["components"]!["parameters"]!["limit"]!["schema"]!["maximum"]!);
        Assert.NotNull(definition["paths"]!["/collections/{collectionId}/items"]!["get"]!["responses"]!["200"]);

        var conformance = JsonNode.Parse(await _http.GetStringAsync("ogc/conformance"))!["conformsTo"]!.AsArray().Select(c => (string)c!).ToList();
        foreach (var cls in new[] { "ogcapi-features-1/1.0/conf/core", "ogcapi-features-1/1.0/conf/geojson", "ogcapi-features-1/1.0/conf/oas30", "ogcapi-features-2/1.0/conf/crs" })
            Assert.Contains(conformance, c => c.EndsWith(cls, StringComparison.Ordinal));

        var collection = JsonNode.Parse(await _http.GetStringAsync("ogc/collections/incidents"))!;
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/4490", collection["crs"]!.AsArray().Select(c => (string)c!));
        Assert.NotNull(collection["extent"]!["temporal"]);
        Assert.Null(JsonNode.Parse(await _http.GetStringAsync("ogc/collections/buildings"))!["extent"]!["temporal"]);
    }

    [Theory]
    [InlineData("buildings/items?bbox=103.8,36.0,103.9", "four numbers")]
    [InlineData("buildings/items?bbox=103.9,36.0,103.8,36.1", "east of the maximum")]
    [InlineData("buildings/items?bbox=103.8,95,103.9,96", "range of longitude")]
    [InlineData("buildings/items?bbox=a,b,c,d", "four numbers")]
    [InlineData("buildings/items?bbox-crs=EPSG:4490", "without a bbox")]
    [InlineData("buildings/items?crs=http://www.opengis.net/def/crs/EPSG/0/3857", "crs=http://www.opengis.net/def/crs/EPSG/0/3857 is not served")]
    [InlineData("incidents/items?datetime=yesterday", "not an RFC 3339 date-time")]
    [InlineData("incidents/items?datetime=2026-12-03T10:00:00", "not an RFC 3339 date-time")]
    [InlineData("incidents/items?datetime=2026-12-04T00:00:00Z/2026-12-03T00:00:00Z", "the start is after the end")]
    [InlineData("buildings/items?datetime=2026-12-03T00:00:00Z/..", "has no time")]
    [InlineData("buildings/items?limit=0", "limit=0")]
    [InlineData("buildings/items?offset=-1", "offset=-1")]
    [InlineData("buildings/items?filter=x", "unknown query parameter 'filter'")]
    [InlineData("buildings/items/1?bbox=1,2,3,4", "unknown query parameter 'bbox'")]
    public async Task A_wrong_parameter_is_a_400_naming_it(string url, string detail)
    {
        using var response = await _http.GetAsync($"ogc/collections/{url}");
        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task An_unknown_collection_or_feature_is_a_404_and_nobody_reads_without_signing_in()
    {
        await ProblemAssert.IsProblem(await _http.GetAsync("ogc/collections/people/items"), HttpStatusCode.NotFound, "'people'");
        await ProblemAssert.IsProblem(await _http.GetAsync("ogc/collections/buildings/items/0"), HttpStatusCode.NotFound, "'0'");
        using var anonymous = host.CreateAnonymousClient();
        foreach (var url in new[] { "ogc", "ogc/api", "ogc/conformance", "ogc/collections", "ogc/collections/buildings", "ogc/collections/buildings/items", "ogc/collections/buildings/items/1" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        var gdal = await Gdal.RunAsync("ogrinfo", null, "-ro", "-so", Root);
        Assert.NotEqual(0, gdal.ExitCode);
        Assert.Contains("401", gdal.Errors);
    }

    async Task<JsonNode> ItemsAsync(string path) => JsonNode.Parse(await _http.GetStringAsync($"ogc/collections/{path}"))!;

    static string S(double v) => v.ToString(CultureInfo.InvariantCulture);
}
