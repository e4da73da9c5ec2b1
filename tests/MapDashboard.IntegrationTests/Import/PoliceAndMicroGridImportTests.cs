using System.Text.Json.Nodes;
using MapDashboard.Data.Import;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>
/// Police grids (警格) and micro-grids (微网格) of the demo district, in files that carry no parent column and codes
/// outside the unit-grid pattern, find their parent by containment: a micro-grid the grid holding it, a police grid
/// the district (a police grid crosses street and community lines by nature). They land within 0.1 m, and the findings
/// come out as the demo's (police mismatches, the police layer's gap, the grids' gaps and overlaps). A police grid
/// outside the district, one reaching out of it and a micro-grid reaching into the next grid are reported with their
/// row and the area outside; nothing is written.
/// </summary>
public sealed class PoliceAndMicroGridImportTests : IAsyncLifetime
{
    readonly ImportDatabase _db = new();

    static readonly JsonNode Manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, "manifest.json")))!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        // The district's units and its community and dedicated grids, as a district would load them first.
        Assert.False((await _db.ImportAsync(DemoSurveyFiles.UnitsGeoJson("police-base-units"), ImportLayer.Units)).HasErrors);
        Assert.False((await _db.ImportAsync(DemoSurveyFiles.AllGridsGeoJson("police-base-grids"), ImportLayer.Grids)).HasErrors);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    /// <summary>A police station's mapping: its file has no 网格类型 column, so every record is a police grid by default.</summary>
    static FieldMapping PoliceMapping()
    {
        var path = Path.Combine(DemoSurveyFiles.Folder, "police.mapping.json");
        File.WriteAllText(path, """
            { "grids": { "fields": { "code": ["网格编码"], "name": ["网格名称"] },
                         "defaults": { "kind": "警格" }, "values": { "kind": { "警格": "police_grid" } } } }
            """);
        return FieldMapping.FromFile(path);
    }

    static IEnumerable<JsonNode> PoliceGrids => DemoSurveyFiles.OfKind("police_grid");

    [Fact]
    public async Task Police_grids_from_a_gbk_shapefile_hang_under_the_district_in_place_with_the_demos_findings()
    {
        var shp = DemoSurveyFiles.ShapefileGbk4544(DemoSurveyFiles.PoliceGridsGeoJson("police-4544"));

        var report = await _db.ImportAsync(shp, ImportLayer.Grids, options: r => r with { Mapping = PoliceMapping() });

        Assert.False(report.HasErrors, string.Join("; ", report.Problems.Select(p => $"{p.Row} {p.Code} {p.MessageEn}")));
        Assert.True(report.Written);
        Assert.Equal(PoliceGrids.Count(), report.Inserted);
        Assert.Equal($"{PoliceGrids.Count()} police_grid 620102", await _db.ScalarAsync<string>("""
            select count(*) || ' ' || string_agg(distinct g.kind, ',') || ' ' || string_agg(distinct p.code, ',')
            from territory_unit g join territory_unit p on p.id = g.parent_id where g.code like 'J%'
            """));
        Assert.Equal("城关派出所第5警格", await _db.ScalarAsync<string>("select name from territory_unit where code = 'J6201020005'"));
        Assert.True(await _db.MaxDeviationMetresAsync(PoliceGrids.Select(g => (Police(g), g["geometry"]!))) < 0.1);

        // The findings the demo plants, recomputed by the import's own writes.
        var mismatches = await Findings("police_mismatch");
        Assert.Equal(
            Manifest["deliberate"]!["police_mismatch"]!.AsArray().Select(m => DemoSurveyFiles.PoliceCode((string)m!["police_code"]!) + " "
                + string.Join(",", m["community_codes"]!.AsArray().Select(c => (string)c!).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal),
            mismatches.Select(codes => codes[0] + " " + string.Join(",", codes.Skip(1).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        var plantedGaps = Manifest["deliberate"]!["gaps"]!.AsArray();
        var gaps = await Findings("gap");
        Assert.Equal(plantedGaps.Select(g => (string)g!["parent_code"]!).Order(StringComparer.Ordinal), gaps.Select(g => g[0]).Order(StringComparer.Ordinal));
        var policeGap = plantedGaps.Single(g => (string)g!["parent_code"]! == "620102")!;
        Assert.Equal(["620102", .. policeGap["near_codes"]!.AsArray().Select(c => DemoSurveyFiles.PoliceCode((string)c!))], gaps.Single(g => g[0] == "620102"));
        Assert.Equal((double)policeGap["area_m2"]!, await _db.ScalarAsync<double>("select area_m2 from finding where kind = 'gap' and present and unit_codes[1] = '620102'"),
            (double)policeGap["area_m2"]! * 0.01);
        Assert.Equal(
            Manifest["deliberate"]!["overlaps"]!.AsArray().Select(o => string.Join(",", o!["codes"]!.AsArray().Select(c => DemoSurveyFiles.SurveyCode((string)c!)))).Order(StringComparer.Ordinal),
            (await Findings("overlap")).Select(codes => string.Join(",", codes)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Micro_grids_from_a_geopackage_hang_under_the_grid_that_holds_them_in_place()
    {
        var micro = DemoSurveyFiles.OfKind("micro_grid").ToList();

        var report = await _db.ImportAsync(DemoSurveyFiles.GeoPackage4490(DemoSurveyFiles.MicroGridsGeoJson("micro-4490")), ImportLayer.Grids);

        Assert.False(report.HasErrors, string.Join("; ", report.Problems.Select(p => $"{p.Row} {p.Code} {p.MessageEn}")));
        Assert.Equal(micro.Count, report.Inserted);
        foreach (var m in micro)
            Assert.Equal(DemoSurveyFiles.SurveyCode((string)m["properties"]!["parent_code"]!) + " micro_grid", await _db.ScalarAsync<string>(
                "select p.code || ' ' || g.kind from territory_unit g join territory_unit p on p.id = g.parent_id where g.code = @code",
                ("code", (string)m["properties"]!["code"]!)));
        Assert.True(await _db.MaxDeviationMetresAsync(micro.Select(m => ((string)m["properties"]!["code"]!, m["geometry"]!))) < 0.1);
    }

    [Fact]
    public async Task A_police_grid_outside_the_district_and_one_reaching_out_of_it_are_reported_with_their_rows_and_nothing_is_written()
    {
        const int farRow = 7; // JG-07, moved 0.2° east: outside every street and the district
        var far = PoliceGrids.ElementAt(farRow - 1);
        // The police grid reaching farthest east, moved 50 m further: its point on surface stays in the district.
        var (eastRow, east) = PoliceGrids.Select((g, i) => (i + 1, g)).MaxBy(x => Vertices(x.g["geometry"]!).Max(v => v.Lon));
        var moved = await _db.ScalarAsync<string>("select ST_AsGeoJSON(ST_Translate(ST_GeomFromGeoJSON(@g), 0.00056, 0), 7)",
            ("g", east["geometry"]!.ToJsonString()));
        var file = DemoSurveyFiles.PoliceGridsGeoJson("police-outside", f =>
        {
            var code = (string)f["properties"]!["网格编码"]!;
            if (code == Police(far)) f["geometry"] = JsonNode.Parse(SquareEastOf(far["geometry"]!, 0.2));
            if (code == Police(east)) f["geometry"] = JsonNode.Parse(moved);
            return f;
        });
        var expectedOutsideM2 = await _db.ScalarAsync<double>(
            "select ST_Area(ST_Difference(ST_SetSRID(ST_GeomFromGeoJSON(@g), 4326), boundary)::geography) from territory_unit where code = '620102'", ("g", moved));
        var before = await _db.FingerprintAsync();

        var report = await _db.ImportAsync(file, ImportLayer.Grids, options: r => r with { Mapping = PoliceMapping() });

        var errors = report.Problems.Where(p => p.IsError).OrderBy(p => p.Row).ToList();
        Assert.Equal(
            new[] { (farRow, Police(far), "unknown_parent"), (eastRow, Police(east), "outside_parent") }.OrderBy(e => e.Item1),
            errors.Select(p => (p.Row ?? 0, p.Code!, p.Kind)));
        Assert.Contains("空间包含", errors.Single(p => p.Kind == "unknown_parent").MessageZh);
        var outside = errors.Single(p => p.Kind == "outside_parent");
        Assert.Equal("620102", (string?)outside.Detail["parent"]);
        Assert.True(expectedOutsideM2 > 1000, $"{expectedOutsideM2} m² moved out"); // 50 m × the grid's east edge
        Assert.Equal(expectedOutsideM2, (double)outside.Detail["outsideM2"]!, 1.0);
        Assert.False(report.Written);
        Assert.Equal(before, await _db.FingerprintAsync());
    }

    [Fact]
    public async Task A_micro_grid_reaching_into_the_next_grid_is_outside_its_grid_by_that_area_and_nothing_is_written()
    {
        // Grid A grown 10 m into its neighbour B: its point on surface stays in A, 10 m × the shared edge lies in B.
        var found = (await _db.ScalarAsync<string>("""
            select a.code || '|' || b.code || '|'
                   || ST_AsGeoJSON(ST_Union(a.boundary, ST_Intersection(b.boundary, ST_Buffer(a.boundary::geography, 10)::geometry)), 7) || '|'
                   || ST_Length(ST_CollectionExtract(ST_Intersection(a.boundary, b.boundary), 2)::geography)
            from territory_unit a join territory_unit b on b.kind = 'community_grid' and b.id <> a.id and ST_Touches(a.boundary, b.boundary)
            where a.kind = 'community_grid'
              and ST_Length(ST_CollectionExtract(ST_Intersection(a.boundary, b.boundary), 2)::geography) > 100
            order by a.code, b.code limit 1
            """)).Split('|');
        var (a, geometry, sharedM) = (found[0], found[2], double.Parse(found[3], System.Globalization.CultureInfo.InvariantCulture));
        var file = DemoSurveyFiles.Write("micro-reaching", [new JsonObject
        {
            ["type"] = "Feature", ["properties"] = new JsonObject { ["网格编码"] = a + "-WG1", ["网格名称"] = "越界微网格", ["网格类型"] = "微网格" },
            ["geometry"] = JsonNode.Parse(geometry),
        }]);
        var expectedM2 = await _db.ScalarAsync<double>(
            "select ST_Area(ST_Difference(ST_SetSRID(ST_GeomFromGeoJSON(@g), 4326), boundary)::geography) from territory_unit where code = @a", ("g", geometry), ("a", a));
        var before = await _db.FingerprintAsync();

        var report = await _db.ImportAsync(file, ImportLayer.Grids);

        var problem = Assert.Single(report.Problems, p => p.IsError);
        Assert.Equal((1, a + "-WG1", "outside_parent", a), (problem.Row, problem.Code, problem.Kind, (string?)problem.Detail["parent"]));
        Assert.Equal(expectedM2, (double)problem.Detail["outsideM2"]!, 1.0);
        Assert.InRange(expectedM2, 0.8 * 10 * sharedM, 1.2 * 10 * sharedM); // the strip in B, not some other land
        Assert.False(report.Written);
        Assert.Equal(before, await _db.FingerprintAsync());
    }

    static string Police(JsonNode demo) => DemoSurveyFiles.PoliceCode((string)demo["properties"]!["code"]!);

    /// <summary>The findings of a kind present now (one that went away stays, not present, for its history), by their units.</summary>
    async Task<List<string[]>> Findings(string kind)
    {
        var rows = await _db.ScalarAsync<string>(
            "select coalesce(string_agg(array_to_string(unit_codes, ','), '|' order by finding_key), '') from finding where kind = @k and present", ("k", kind));
        return rows.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToList();
    }

    // A 60 m square well away from the district (east of the unit's first vertex).
    static string SquareEastOf(JsonNode geometry, double degrees)
    {
        var (lon, lat) = Vertices(geometry).First();
        lon += degrees;
        const double d = 0.0003;
        return $$"""{"type":"Polygon","coordinates":[[[{{lon - d}},{{lat - d}}],[{{lon + d}},{{lat - d}}],[{{lon + d}},{{lat + d}}],[{{lon - d}},{{lat + d}}],[{{lon - d}},{{lat - d}}]]]}""";
    }

    static IEnumerable<(double Lon, double Lat)> Vertices(JsonNode geometry) => Positions(geometry["coordinates"]!);

    static IEnumerable<(double Lon, double Lat)> Positions(JsonNode node) => node is JsonArray { Count: >= 2 } pair && pair[0] is JsonValue
        ? [((double)pair[0]!, (double)pair[1]!)]
        : node.AsArray().SelectMany(inner => Positions(inner!));
}
