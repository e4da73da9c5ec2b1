using System.Text.Json.Nodes;
using MapDashboard.Data.Import;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>Buildings and hazards of the demo district, with Chinese field names and values, into a fresh database.</summary>
public sealed class AssetImportTests : IAsyncLifetime
{
    readonly ImportDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        // The district's categories (hazards name theirs in Chinese).
        await _db.ScalarAsync<object>("""
            insert into category (code, name_zh, name_en)
            select c ->> 'code', c ->> 'name_zh', c ->> 'name_en' from jsonb_array_elements(@doc::jsonb) c on conflict do nothing
            """, ("doc", File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, "categories.json"))));
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    static JsonArray Features(string file) => DemoSurveyFiles.Features(file);

    static JsonNode Feature(JsonNode source, JsonObject properties) => DemoSurveyFiles.Feature(source, properties);

    [Fact]
    public async Task The_demo_buildings_import_with_their_chinese_fields_and_values()
    {
        var uses = new Dictionary<string, string> { ["residential"] = "住宅", ["commercial"] = "商业", ["school"] = "学校", ["public"] = "公共",
            ["industrial"] = "工业", ["market"] = "市场" };
        var source = Features("buildings.geojson");
        var path = DemoSurveyFiles.ShapefileGbk4544(DemoSurveyFiles.Write("buildings", source.Select(f =>
        {
            var p = f!["properties"]!;
            return Feature(f, new JsonObject
            {
                ["建筑编码"] = (string)p["code"]!, ["建筑名称"] = (string)p["name"]!, ["所属小区"] = (string?)p["compound"],
                ["用途"] = uses[(string)p["use"]!], ["层数"] = (int?)p["floors"], ["户数"] = (int)p["households"]!, ["人口"] = (int)p["residents"]!,
            });
        })));

        var report = await _db.ImportAsync(path, ImportLayer.Buildings);

        Assert.False(report.HasErrors, string.Join("\n", report.Problems.Select(p => p.MessageZh)));
        Assert.Equal(source.Count, report.Inserted);
        var first = source[0]!["properties"]!;
        Assert.Equal($"{first["name"]} {first["use"]} {first["floors"]} {first["residents"]}", await _db.ScalarAsync<string>(
            "select concat_ws(' ', name, use, floors, residents) from building where code = @c", ("c", (string)first["code"]!)));
        Assert.True(await _db.ScalarAsync<double>("""
            select ST_HausdorffDistance(ST_Transform(footprint, 32648), ST_Transform(ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(@g), 4326)), 32648))
            from building where code = @c
            """, ("g", source[0]!["geometry"]!.ToJsonString()), ("c", (string)first["code"]!)) < 0.1);
    }

    [Fact]
    public async Task Hazards_import_by_chinese_category_name_and_an_unknown_category_is_reported_and_nothing_written()
    {
        var source = Features("hazards.geojson");
        JsonNode Hazard(JsonNode f, string? category = null) =>
            DemoSurveyFiles.Hazard(f, category is null ? null : p => { p["隐患类别"] = category; return p; });

        var bad = await _db.ImportAsync(DemoSurveyFiles.Write("hazards-bad", [Hazard(source[0]!), Hazard(source[1]!, "外星入侵")]), ImportLayer.Hazards);
        Assert.Contains(bad.Problems, p => p.Row == 2 && p.Kind == "unknown_category" && p.MessageZh.Contains("外星入侵"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("select count(*) from hazard"));

        var report = await _db.ImportAsync(DemoSurveyFiles.Write("hazards", source.Select(f => Hazard(f!))), ImportLayer.Hazards);
        Assert.False(report.HasErrors);
        Assert.Equal(source.Count, report.Inserted);
        Assert.Equal((string)source[0]!["properties"]!["category"]!, await _db.ScalarAsync<string>(
            "select category_code from hazard where code = @c", ("c", (string)source[0]!["properties"]!["code"]!)));
    }
}
