using System.Text.Json;
using System.Text.RegularExpressions;
using MapDashboard.Generator.Output;
using MapDashboard.Generator.Tests.Support;

namespace MapDashboard.Generator.Tests;

/// <summary>The files follow data/README.md: one record per table row, snake_case properties, 7-decimal coordinates.</summary>
[Collection(DemoDistrictCollection.Name)]
public sealed class OutputFormatTests(DemoDistrictFixture demo) : IDisposable
{
    private readonly TempFolder _folder = Written(demo);

    private static TempFolder Written(DemoDistrictFixture demo)
    {
        var folder = new TempFolder();
        GeoJsonDistrictWriter.Write(demo.District, folder.Path);
        return folder;
    }

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string[]> Files => new()
    {
        { "territory.geojson", ["code", "name", "kind", "parent_code", "grid_worker_code", "leader_code", "adopted_by_code"] },
        { "buildings.geojson", ["code", "name", "compound", "use", "floors", "households", "residents", "year_built", "owner_code", "manager_code", "entrance"] },
        { "hazards.geojson", ["code", "category", "severity", "status", "owner_code", "building_code", "description"] },
        { "roads.geojson", ["name", "class"] },
        { "water.geojson", ["name", "kind"] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Feature_collections_have_the_documented_properties_and_count(string file, string[] properties)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(_folder.File(file)));
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();

        Assert.Equal(ManifestCount(file.Replace(".geojson", "")), features.Count);
        Assert.All(features, f => Assert.Equal(properties, f.GetProperty("properties").EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public void Coordinates_are_written_with_at_most_seven_decimals()
    {
        var tooPrecise = new Regex(@"\d\.\d{8,}");
        foreach (var file in GeoJsonDistrictWriter.FileNames.Where(f => f.EndsWith(".geojson")))
            Assert.DoesNotMatch(tooPrecise, File.ReadAllText(_folder.File(file)));
    }

    [Fact]
    public void Manifest_lists_the_deliberate_trouble_with_the_documented_keys()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(_folder.File("manifest.json")));
        var root = json.RootElement;
        var deliberate = root.GetProperty("deliberate");

        Assert.Equal(DistrictGenerator.DefaultSeed, root.GetProperty("seed").GetInt32());
        Assert.Equal("demo", root.GetProperty("size").GetString());
        Assert.Equal(2, root.GetProperty("center").GetArrayLength());
        Assert.Equal(["gaps", "overlaps", "straddling_buildings", "ownerless_buildings", "unmanaged_buildings", "ownerless_hazards", "disputed", "police_mismatch"],
            deliberate.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["parent_code", "near_codes", "area_m2", "centroid"], deliberate.GetProperty("gaps")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["codes", "area_m2", "centroid"], deliberate.GetProperty("overlaps")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["asset_kind", "asset_code", "organisation_codes"], deliberate.GetProperty("disputed")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["police_code", "community_codes"], deliberate.GetProperty("police_mismatch")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Json_tables_use_the_documented_columns()
    {
        AssertColumns("categories.json", ["code", "name_zh", "name_en", "for_hazards", "for_incidents", "sort_order"]);
        AssertColumns("organisations.json", ["code", "name", "kind", "phone"]);
        AssertColumns("people.json", ["code", "name", "role", "phone", "unit_code", "organisation_code"]);
        AssertColumns("claims.json", ["asset_kind", "asset_code", "organisation_code", "basis"]);
        Assert.Contains("天庆嘉园", File.ReadAllText(_folder.File("territory.geojson")));
    }

    private void AssertColumns(string file, string[] columns)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(_folder.File(file)));
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(ManifestCount(file.Replace(".json", "")), rows.Count);
        Assert.All(rows, r => Assert.Equal(columns, r.EnumerateObject().Select(p => p.Name)));
    }

    private int ManifestCount(string table)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(_folder.File("manifest.json")));
        return json.RootElement.GetProperty("counts").GetProperty(table).GetInt32();
    }
}
