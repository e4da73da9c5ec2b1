using MapDashboard.TestSupport;
using System.Text.Json.Nodes;
using MapDashboard.Data.Import;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>
/// Validation before anything is written, one transaction, and a re-import that changes only what changed —
/// on the demo's units and community grids imported from their survey files.
/// </summary>
public sealed class ImportSafetyTests : IAsyncLifetime
{
    readonly ImportDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        Assert.False((await _db.ImportAsync(DemoSurveyFiles.UnitsGeoJson("safety-units"), ImportLayer.Units)).HasErrors);
        Assert.False((await _db.ImportAsync(DemoSurveyFiles.GridsGeoJson("safety-grids"), ImportLayer.Grids)).HasErrors);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Every_class_of_problem_is_reported_with_its_row_and_nothing_is_written()
    {
        var before = await _db.FingerprintAsync();
        var community = JsonNode.Parse(File.ReadAllText(DemoSurveyFiles.UnitsGeoJson("safety-units-read")))!["features"]!.AsArray()
            .First(f => (string)f!["properties"]!["区划代码"]! == "620102001001")!;
        JsonNode Row(JsonObject properties, string geometry) =>
            new JsonObject { ["type"] = "Feature", ["properties"] = properties, ["geometry"] = JsonNode.Parse(geometry) };
        // A square of ~55 m inside the community, around its first vertex's neighbourhood.
        var inside = InsideSquare(community);
        var path = DemoSurveyFiles.Write("problems", [
            Row(new JsonObject { ["网格编码"] = "620102001001901", ["网格名称"] = "新网格" }, inside),                       // 1: fine
            Row(new JsonObject { ["网格编码"] = "620102001001902" }, inside),                                               // 2: no name
            Row(new JsonObject { ["网格编码"] = "620102001001903", ["网格名称"] = "蝴蝶" }, Bowtie(community)),               // 3: self-intersecting
            Row(new JsonObject { ["网格编码"] = "620102001001901", ["网格名称"] = "重复" }, inside),                          // 4: duplicate of row 1
            Row(new JsonObject { ["网格编码"] = "620102001001905", ["网格名称"] = "怪", ["网格类型"] = "怪网格" }, inside),     // 5: unknown kind
            Row(new JsonObject { ["网格编码"] = "620102001001906", ["网格名称"] = "无主", ["所属社区"] = "不存在社区" }, inside), // 6: unknown parent
            Row(new JsonObject { ["网格编码"] = "620102001001907", ["网格名称"] = "越界" }, Far(community)),                  // 7: outside its parent
            Row(new JsonObject { ["网格编码"] = "620102001001908", ["网格名称"] = "点" }, """{"type":"Point","coordinates":[103.8,36.0]}"""), // 8
            Row(new JsonObject { ["网格编码"] = "620102001001909" }, "null"),                                               // 9: no geometry, no name
        ]);

        var report = await _db.ImportAsync(path, ImportLayer.Grids);

        Assert.False(report.Written);
        void Has(int row, string kind) => Assert.Contains(report.Problems, p => p.Row == row && p.Kind == kind && p.MessageZh.Length > 0);
        Has(2, "missing_field");
        Has(3, "invalid_geometry");
        Has(4, "duplicate_code");
        Has(5, "unknown_category");
        Has(6, "unknown_parent");
        Has(7, "outside_parent");
        Has(8, "wrong_geometry");
        Has(9, "missing_geometry");
        // Row 1 lies on land the demo's grids already cover: the findings engine previews the overlap.
        Has(1, "overlap");
        Assert.Contains("Self-intersection", report.Problems.Single(p => p.Kind == "invalid_geometry").MessageZh); // PostGIS's reason
        Assert.Equal(before, await _db.FingerprintAsync());

        // Repaired when asked, with the area change stated.
        var repaired = await _db.ImportAsync(path, ImportLayer.Grids, write: false, options: r => r with { Repair = true });
        var fix = repaired.Problems.Single(p => p.Row == 3 && p.Kind == "repaired_geometry");
        Assert.False(fix.IsError);
        Assert.Contains("m²", fix.MessageZh);
        Assert.Equal(before, await _db.FingerprintAsync());
    }

