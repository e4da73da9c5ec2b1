using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Audit;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>
/// The admin import page's endpoints on the demo district: a dry run of a zipped GBK Shapefile reports and writes
/// nothing, its apply writes exactly the changed hazard and is audited as the signed-in admin; bad uploads and bad
/// options are problem-details 4xx naming what is wrong, and leave nothing behind.
/// </summary>
[Collection(ImportApiCollection.Name)]
public sealed class ImportPageApiTests(ImportApiHost host)
{
    const string Changed = "H00001";

    Task<string> FingerprintAsync() => host.ScalarAsync<string>("""
        select concat_ws(' ', (select count(*) from hazard), (select md5(string_agg(code || severity || status || description, ',' order by code)) from hazard),
                         (select count(*) from territory_unit), (select coalesce(max(seq), 0) from change_log), (select count(*) from audit_entry))
        """);

    static byte[] HazardsZip(string name, string description) => File.ReadAllBytes(DemoSurveyFiles.Zip(DemoSurveyFiles.ShapefileGbk4326(
        DemoSurveyFiles.HazardsGeoJson(name, p => { if ((string)p["隐患编码"]! == Changed) p["描述"] = description; return p; }))));

    static async Task<JsonObject> OkJson(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    static async Task<string> Refusal(HttpResponseMessage response, int status) => (string)(await RefusalBody(response, status))["detail"]!;

    static async Task<JsonNode> RefusalBody(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    [Fact]
    [AuditCovers("POST /api/admin/import")]
    [AuditCovers("POST /api/admin/import/{id}/apply")]
    public async Task A_zipped_gbk_shapefile_dry_run_writes_nothing_and_its_apply_writes_the_change_audited_as_the_admin()
    {
        using var admin = host.CreateClientAs("admin");
        var description = "围墙已加固，待复查（导入页测试）";
        var before = await FingerprintAsync();

        var dry = await OkJson(await admin.PostAsync("api/admin/import",
            ImportApiHost.Form(HazardsZip("page-hazards", description), "隐患.zip", "hazards", ("encoding", "gbk"))));

        var report = dry["report"]!;
        Assert.Equal(200, (int)report["rows"]!);
        Assert.Equal((0, 1, 199, false, 0), ((int)report["inserted"]!, (int)report["updated"]!, (int)report["unchanged"]!, (bool)report["written"]!, (int)report["errors"]!));
        Assert.Equal(before, await FingerprintAsync());

        var mark = await host.ScalarAsync<long>("select coalesce(max(id), 0) from audit_entry");
        var applied = await OkJson(await admin.PostAsync($"api/admin/import/{(string)dry["id"]!}/apply", null));
        Assert.True((bool)applied["report"]!["written"]!);
        Assert.Equal(1, (int)applied["report"]!["updated"]!);
        Assert.Equal(description, await host.ScalarAsync<string>("select description from hazard where code = @c", ("c", Changed)));
        var audit = await host.ScalarAsync<string>(
            "select concat_ws(' | ', actor, actor_role, action, request, after ->> 'file') from audit_entry where id > @m and action = 'import hazards'", ("m", mark));
        Assert.Equal($"{TestAccounts.UserNameOf("admin")} | admin | import hazards | POST /api/admin/import/{{id}}/apply | 隐患.shp", audit);

        // Applied once: the upload is gone.
        await Refusal(await admin.PostAsync($"api/admin/import/{(string)dry["id"]!}/apply", null), 404);
    }

    [Fact]
    public async Task An_apply_of_a_report_with_errors_is_a_409_with_the_report_and_writes_nothing()
    {
        using var admin = host.CreateClientAs("admin");
        var file = DemoSurveyFiles.Write("page-bad-hazards", [DemoSurveyFiles.Hazard(DemoSurveyFiles.Features("hazards.geojson")[0]!, p => { p["隐患类别"] = "外星入侵"; return p; })]);
        var dry = await OkJson(await admin.PostAsync("api/admin/import", ImportApiHost.Form(File.ReadAllBytes(file), "bad.geojson", "hazards")));
        var problem = dry["report"]!["problems"]!.AsArray().Single()!;
        Assert.Equal((1, "unknown_category", "error"), ((int)problem["row"]!, (string)problem["kind"]!, (string)problem["severity"]!));
        Assert.Contains("外星入侵", (string)problem["zh"]!);
        Assert.Contains("is not known", (string)problem["en"]!);
        var before = await FingerprintAsync();

        var response = await admin.PostAsync($"api/admin/import/{(string)dry["id"]!}/apply", null);

        Assert.Contains("nothing was written", await Refusal(response, 409));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Bad_uploads_and_options_are_refused_naming_what_is_wrong_and_write_nothing()
    {
        using var admin = host.CreateClientAs("admin");
        var geoJson = File.ReadAllBytes(DemoSurveyFiles.HazardsGeoJson("page-refusals"));
        var before = await FingerprintAsync();

        Assert.Contains("not a zip", await Refusal(await admin.PostAsync("api/admin/import",
            ImportApiHost.Form("GIF89a not a map"u8.ToArray(), "hazards.geojson", "hazards")), 415));
        Assert.Contains("'floods' is not one of", await Refusal(await admin.PostAsync("api/admin/import", ImportApiHost.Form(geoJson, "h.geojson", "floods")), 400));
        Assert.Contains("srs 'Beijing 1954'", await Refusal(await admin.PostAsync("api/admin/import",
            ImportApiHost.Form(geoJson, "h.geojson", "hazards", ("srs", "Beijing 1954"))), 400));
        Assert.Contains("'file'", await Refusal(await admin.PostAsync("api/admin/import", new MultipartFormDataContent { { new StringContent("hazards"), "layer" } }), 400));
        // Sent with Expect: 100-continue, as a client of big uploads should: the refusal comes before the body, so the
        // client is not still writing when the server answers and closes (a broken pipe instead of the 413, at random).
        using var tooBig = new HttpRequestMessage(HttpMethod.Post, "api/admin/import") { Content = ImportApiHost.Form(new byte[ImportApiHost.UploadLimitBytes + 1], "big.gpkg", "hazards") };
        tooBig.Headers.ExpectContinue = true;
        Assert.Contains("limit", await Refusal(await admin.SendAsync(tooBig), 413));
        Assert.Contains("outside", await Refusal(await admin.PostAsync("api/admin/import", ImportApiHost.Form(ZipOf(("../escape.shp", "x"), ("../escape.dbf", "x")), "evil.zip", "hazards")), 400));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "mapdashboard-imports", "escape.shp"))); // where ../ would have led
        // A .geojson that is JSON of another shape, or cut short: refused naming the file, not a server failure.
        Assert.Contains("wrong.geojson 不是 GeoJSON 要素集合", await Refusal(await admin.PostAsync("api/admin/import", ImportApiHost.Form("{\"type\":\"Nope\"}"u8.ToArray(), "wrong.geojson", "hazards")), 400));
        Assert.Contains("text.geojson 不是 GeoJSON 要素集合", await Refusal(await admin.PostAsync("api/admin/import", ImportApiHost.Form("{\"type\":\"FeatureCollection\",\"features\":["u8.ToArray(), "text.geojson", "hazards")), 400));
        Assert.Contains("no .shp", await Refusal(await admin.PostAsync("api/admin/import", ImportApiHost.Form(ZipOf(("readme.txt", "x")), "empty.zip", "hazards")), 400));
        // A Shapefile set without its .prj: the page is told which of its fields to fill, not the command's --srs.
        var shp = DemoSurveyFiles.ShapefileGbk4326(DemoSurveyFiles.HazardsGeoJson("page-no-prj"));
        File.Delete(Path.ChangeExtension(shp, ".prj"));
        var noPrj = await Refusal(await admin.PostAsync("api/admin/import", ImportApiHost.Form(File.ReadAllBytes(DemoSurveyFiles.Zip(shp)), "no-prj.zip", "hazards")), 400);
        Assert.Contains("缺少 .prj", noPrj);
        Assert.Contains("请在“坐标系（EPSG，可选）”一栏填写 EPSG 代码", noPrj);
        Assert.DoesNotContain("--srs", noPrj);
        await Refusal(await admin.PostAsync("api/admin/import/0123456789abcdef0123456789abcdef/apply", null), 404);

        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_geopackage_of_several_tables_is_checked_by_the_table_named_and_refused_naming_them_when_none_or_another_is()
    {
        using var admin = host.CreateClientAs("admin");
        var gpkg = File.ReadAllBytes(DemoSurveyFiles.GridsAndPoliceGeoPackage("page-tables"));
        var before = await FingerprintAsync();

        var noneBody = await RefusalBody(await admin.PostAsync("api/admin/import", ImportApiHost.Form(gpkg, "普查.gpkg", "grids")), 400);
        var none = (string)noneBody["detail"]!;
        var unknown = await Refusal(await admin.PostAsync("api/admin/import", ImportApiHost.Form(gpkg, "普查.gpkg", "grids", ("table", "建筑"))), 400);
        var police = await OkJson(await admin.PostAsync("api/admin/import", ImportApiHost.Form(gpkg, "普查.gpkg", "grids", ("table", "警格"))));

        // The hint names the page's own field (the i18n importTable label), not the command's --table.
        Assert.Equal("GeoPackage 中有 2 个要素表（网格、警格），请在“要素表（GeoPackage，可选）”一栏填写其中一个", none);
        Assert.Equal("GeoPackage 中没有要素表 建筑（有：网格、警格），请在“要素表（GeoPackage，可选）”一栏填写其中一个", unknown);
        // Worded in both languages, like the report's problems, for the page to show in its own.
        Assert.Equal(none, (string)noneBody["zh"]!);
        Assert.Equal("the GeoPackage holds 2 feature tables (网格, 警格); enter one of them under “Feature table (GeoPackage, optional)”", (string)noneBody["en"]!);
        Assert.Equal((30, false), ((int)police["report"]!["rows"]!, (bool)police["report"]!["written"]!));
        Assert.Equal(before, await FingerprintAsync());
    }

    static byte[] ZipOf(params (string Name, string Text)[] entries)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        return bytes.ToArray();
    }
}
