using MapDashboard.TestSupport;
using System.CommandLine;
using MapDashboard.Tools;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>The documented command: a dry run writes nothing; --write writes; bad input is exit code 2.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    readonly ImportDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    Task<int> Run(params string[] args)
    {
        var root = new RootCommand { ImportCommand.Create() };
        return root.Parse(["import", .. args, "--connection", _db.Db.ConnectionString]).InvokeAsync();
    }

    [Fact]
    public async Task Dry_run_by_default_then_write_with_the_flag()
    {
        var units = DemoSurveyFiles.ShapefileGbk4544(DemoSurveyFiles.UnitsGeoJson("command-units"));
        Assert.Equal(0, await Run(units, "--layer", "units", "--encoding", "gbk"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("select count(*) from territory_unit"));

        Assert.Equal(0, await Run(units, "--layer", "units", "--write", "--actor", "chief"));
        Assert.Equal(9L, await _db.ScalarAsync<long>("select count(*) from territory_unit"));
        Assert.Equal("chief", await _db.ScalarAsync<string>("select actor from audit_entry where action = 'import units'"));
    }

    [Fact]
    public async Task A_missing_file_an_unknown_layer_or_conversion_is_refused_with_code_2()
    {
        var units = DemoSurveyFiles.UnitsGeoJson("command-refused");
        Assert.Equal(2, await Run(Path.Combine(DemoSurveyFiles.Folder, "nowhere.shp"), "--layer", "grids"));
        Assert.Equal(2, await Run(units, "--layer", "roads"));
        Assert.Equal(2, await Run(units, "--layer", "units", "--from", "bd09"));
        Assert.Equal(2, await Run(units, "--layer", "units", "--srs", "EPSG:999999"));
    }

    [Fact]
    public async Task A_geopackage_of_several_tables_imports_the_table_named_with_the_table_flag()
    {
        var gpkg = DemoSurveyFiles.GridsAndPoliceGeoPackage("command-tables");
        Assert.Equal(0, await Run(DemoSurveyFiles.UnitsGeoJson("command-tables-units"), "--layer", "units", "--write"));

        Assert.Equal(2, await Run(gpkg, "--layer", "grids", "--write"));
        Assert.Equal(2, await Run(gpkg, "--layer", "grids", "--table", "建筑", "--write"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("select count(*) from territory_unit where kind = 'police_grid'"));

        Assert.Equal(0, await Run(gpkg, "--layer", "grids", "--table", "警格", "--write"));
        Assert.Equal(30L, await _db.ScalarAsync<long>("select count(*) from territory_unit where kind = 'police_grid'"));
    }
}