    [Fact]
    public async Task An_import_that_fails_half_way_leaves_the_database_unchanged()
    {
        var before = await _db.FingerprintAsync();
        // A floor count of 500 passes the file's checks (a whole number) but not the table's own rule (1–120): the
        // write itself fails, after the first building went in within the transaction.
        var grid = DemoSurveyFiles.CommunityGrids.First();
        var buildings = DemoSurveyFiles.Write("failing-buildings", [
            new JsonObject { ["type"] = "Feature", ["properties"] = new JsonObject { ["建筑编码"] = "B1", ["建筑名称"] = "一号楼", ["层数"] = 6 },
                ["geometry"] = grid["geometry"]!.DeepClone() },
            new JsonObject { ["type"] = "Feature", ["properties"] = new JsonObject { ["建筑编码"] = "B2", ["建筑名称"] = "二号楼", ["层数"] = 500 },
                ["geometry"] = grid["geometry"]!.DeepClone() },
        ]);
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _db.ImportAsync(buildings, ImportLayer.Buildings));
        Assert.Equal(before, await _db.FingerprintAsync());
    }

    [Fact]
    public async Task Re_importing_a_file_with_one_changed_grid_changes_exactly_that_grid()
    {
        var changed = DemoSurveyFiles.SurveyCode((string)DemoSurveyFiles.CommunityGrids.Skip(3).First()["properties"]!["code"]!);
        var seq = await _db.ScalarAsync<long>("select coalesce(max(seq), 0) from change_log");
        var audit = await _db.ScalarAsync<long>("select coalesce(max(id), 0) from audit_entry");

        var report = await _db.ImportAsync(DemoSurveyFiles.GridsGeoJson("grids-renamed",
            p => { if ((string)p["网格编码"]! == changed) p["网格名称"] = "改名后的网格"; return p; }), ImportLayer.Grids);

        Assert.True(report.Written);
        Assert.Equal((0, 1), (report.Inserted, report.Updated));
        var id = await _db.ScalarAsync<int>("select id from territory_unit where code = @c", ("c", changed));
        Assert.Equal($"grids {id}", await _db.ScalarAsync<string>(
            "select string_agg(distinct layer || ' ' || feature_id, ',') from change_log where seq > @s and layer in ('grids', 'territory')", ("s", seq)));
        Assert.Equal("改名后的网格", await _db.ScalarAsync<string>("select name from territory_unit where id = @id", ("id", id)));
        Assert.Equal($"update territory_unit {changed} chief", await _db.ScalarAsync<string>(
            "select string_agg(action || ' ' || target_key || ' ' || actor, ',') from audit_entry where id > @a and target_table = 'territory_unit'",
            ("a", audit)));
        Assert.Equal(1L, await _db.ScalarAsync<long>("select count(*) from audit_entry where id > @a and action = 'import grids'", ("a", audit)));
    }

    static string InsideSquare(JsonNode community)
    {
        var (lon, lat) = Centre(community);
        const double d = 0.0003;
        return $$"""{"type":"Polygon","coordinates":[[[{{lon - d}},{{lat - d}}],[{{lon + d}},{{lat - d}}],[{{lon + d}},{{lat + d}}],[{{lon - d}},{{lat + d}}],[{{lon - d}},{{lat - d}}]]]}""";
    }

    static string Bowtie(JsonNode community)
    {
        var (lon, lat) = Centre(community);
        const double d = 0.0003;
        return $$"""{"type":"Polygon","coordinates":[[[{{lon - d}},{{lat - d}}],[{{lon + d}},{{lat + d}}],[{{lon + d}},{{lat - d}}],[{{lon - d}},{{lat + d}}],[{{lon - d}},{{lat - d}}]]]}""";
    }

    static string Far(JsonNode community)
    {
        var (lon, lat) = Centre(community);
        const double d = 0.0003;
        lon += 0.2;
        return $$"""{"type":"Polygon","coordinates":[[[{{lon - d}},{{lat - d}}],[{{lon + d}},{{lat - d}}],[{{lon + d}},{{lat + d}}],[{{lon - d}},{{lat + d}}],[{{lon - d}},{{lat - d}}]]]}""";
    }

    // The mean of the outer ring's vertices: inside these compact demo communities.
    static (double Lon, double Lat) Centre(JsonNode community)
    {
        var coordinates = community["geometry"]!["coordinates"]!;
        var ring = ((string)community["geometry"]!["type"]! == "MultiPolygon" ? coordinates[0]![0]! : coordinates[0]!).AsArray();
        return (ring.Average(p => (double)p![0]!), ring.Average(p => (double)p![1]!));
    }
}
