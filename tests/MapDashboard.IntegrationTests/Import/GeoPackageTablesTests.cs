using MapDashboard.Data.Import;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>
/// A GeoPackage of several feature tables (网格, 警格), as surveys ship them: each table imports by its name; with no
/// name, or a name it does not hold, the import is refused naming the tables there, and writes nothing.
/// </summary>
public sealed class GeoPackageTablesTests : IAsyncLifetime
{
    readonly ImportDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Each_table_imports_by_its_name()
    {
        var gpkg = DemoSurveyFiles.GridsAndPoliceGeoPackage("tables-import");
        Assert.False((await _db.ImportAsync(DemoSurveyFiles.UnitsGeoJson("tables-units"), ImportLayer.Units)).HasErrors);

        var grids = await _db.ImportAsync(gpkg, ImportLayer.Grids, options: r => r with { Table = "网格" });
        var police = await _db.ImportAsync(gpkg, ImportLayer.Grids, options: r => r with { Table = "警格" });

        Assert.Equal((false, DemoSurveyFiles.OfKind("community_grid", "dedicated_grid").Count()), (grids.HasErrors, grids.Inserted));
        Assert.Equal((false, DemoSurveyFiles.OfKind("police_grid").Count()), (police.HasErrors, police.Inserted));
        Assert.Equal("community_grid 34, dedicated_grid 8, police_grid 30", await _db.ScalarAsync<string>(
            "select string_agg(kind || ' ' || n, ', ' order by kind) from (select kind, count(*) as n from territory_unit where kind like '%grid' group by kind) k"));
        Assert.Equal("620102", await _db.ScalarAsync<string>(
            "select string_agg(distinct p.code, ',') from territory_unit g join territory_unit p on p.id = g.parent_id where g.kind = 'police_grid'"));
    }

    [Fact]
    public async Task With_no_table_named_or_one_it_does_not_hold_the_import_is_refused_naming_the_tables_there()
    {
        var gpkg = DemoSurveyFiles.GridsAndPoliceGeoPackage("tables-refused");
        var before = await _db.FingerprintAsync();

        var none = await Assert.ThrowsAsync<ImportInputException>(() => _db.ImportAsync(gpkg, ImportLayer.Grids));
        var unknown = await Assert.ThrowsAsync<ImportInputException>(() => _db.ImportAsync(gpkg, ImportLayer.Grids, options: r => r with { Table = "建筑" }));

        Assert.Equal("GeoPackage 中有 2 个要素表（网格、警格），请用 --table 指定一个", none.Message);
        Assert.Equal("GeoPackage 中没有要素表 建筑（有：网格、警格），请用 --table 指定一个", unknown.Message);
        Assert.Equal(ImportOption.Table, unknown.Hint);
        Assert.Equal(before, await _db.FingerprintAsync());
    }
}
