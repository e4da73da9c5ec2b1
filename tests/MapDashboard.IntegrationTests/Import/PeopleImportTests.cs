using System.Text.Json.Nodes;
using MapDashboard.Data.Import;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>
/// The people layer: the demo's grid workers and volunteers with the Chinese field names (人员编码, 姓名, 角色 as
/// 网格员 / 志愿者, 联系电话, 所属网格 as the grid's unit-grid code) and no geometry, after their district's units and grids.
/// </summary>
public sealed class PeopleImportTests : IAsyncLifetime
{
    readonly ImportDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        Assert.False((await _db.ImportAsync(DemoSurveyFiles.UnitsGeoJson("people-units"), ImportLayer.Units)).HasErrors);
        Assert.False((await _db.ImportAsync(DemoSurveyFiles.GridsGeoJson("people-grids"), ImportLayer.Grids)).HasErrors);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    static readonly Dictionary<string, string> Roles = new() { ["grid_worker"] = "网格员", ["volunteer"] = "志愿者" };

    static readonly HashSet<string> CommunityGrids = DemoSurveyFiles.CommunityGrids.Select(g => (string)g["properties"]!["code"]!).ToHashSet();

    /// <summary>The demo's grid workers and volunteers of community grids (the survey codes the grids by 15 digits).</summary>
    static List<JsonNode> People(Func<JsonObject, JsonObject>? change = null) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, "people.json")))!.AsArray()
            .Where(p => Roles.ContainsKey((string)p!["role"]!) && CommunityGrids.Contains((string?)p["unit_code"] ?? ""))
            .Select(p =>
            {
                var props = new JsonObject
                {
                    ["人员编码"] = (string)p!["code"]!, ["姓名"] = (string)p["name"]!, ["角色"] = Roles[(string)p["role"]!],
                    ["联系电话"] = (string?)p["phone"], ["所属网格"] = DemoSurveyFiles.SurveyCode((string)p["unit_code"]!),
                };
                return (JsonNode)new JsonObject { ["type"] = "Feature", ["properties"] = change is null ? props : change(props), ["geometry"] = null };
            }).ToList();

    [Fact]
    public async Task Grid_workers_and_volunteers_import_with_their_role_phone_and_grid()
    {
        var people = People();
        var volunteer = people.First(p => (string)p["properties"]!["角色"]! == "志愿者")["properties"]!;

        var report = await _db.ImportAsync(DemoSurveyFiles.Write("people", people), ImportLayer.People);

        Assert.False(report.HasErrors, string.Join("\n", report.Problems.Select(p => p.MessageZh)));
        var before = await _db.ScalarAsync<long>("select count(*) from person where code like 'GW%'"); // the grids' own 网格员
        Assert.Equal(people.Count, report.Inserted + report.Updated);
        Assert.Equal($"{volunteer["姓名"]} volunteer {volunteer["联系电话"]} {volunteer["所属网格"]}", await _db.ScalarAsync<string>(
            "select concat_ws(' ', p.name, p.role, p.phone, t.code) from person p join territory_unit t on t.id = p.unit_id where p.code = @c",
            ("c", (string)volunteer["人员编码"]!)));

        var again = await _db.ImportAsync(DemoSurveyFiles.Write("people-again", People()), ImportLayer.People);
        Assert.Equal((0, 0, people.Count), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(before, await _db.ScalarAsync<long>("select count(*) from person where code like 'GW%'"));
    }

    /// <summary>Each community grid's worker as the grid points at it: grid code → the person's code.</summary>
    static Task<string> GridWorkers(ImportDatabase db) => db.ScalarAsync<string>("""
        select string_agg(t.code || ':' || coalesce(p.code, '-'), ',' order by t.code)
        from territory_unit t left join person p on p.id = t.grid_worker_id where t.kind = 'community_grid'
        """);

    static string DemoGridWorkers() => string.Join(",", DemoSurveyFiles.CommunityGrids
        .Select(g => $"{DemoSurveyFiles.SurveyCode((string)g["properties"]!["code"]!)}:{(string?)g["properties"]!["grid_worker_code"] ?? "-"}")
        .Order(StringComparer.Ordinal));

    [Fact]
    public async Task A_people_file_after_a_grid_file_naming_the_same_workers_makes_no_second_person()
    {
        // The grid file made each 网格员 a person coded GW + grid; the people file names the same workers by their own codes.
        Assert.True(await _db.ScalarAsync<long>("select count(*) from person where code like 'GW%'") > 0);
        var people = People();

        var report = await _db.ImportAsync(DemoSurveyFiles.Write("people-after-grids", people), ImportLayer.People);

        Assert.False(report.HasErrors);
        Assert.Equal(people.Count, await _db.ScalarAsync<long>("select count(*) from person")); // matched by phone: taken over, not doubled
        Assert.Equal(0L, await _db.ScalarAsync<long>("select count(*) from person where code like 'GW%'"));
        Assert.Equal(DemoGridWorkers(), await GridWorkers(_db));
        var again = await _db.ImportAsync(DemoSurveyFiles.GridsGeoJson("grids-after-people"), ImportLayer.Grids);
        Assert.Equal((0, 0), (again.Inserted, again.Updated));
        Assert.Equal(people.Count, await _db.ScalarAsync<long>("select count(*) from person"));
    }

    [Fact]
    public async Task A_grid_file_after_a_people_file_finds_its_workers_by_phone_then_by_name_in_the_grid()
    {
        await using var db = new ImportDatabase();
        await db.InitializeAsync();
        await db.ImportAsync(DemoSurveyFiles.UnitsGeoJson("merge-units"), ImportLayer.Units);
        await db.ImportAsync(DemoSurveyFiles.GridsGeoJson("merge-grids-bare", p => { p.Remove("网格员"); p.Remove("联系电话"); return p; }), ImportLayer.Grids);
        var people = People();
        Assert.False((await db.ImportAsync(DemoSurveyFiles.Write("merge-people", people), ImportLayer.People)).HasErrors);
        // Two grids' workers as a grid survey may write them: one with a nickname (the phone still says who), one without a phone.
        var staffed = DemoSurveyFiles.CommunityGrids.Where(g => DemoSurveyFiles.Worker(g) is not null)
            .Select(g => DemoSurveyFiles.SurveyCode((string)g["properties"]!["code"]!)).Take(2).ToArray();
        var grids = DemoSurveyFiles.GridsGeoJson("merge-grids", p =>
        {
            if ((string)p["网格编码"]! == staffed[0]) p["网格员"] = p["网格员"] + "（专职）";
            if ((string)p["网格编码"]! == staffed[1]) p.Remove("联系电话");
            return p;
        });

        var report = await db.ImportAsync(grids, ImportLayer.Grids);

        Assert.False(report.HasErrors);
        Assert.Equal(people.Count, await db.ScalarAsync<long>("select count(*) from person"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from person where code like 'GW%'"));
        Assert.Equal(DemoGridWorkers(), await GridWorkers(db));
    }

    [Fact]
    public async Task An_unknown_role_or_grid_is_reported_with_its_row_and_nothing_written()
    {
        var people = People();
        people[1]["properties"]!["角色"] = "宇航员";
        people[2]["properties"]!["所属网格"] = "620102999999001";
        var before = await _db.FingerprintAsync();

        var report = await _db.ImportAsync(DemoSurveyFiles.Write("people-bad", people), ImportLayer.People);

        Assert.Contains(report.Problems, p => p.Row == 2 && p.Kind == "unknown_category" && p.MessageZh.Contains("宇航员"));
        Assert.Contains(report.Problems, p => p.Row == 3 && p.Kind == "unknown_parent" && p.MessageZh.Contains("620102999999001"));
        Assert.False(report.Written);
        Assert.Equal(before, await _db.FingerprintAsync());
    }
}
