using MapDashboard.TestSupport;
using MapDashboard.Data.Import;
using MapDashboard.Data.Import.Coordinates;
using System.Text.Json.Nodes;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>
/// A district's own survey files, built from the demo district by ogr2ogr, import to within 0.1 m of the source
/// with the hierarchy (from the unit codes, from the community's name) and the grid workers right.
/// </summary>
public sealed class SurveyImportTests
{
    [Fact]
    public async Task A_gbk_shapefile_in_gauss_krueger_4544_imports_to_a_tenth_of_a_metre_with_hierarchy_and_workers()
    {
        await using var db = await Fresh();
        var units = DemoSurveyFiles.ShapefileGbk4544(DemoSurveyFiles.UnitsGeoJson("units-4544"));
        var grids = DemoSurveyFiles.ShapefileGbk4544(DemoSurveyFiles.GridsGeoJson("grids-4544"));
        Assert.Equal("GBK", File.ReadAllText(Path.ChangeExtension(grids, ".cpg")).Trim().ToUpperInvariant() switch { "936" or "CP936" => "GBK", var c => c });

        var unitReport = await db.ImportAsync(units, ImportLayer.Units);
        Assert.DoesNotContain(unitReport.Problems, p => p.IsError);
        Assert.Equal(9, unitReport.Inserted);
        var gridReport = await db.ImportAsync(grids, ImportLayer.Grids);
        Assert.DoesNotContain(gridReport.Problems, p => p.IsError);
        Assert.True(gridReport.Written);
        Assert.Contains("CM_105E", gridReport.SourceCrs); // read from the .prj

        await AssertLikeTheDemo(db);
    }

    [Fact]
    public async Task A_geopackage_in_cgcs2000_4490_imports_the_same()
    {
        await using var db = await Fresh();
        Assert.False((await db.ImportAsync(DemoSurveyFiles.GeoPackage4490(DemoSurveyFiles.UnitsGeoJson("units-4490")), ImportLayer.Units)).HasErrors);
        var report = await db.ImportAsync(DemoSurveyFiles.GeoPackage4490(DemoSurveyFiles.GridsGeoJson("grids-4490")), ImportLayer.Grids);
        Assert.False(report.HasErrors);
        Assert.Contains("4490", report.SourceCrs);
        await AssertLikeTheDemo(db);
    }

    [Fact]
    public async Task Gcj02_points_are_converted_back_within_the_stated_accuracy_only_when_asked()
    {
        await using var db = await Fresh();
        await db.ImportAsync(DemoSurveyFiles.UnitsGeoJson("units-gcj-base"), ImportLayer.Units);
        // As copied from a commercial web map: every vertex shifted into GCJ-02 (the file itself says WGS84).
        var shifted = JsonNode.Parse(File.ReadAllText(DemoSurveyFiles.GridsGeoJson("grids-wgs84")))!["features"]!.AsArray()
            .Select(f => { Shift(f!["geometry"]!["coordinates"]!); return f!.DeepClone(); });
        var gcj = DemoSurveyFiles.Write("grids-gcj02", shifted);

        var unconverted = await db.ImportAsync(gcj, ImportLayer.Grids, write: false);
        Assert.Contains(unconverted.Problems, p => p.Kind == "outside_parent"); // hundreds of metres off: outside its community

        var report = await db.ImportAsync(gcj, ImportLayer.Grids, options: r => r with { FromGcj02 = true });
        Assert.False(report.HasErrors);
        Assert.Contains("GCJ-02", report.Conversion);
        // The stated accuracy is the public formula's; its inverse, what this checks, is far tighter (plus 1 cm of rounding).
        Assert.True(await MaxDeviationMetres(db) < Gcj02.InverseResidualMetres + 0.02);
    }

    [Fact]
    public void The_gcj02_inverse_undoes_the_forward_shift_to_a_centimetre_across_china()
    {
        for (var lon = 75.0; lon < 135; lon += 3.7)
            for (var lat = 18.0; lat < 53; lat += 2.9)
            {
                var (gLon, gLat) = Gcj02.FromWgs84(lon, lat);
                Assert.True(Math.Abs(gLon - lon) + Math.Abs(gLat - lat) > 1e-4, "GCJ-02 shifts every point in China");
                var (wLon, wLat) = Gcj02.ToWgs84(gLon, gLat);
                var metres = Math.Sqrt(Math.Pow((wLon - lon) * 111_320 * Math.Cos(lat * Math.PI / 180), 2) + Math.Pow((wLat - lat) * 110_570, 2));
                Assert.True(metres < Gcj02.InverseResidualMetres, $"{lon},{lat}: {metres} m");
            }
    }

    static void Shift(JsonNode coordinates)
    {
        if (coordinates is JsonArray { Count: >= 2 } pair && pair[0] is JsonValue)
        {
            var (lon, lat) = Gcj02.FromWgs84((double)pair[0]!, (double)pair[1]!);
            pair[0] = lon;
            pair[1] = lat;
            return;
        }
        foreach (var inner in coordinates.AsArray()) Shift(inner!);
    }

    static async Task<ImportDatabase> Fresh()
    {
        var db = new ImportDatabase();
        await db.InitializeAsync();
        return db;
    }

    /// <summary>Every community grid at the demo's place (Hausdorff distance over all vertices, metres), under its community, with its worker.</summary>
    static async Task AssertLikeTheDemo(ImportDatabase db)
    {
        Assert.True(await MaxDeviationMetres(db) < 0.1);
        foreach (var grid in DemoSurveyFiles.CommunityGrids)
        {
            var code = DemoSurveyFiles.SurveyCode((string)grid["properties"]!["code"]!);
            Assert.Equal((string)grid["properties"]!["parent_code"]!, await db.ScalarAsync<string>(
                "select p.code from territory_unit g join territory_unit p on p.id = g.parent_id where g.code = @code", ("code", code)));
            var worker = DemoSurveyFiles.Worker(grid)!;
            Assert.Equal($"{worker["name"]} {worker["phone"]}", await db.ScalarAsync<string>(
                "select p.name || ' ' || p.phone from territory_unit g join person p on p.id = g.grid_worker_id and p.unit_id = g.id where g.code = @code",
                ("code", code)));
        }
        Assert.Equal("620102", await db.ScalarAsync<string>(
            "select d.code from territory_unit c join territory_unit s on s.id = c.parent_id join territory_unit d on d.id = s.parent_id where c.code = '620102001001'"));
    }

    static Task<double> MaxDeviationMetres(ImportDatabase db) => db.MaxDeviationMetresAsync(DemoSurveyFiles.CommunityGrids
        .Select(g => (DemoSurveyFiles.SurveyCode((string)g["properties"]!["code"]!), g["geometry"]!)));
}
