using System.Text.Json.Nodes;
using MapDashboard.Data.Import;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>
/// The organisations layer: the demo's property companies, co-building units, utilities, … with the Chinese field
/// names (单位编码, 单位名称, 单位类型, 联系电话, 包抓网格 as the adopted grids' unit-grid codes) and no geometry, as a GBK
/// Shapefile and a GeoPackage written by ogr2ogr, after their district's units and grids.
/// </summary>
public sealed class OrganisationImportTests : IAsyncLifetime
{
    readonly ImportDatabase _db = new();

    /// <summary>The demo roster afresh (a written file takes its nodes).</summary>
    static List<JsonNode> Demo => DemoSurveyFiles.Organisations();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        Assert.False((await _db.ImportAsync(DemoSurveyFiles.UnitsGeoJson("org-units"), ImportLayer.Units)).HasErrors);
        Assert.False((await _db.ImportAsync(DemoSurveyFiles.GridsGeoJson("org-grids"), ImportLayer.Grids)).HasErrors);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    static string Shapefile(string name, IEnumerable<JsonNode> rows) => DemoSurveyFiles.ShapefileGbk4326(DemoSurveyFiles.Write(name, rows));

    /// <summary>Every organisation as the demo has it, and every grid adopted by the organisation the demo says.</summary>
    async Task AssertLikeTheDemo()
    {
        var demo = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, "organisations.json")))!.AsArray();
        Assert.Equal(string.Join("\n", demo.Select(o => $"{o!["code"]} {o["name"]} {o["kind"]} {o["phone"]}").Order(StringComparer.Ordinal)),
            await _db.ScalarAsync<string>("select string_agg(concat_ws(' ', code, name, kind, phone), E'\\n' order by code collate \"C\") from organisation"));
        var expected = demo.SelectMany(o => DemoSurveyFiles.AdoptedBy((string)o!["code"]!).Select(g => $"{g}:{o["code"]}")).Order(StringComparer.Ordinal);
        Assert.Equal(string.Join(",", expected), await _db.ScalarAsync<string>("""
            select string_agg(t.code || ':' || o.code, ',' order by t.code || ':' || o.code collate "C")
            from territory_unit t join organisation o on o.id = t.adopted_by_id
            """));
    }

    [Fact]
    public async Task A_gbk_shapefile_imports_every_organisation_and_its_adopted_grids_and_a_re_import_changes_nothing()
    {
        var path = Shapefile("organisations", Demo);
        Assert.Equal("GBK", File.ReadAllText(Path.ChangeExtension(path, ".cpg")).Trim().ToUpperInvariant() switch { "936" or "CP936" => "GBK", var c => c });

        var report = await _db.ImportAsync(path, ImportLayer.Organisations);

        Assert.False(report.HasErrors, string.Join("\n", report.Problems.Select(p => p.MessageZh)));
        Assert.Equal((Demo.Count, 0), (report.Inserted, report.Updated));
        await AssertLikeTheDemo();

        var before = await _db.FingerprintAsync();
        var audit = await _db.ScalarAsync<long>("select count(*) from audit_entry");
        var again = await _db.ImportAsync(Shapefile("organisations-again", DemoSurveyFiles.Organisations()), ImportLayer.Organisations);
        Assert.Equal((0, 0, Demo.Count), (again.Inserted, again.Updated, again.Unchanged));
        Assert.True(again.Written);
        // Nothing moved: no row, no live change; the only audit entry is the import's own record of itself.
        Assert.Equal(audit + 1, await _db.ScalarAsync<long>("select count(*) from audit_entry"));
        Assert.Equal("import organisations", await _db.ScalarAsync<string>("select action from audit_entry order by id desc limit 1"));
        Assert.Equal(Without(before, 4), Without(await _db.FingerprintAsync(), 4));
    }

    [Fact]
    public async Task A_geopackage_in_cgcs2000_imports_the_same()
    {
        var report = await _db.ImportAsync(DemoSurveyFiles.GeoPackage4490(DemoSurveyFiles.Write("organisations-4490", Demo)), ImportLayer.Organisations);

        Assert.False(report.HasErrors, string.Join("\n", report.Problems.Select(p => p.MessageZh)));
        Assert.Equal(Demo.Count, report.Inserted);
        await AssertLikeTheDemo();
    }

    [Fact]
    public async Task One_changed_row_is_exactly_one_update_audited_and_a_changed_adoption_moves_one_grid_live()
    {
        Assert.False((await _db.ImportAsync(Shapefile("organisations-base", Demo), ImportLayer.Organisations)).HasErrors);
        var adopter = Demo.First(o => o["properties"]!["包抓网格"] is not null)["properties"]!;
        var other = Demo.First(o => o["properties"]!["包抓网格"] is null && (string)o["properties"]!["单位类型"]! == "共驻共建单位")["properties"]!;
        var grid = ((string)adopter["包抓网格"]!).Split('、')[0];
        var audit = await _db.ScalarAsync<long>("select count(*) from audit_entry where target_table is not null");
        var seq = await _db.ScalarAsync<long>("select coalesce(max(seq), 0) from change_log");

        // One phone changed: one organisation updated, nothing else.
        var phone = DemoSurveyFiles.Organisations(p => { if ((string)p["单位编码"]! == (string)other["单位编码"]!) p["联系电话"] = "0931-0000000"; return p; });
        var report = await _db.ImportAsync(Shapefile("organisations-phone", phone), ImportLayer.Organisations);
        Assert.Equal((0, 1, Demo.Count - 1), (report.Inserted, report.Updated, report.Unchanged));
        Assert.Equal("0931-0000000", await _db.ScalarAsync<string>("select phone from organisation where code = @c", ("c", (string)other["单位编码"]!)));
        Assert.Equal($"update organisation {other["单位编码"]}", await _db.ScalarAsync<string>(
            "select string_agg(action || ' ' || target_key, ',') from audit_entry where target_table = 'organisation' and action like 'update %' and actor = 'chief'"));
        // The phone is personal data: the audit trail records that it changed, never the number (as for a person's).
        Assert.DoesNotContain("0931-0000000", await _db.ScalarAsync<string>(
            "select after::text from audit_entry where target_table = 'organisation' and action like 'update %'"));
        Assert.Equal(audit + 1, await _db.ScalarAsync<long>("select count(*) from audit_entry where target_table is not null"));
        Assert.Equal(seq, await _db.ScalarAsync<long>("select coalesce(max(seq), 0) from change_log")); // an organisation is no map feature

        // One grid handed to another co-building unit: both rows say so, that one grid changes (live and audited).
        var moved = DemoSurveyFiles.Organisations(p =>
        {
            if ((string)p["单位编码"]! == (string)adopter["单位编码"]!)
                p["包抓网格"] = string.Join("、", ((string)adopter["包抓网格"]!).Split('、').Skip(1)) is { Length: > 0 } rest ? rest : "";
            if ((string)p["单位编码"]! == (string)other["单位编码"]!) { p["包抓网格"] = grid; p["联系电话"] = "0931-0000000"; }
            return p;
        });
        var auditMark = await _db.ScalarAsync<long>("select max(id) from audit_entry");
        var handed = await _db.ImportAsync(Shapefile("organisations-moved", moved), ImportLayer.Organisations);
        Assert.False(handed.HasErrors, string.Join("\n", handed.Problems.Select(p => p.MessageZh)));
        Assert.Equal((string)other["单位编码"]!, await _db.ScalarAsync<string>(
            "select o.code from territory_unit t join organisation o on o.id = t.adopted_by_id where t.code = @g", ("g", grid)));
        Assert.Equal(grid, await _db.ScalarAsync<string>(
            "select string_agg(t.code, ',') from change_log c join territory_unit t on t.id = c.feature_id where c.seq > @s and c.layer = 'grids'", ("s", seq)));
        Assert.Equal(grid, await _db.ScalarAsync<string>(
            "select string_agg(target_key, ',') from audit_entry where id > @a and target_table = 'territory_unit'", ("a", auditMark)));
    }

    [Fact]
    public async Task Each_class_of_problem_is_reported_with_its_row_and_nothing_is_written()
    {
        var rows = DemoSurveyFiles.Organisations();
        var adopted = (string)rows.First(o => o["properties"]!["包抓网格"] is not null)["properties"]!["包抓网格"]!;
        var firstAdopterRow = rows.FindIndex(o => o["properties"]!["包抓网格"] is not null) + 1;
        JsonObject Row(int row) => rows[row - 1]["properties"]!.AsObject();
        int Free() => rows.FindIndex(firstAdopterRow, o => o["properties"]!["包抓网格"] is null) + 1;
        Row(2)["单位名称"] = null;
        Row(3)["单位类型"] = null;
        Row(4)["单位类型"] = "外星机构";
        Row(5)["单位编码"] = (string)Row(1)["单位编码"]!;
        var unknownAt = Free();
        Row(unknownAt)["包抓网格"] = "620102999999001";
        var twiceAt = rows.FindIndex(unknownAt, o => o["properties"]!["包抓网格"] is null) + 1;
        Row(twiceAt)["包抓网格"] = adopted.Split('、')[0];
        var before = await _db.FingerprintAsync();

        var report = await _db.ImportAsync(Shapefile("organisations-bad", rows), ImportLayer.Organisations);

        Assert.Contains(report.Problems, p => p.Row == 2 && p.Kind == "missing_field" && p.MessageZh.Contains("name"));
        Assert.Contains(report.Problems, p => p.Row == 3 && p.Kind == "missing_field" && p.MessageZh.Contains("kind"));
        Assert.Contains(report.Problems, p => p.Row == 4 && p.Kind == "unknown_category" && p.MessageZh.Contains("外星机构"));
        Assert.Contains(report.Problems, p => p.Row == 5 && p.Kind == "duplicate_code" && p.MessageZh.Contains("第 1 行"));
        Assert.Contains(report.Problems, p => p.Row == unknownAt && p.Kind == "unknown_unit" && p.MessageZh.Contains("620102999999001"));
        Assert.Contains(report.Problems, p => p.Row == twiceAt && p.Kind == "adopted_twice" && p.MessageZh.Contains($"第 {firstAdopterRow} 行"));
        Assert.Equal(6, report.Problems.Count(p => p.IsError));
        Assert.False(report.Written);
        Assert.Equal(before, await _db.FingerprintAsync());
        Assert.Equal(0L, await _db.ScalarAsync<long>("select count(*) from organisation"));
    }

    /// <summary>The fingerprint without its <paramref name="index"/>th figure (the audit count, which the import's own record moves).</summary>
    static string Without(string fingerprint, int index) => string.Join(' ', fingerprint.Split(' ').Where((_, i) => i != index));
}
