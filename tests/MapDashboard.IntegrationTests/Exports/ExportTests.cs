using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MapDashboard.Domain.Permissions;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Ogc;
using MapDashboard.IntegrationTests.Permissions;
using MapDashboard.Server.Layers;

namespace MapDashboard.IntegrationTests.Exports;

/// <summary>
/// /api/exports read back with GDAL: every layer of a unit as a GeoPackage with the count of the features touching
/// its land, GeoJSON with its media type and a Chinese file name, incidents and indicators as CSV with a BOM and the
/// Chinese intact; personal data masked inside the jurisdiction and absent outside, as on every read.
/// </summary>
[Collection(PermissionCollection.Name)]
public class ExportTests(PermissionDistrict district)
{
    readonly PermissionHost _host = district.Host;

    async Task<long> CountInAsync(LayerDeclaration layer, string unit)
    {
        await using var conn = await _host.Db.OpenConnectionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"select count(*) from ({layer.FeaturesSql()}) f, territory_unit u where u.code = '{unit}' and ST_Intersects(f.geom, u.boundary)";
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    async Task<string> SaveAsync(HttpResponseMessage response, string name)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var path = Gdal.OutputFile(name);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    [Fact]
    public async Task Every_layer_of_a_street_is_a_geopackage_gdal_opens_with_the_count_of_its_features()
    {
        using var http = _host.As(_host.InsideLeader("street"));
        var nonEmpty = 0;
        var files = new Dictionary<string, string>();
        foreach (var layer in LayerCatalog.All)
        {
            using var response = await http.GetAsync($"api/exports/{_host.Inside.Street}/layers/{layer.Name}.gpkg");
            Assert.Equal("application/geopackage+sqlite3", response.Content.Headers.ContentType?.MediaType);
            var gpkg = files[layer.Name] = await SaveAsync(response, $"export-{layer.Name}.gpkg");
            var info = await Gdal.RunAsync("ogrinfo", null, "-ro", "-so", gpkg, layer.Name);
            Assert.True(info.ExitCode == 0, $"{layer.Name}: {info.Errors}");
            var expected = await CountInAsync(layer, _host.Inside.Street);
            Assert.True(expected == Gdal.FeatureCounts(info.Output)[layer.Name], $"{layer.Name}: expected {expected}\n{info.Output}");
            if (expected > 0) nonEmpty++;
        }
        Assert.True(nonEmpty >= 6, $"only {nonEmpty} layers hold features in the street");

        var name = await _host.ScalarAsync<string>($"select b.name from building b, territory_unit u where u.code = '{_host.Inside.Street}' and ST_Intersects(b.footprint, u.boundary) order by b.id limit 1");
        var rows = await Gdal.RunAsync("ogrinfo", null, "-ro", "-q", files["buildings"], "buildings");
        Assert.Contains($"name (String) = {name}", rows.Output);
    }

    [Fact]
    public async Task A_geojson_export_is_geo_json_named_in_chinese_with_the_worker_masked_inside_and_absent_outside()
    {
        var url = $"api/exports/{_host.Inside.Community}/layers/workers.geojson";
        using var inside = _host.As(_host.InsideLeader());
        using var response = await inside.GetAsync(url);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var communityName = await _host.ScalarAsync<string>($"select name from territory_unit where code = '{_host.Inside.Community}'");
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"{communityName}-workers.geojson", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString(communityName), response.Content.Headers.GetValues("Content-Disposition").Single());

        JsonObject Worker(JsonNode collection) => collection["features"]!.AsArray()
            .Single(f => (string?)f!["properties"]!["code"] == _host.Inside.Worker)!["properties"]!.AsObject();
        Assert.Equal(Masking.Name(_host.Inside.WorkerName), (string?)Worker(JsonNode.Parse(await response.Content.ReadAsStringAsync())!)["name"]);

        foreach (var account in new[] { _host.OutsideLeader(), PermissionHost.Display })
        {
            using var outside = _host.As(account);
            var worker = Worker(JsonNode.Parse(await outside.GetStringAsync(url + "?reveal=true"))!);
            Assert.False(worker.ContainsKey("name"), $"a name outside the jurisdiction: {worker}");
            var gpkg = await SaveAsync(await outside.GetAsync($"api/exports/{_host.Inside.Community}/layers/workers.gpkg"), "export-workers-outside.gpkg");
            var rows = await Gdal.RunAsync("ogrinfo", null, "-ro", "-q", gpkg, "workers");
            Assert.Contains($"code (String) = {_host.Inside.Worker}", rows.Output);
            Assert.DoesNotContain(_host.Inside.WorkerName, rows.Output);
            Assert.DoesNotContain(Masking.Name(_host.Inside.WorkerName), rows.Output);
        }
    }

    [Fact]
    public async Task Incidents_and_indicators_are_csv_with_a_bom_that_gdal_reads_with_the_chinese_intact()
    {
        await PermissionActions.ReportAsync(_host, _host.Inside); // with a description and a contact, which no export carries
        using var http = _host.As(_host.InsideLeader("district"));
        using var incidents = await http.GetAsync("api/exports/620102/incidents.csv");
        var bytes = await incidents.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/csv", incidents.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("编号,类别,阶段,上报时间", lines[0]); // Chinese column names for Excel, unless asked in English
        Assert.StartsWith("code,category,stage,reportedAt", (await http.GetStringAsync("api/exports/620102/incidents.csv?lang=en")).TrimStart('\uFEFF'));
        Assert.Equal(await CountInAsync(LayerCatalog.Find("incidents")!, "620102"), lines.Length - 1);
        Assert.True(lines.Length > 1, "no incident to export");
        Assert.DoesNotContain(lines, l => l.Contains("13912345678") || l.Contains("permission test"));
        Assert.Equal("城关区-incidents.csv", incidents.Content.Headers.ContentDisposition!.FileNameStar);

        var csv = await SaveAsync(await http.GetAsync("api/exports/620102/indicators.csv"), "indicators.csv");
        var read = await Gdal.RunAsync("ogrinfo", null, "-ro", "-al", "-q", csv);
        Assert.True(read.ExitCode == 0, read.Errors);
        Assert.Contains("数值 (String) = 城关区", read.Output);
        Assert.Contains("指标 (String) = reportedToday", read.Output);
    }

    [Fact]
    public async Task Wrong_exports_are_named_and_nobody_downloads_without_signing_in()
    {
        using var http = _host.As(_host.InsideLeader());
        await ProblemAssert.IsProblem(await http.GetAsync("api/exports/999999/layers/buildings.gpkg"), HttpStatusCode.NotFound, "'999999'");
        await ProblemAssert.IsProblem(await http.GetAsync("api/exports/620102/layers/people.gpkg"), HttpStatusCode.NotFound, "'people'");
        await ProblemAssert.IsProblem(await http.GetAsync("api/exports/620102/layers/buildings.shp"), HttpStatusCode.BadRequest, "'shp'");
        using var anonymous = _host.As(null);
        foreach (var url in new[] { "api/exports/620102/layers/buildings.gpkg", "api/exports/620102/incidents.csv", "api/exports/620102/indicators.csv" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
    }
}
