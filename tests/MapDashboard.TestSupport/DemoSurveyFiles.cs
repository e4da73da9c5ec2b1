using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Xunit;

namespace MapDashboard.TestSupport;

/// <summary>
/// The demo district as a Chinese grid survey would hand it over: units and community grids with the Chinese field
/// names (区划代码, 名称; 网格编码 as a 15-digit code, 网格名称, 所属社区, 网格员, 联系电话), written as GeoJSON in EPSG:4326
/// and turned by GDAL's ogr2ogr — an independent writer — into a Shapefile set in EPSG:4544 with a GBK .dbf and a
/// GeoPackage in EPSG:4490; hazards with their Chinese category, severity and status names. Shared by the import
/// tests and the import page's browser test.
/// </summary>
public static class DemoSurveyFiles
{
    public static readonly string Folder = Directory.CreateTempSubdirectory("mapdashboard-import-").FullName;

    static readonly JsonArray Territory = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, "territory.geojson")))!["features"]!.AsArray();

    static readonly Dictionary<string, JsonNode> People = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, "people.json")))!
        .AsArray().ToDictionary(p => (string)p!["code"]!, p => p!);

    /// <summary>The demo's community grids: code 620102001001-01 becomes the unit-grid code 620102001001001.</summary>
    public static IEnumerable<JsonNode> CommunityGrids => OfKind("community_grid");

    public static string SurveyCode(string demoCode) => demoCode.Replace("-", "0");

    public static JsonNode? Worker(JsonNode grid) =>
        grid["properties"]!["grid_worker_code"] is JsonValue code ? People[(string)code!] : null;

    /// <summary>District, streets and communities: 区划代码 (6, 9, 12 digits), 名称; the hierarchy is in the codes.</summary>
    public static string UnitsGeoJson(string name) => Write(name, Territory
        .Where(f => (string)f!["properties"]!["kind"]! is "district" or "street" or "community")
        .Select(f => Feature(f!, new JsonObject { ["区划代码"] = (string)f!["properties"]!["code"]!, ["名称"] = (string)f["properties"]!["name"]! })));

    /// <summary>Community grids: 网格编码, 网格名称, 所属社区 (the community's name), 网格员, 联系电话.</summary>
    public static string GridsGeoJson(string name, Func<JsonObject, JsonObject>? change = null) =>
        Write(name, CommunityGrids.Select(f => Feature(f, change is null ? GridFields(f) : change(GridFields(f)))));

    /// <summary>Community and dedicated grids (the 专属网格 of a school or a market), each with its 网格类型 besides the fields above.</summary>
    public static string AllGridsGeoJson(string name) => Write(name, OfKind("community_grid", "dedicated_grid").Select(f =>
    {
        var props = GridFields(f);
        props["网格类型"] = (string)f["properties"]!["kind"]! == "dedicated_grid" ? "专属网格" : "社区网格";
        return Feature(f, props);
    }));

    static JsonObject GridFields(JsonNode grid)
    {
        var p = grid["properties"]!;
        var community = Territory.First(t => (string)t!["properties"]!["code"]! == (string)p["parent_code"]!)!;
        return new JsonObject
        {
            ["网格编码"] = SurveyCode((string)p["code"]!),
            ["网格名称"] = (string)p["name"]!,
            ["所属社区"] = (string)community["properties"]!["name"]!,
            ["网格员"] = (string?)Worker(grid)?["name"],
            ["联系电话"] = (string?)Worker(grid)?["phone"],
        };
    }

    public static IEnumerable<JsonNode> OfKind(params string[] kinds) =>
        Territory.Where(f => kinds.Contains((string)f!["properties"]!["kind"]!))!;

    /// <summary>
    /// The demo's police grids (警格) as a police station hands them over: 网格编码 in the police's own numbering
    /// (JG-05 → <see cref="PoliceCode"/> J6201020005), 网格名称 城关派出所第5警格, no parent and no 网格类型 column;
    /// <paramref name="change"/> may alter a record's fields or geometry.
    /// </summary>
    public static string PoliceGridsGeoJson(string name, Func<JsonObject, JsonObject>? change = null) =>
        Write(name, OfKind("police_grid").Select(f =>
        {
            var code = (string)f["properties"]!["code"]!;
            var feature = Feature(f, new JsonObject { ["网格编码"] = PoliceCode(code), ["网格名称"] = $"城关派出所第{int.Parse(code[3..])}警格" });
            return change is null ? feature : change(feature.AsObject());
        }));

    public static string PoliceCode(string demoCode) => "J620102" + int.Parse(demoCode[3..]).ToString("D4");

    /// <summary>The demo's micro-grids: 网格编码 (620102001001-01-1, not a unit-grid code), 网格名称, 网格类型 微网格; no parent column.</summary>
    public static string MicroGridsGeoJson(string name) => Write(name, OfKind("micro_grid").Select(f => Feature(f, new JsonObject
    {
        ["网格编码"] = (string)f["properties"]!["code"]!, ["网格名称"] = (string)f["properties"]!["name"]!, ["网格类型"] = "微网格",
    })));

    /// <summary>The demo's hazards: 隐患编码, 隐患类别 (the category's Chinese name), 等级, 状态, 描述; <paramref name="change"/> may alter any.</summary>
    public static string HazardsGeoJson(string name, Func<JsonObject, JsonObject>? change = null) =>
        Write(name, Features("hazards.geojson").Select(f => Hazard(f!, change)));

    /// <summary>One demo hazard as a survey has it (<paramref name="change"/> may alter its fields).</summary>
    public static JsonNode Hazard(JsonNode source, Func<JsonObject, JsonObject>? change = null)
    {
        var p = source["properties"]!;
        var props = new JsonObject
        {
            ["隐患编码"] = (string)p["code"]!, ["隐患类别"] = CategoryNames[(string)p["category"]!],
            ["等级"] = Severities[(string)p["severity"]!], ["状态"] = Statuses[(string)p["status"]!], ["描述"] = (string)p["description"]!,
        };
        return Feature(source, change is null ? props : change(props));
    }

    static readonly Dictionary<string, string> Severities = new() { ["low"] = "低", ["medium"] = "一般", ["high"] = "较大", ["critical"] = "重大" };

    static readonly Dictionary<string, string> Statuses = new() { ["open"] = "未处理", ["mitigating"] = "整改中", ["resolved"] = "已整改" };

    static readonly Dictionary<string, string> CategoryNames = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, "categories.json")))!
        .AsArray().ToDictionary(c => (string)c!["code"]!, c => (string)c!["name_zh"]!);

    /// <summary>
    /// The demo's organisations as a district's roster has them: 单位编码, 单位名称, 单位类型 (物业公司, 共驻共建单位, …), 联系电话,
    /// 包抓网格 (the survey codes of the grids it adopts, joined by 、; absent when it adopts none); no geometry.
    /// </summary>
    public static List<JsonNode> Organisations(Func<JsonObject, JsonObject>? change = null) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, "organisations.json")))!.AsArray().Select(o =>
        {
            var code = (string)o!["code"]!;
            var props = new JsonObject
            {
                ["单位编码"] = code, ["单位名称"] = (string)o["name"]!, ["单位类型"] = OrganisationKinds[(string)o["kind"]!],
                ["联系电话"] = (string?)o["phone"],
                ["包抓网格"] = AdoptedBy(code) is { Count: > 0 } grids ? string.Join("、", grids) : null,
            };
            return (JsonNode)new JsonObject { ["type"] = "Feature", ["properties"] = change is null ? props : change(props), ["geometry"] = null };
        }).ToList();

    /// <summary>The survey codes of the units the demo's organisation <paramref name="code"/> adopts (包抓).</summary>
    public static List<string> AdoptedBy(string code) => Territory
        .Where(f => (string?)f!["properties"]!["adopted_by_code"] == code)
        .Select(f => SurveyCode((string)f!["properties"]!["code"]!)).OrderBy(c => c, StringComparer.Ordinal).ToList();

    public static readonly Dictionary<string, string> OrganisationKinds = new()
    {
        ["property_company"] = "物业公司", ["co_building_unit"] = "共驻共建单位", ["utility"] = "公用事业", ["telecom"] = "通信运营商",
        ["government"] = "政府部门", ["railway"] = "铁路", ["enterprise"] = "企业", ["school"] = "学校", ["market"] = "市场",
    };

    public static JsonArray Features(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, file)))!["features"]!.AsArray();

    /// <summary>A Shapefile set (the .shp and every file beside it of the same name) zipped, as a district sends it.</summary>
    public static string Zip(string shp)
    {
        var zip = Path.ChangeExtension(shp, ".zip");
        File.Delete(zip);
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        foreach (var part in Directory.GetFiles(Path.GetDirectoryName(shp)!, Path.GetFileNameWithoutExtension(shp) + ".*").Where(f => f != zip))
            archive.CreateEntryFromFile(part, Path.GetFileName(part));
        return zip;
    }

    public static string Write(string name, IEnumerable<JsonNode> features)
    {
        var path = Path.Combine(Folder, name + ".geojson");
        File.WriteAllText(path, new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(features.ToArray()) }.ToJsonString());
        return path;
    }

    public static JsonNode Feature(JsonNode source, JsonObject properties) =>
        new JsonObject { ["type"] = "Feature", ["properties"] = properties, ["geometry"] = source["geometry"]!.DeepClone() };

    /// <summary>A Shapefile set in EPSG:4544 (CGCS2000 3° Gauss-Krüger, CM 105°E) with a GBK .dbf, by ogr2ogr.</summary>
    public static string ShapefileGbk4544(string geoJson) =>
        Ogr2Ogr(geoJson, ".shp", "ESRI Shapefile", "EPSG:4544", "-lco", "ENCODING=GBK");

    /// <summary>A Shapefile set in WGS84 with a GBK .dbf (no reprojection: the demo's own coordinates, bit for bit).</summary>
    public static string ShapefileGbk4326(string geoJson) =>
        Ogr2Ogr(geoJson, ".shp", "ESRI Shapefile", "EPSG:4326", "-lco", "ENCODING=GBK");

    /// <summary>A GeoPackage in EPSG:4490 (CGCS2000 geographic), by ogr2ogr.</summary>
    public static string GeoPackage4490(string geoJson) => Ogr2Ogr(geoJson, ".gpkg", "GPKG", "EPSG:4490");

    /// <summary>One GeoPackage in EPSG:4490 of several feature tables, each named (-nln) as a survey names them (网格, 警格, …).</summary>
    public static string GeoPackage4490(string name, params (string Table, string GeoJson)[] tables)
    {
        var output = Path.Combine(Folder, name + ".gpkg");
        File.Delete(output);
        foreach (var (table, geoJson) in tables)
            RunOgr2Ogr(output, geoJson, "GPKG", "EPSG:4490", File.Exists(output) ? ["-update", "-nln", table] : ["-nln", table]);
        return output;
    }

    /// <summary>
    /// One GeoPackage of two tables, as a survey ships its layers together: 网格 (the community and dedicated grids)
    /// and 警格 (the police grids, 网格类型 警格), so either imports with the shipped mapping once named.
    /// </summary>
    public static string GridsAndPoliceGeoPackage(string name) => GeoPackage4490(name,
        ("网格", AllGridsGeoJson(name + "-grids")),
        ("警格", PoliceGridsGeoJson(name + "-police", f => { f["properties"]!["网格类型"] = "警格"; return f; })));

    static string Ogr2Ogr(string geoJson, string extension, string driver, string srs, params string[] extra)
    {
        var output = Path.ChangeExtension(geoJson, extension);
        RunOgr2Ogr(output, geoJson, driver, srs, extra);
        return output;
    }

    static void RunOgr2Ogr(string output, string geoJson, string driver, string srs, string[] extra)
    {
        var start = new ProcessStartInfo("ogr2ogr") { RedirectStandardError = true };
        foreach (var a in new[] { "-f", driver, "-s_srs", "EPSG:4326", "-t_srs", srs, "-nlt", "PROMOTE_TO_MULTI" }.Concat(extra).Concat([output, geoJson]))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ogr2ogr failed: {errors}");
    }
}
