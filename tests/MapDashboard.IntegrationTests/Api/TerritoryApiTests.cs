using System.Net;
using System.Text.Json;
using MapDashboard.Data;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Api;

[Collection(DemoDistrictCollection.Name)]
public class TerritoryApiTests(DashboardHost host)
{
    readonly HttpClient _http = host.CreateRealClient();

    [Fact]
    public async Task Health_reports_the_database_postgis_and_the_current_schema_version()
    {
        using var health = JsonDocument.Parse(await _http.GetStringAsync("api/health"));
        var root = health.RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.StartsWith("PostgreSQL 15", root.GetProperty("database").GetString());
        Assert.StartsWith("3.", root.GetProperty("postgis").GetString());
        Assert.Equal(MigrationRunner.LatestVersion, root.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public async Task The_tree_lists_the_district_first_and_every_unit_under_a_listed_parent()
    {
        using var tree = JsonDocument.Parse(await _http.GetStringAsync("api/territory"));
        var units = tree.RootElement.EnumerateArray().ToList();

        Assert.Equal("district", units[0].GetProperty("kind").GetString());
        var codes = units.Select(u => u.GetProperty("code").GetString()).ToHashSet();
        foreach (var unit in units.Skip(1))
            Assert.Contains(unit.GetProperty("parentCode").GetString(), codes);
        Assert.True(units.Count(u => u.GetProperty("kind").GetString() is "community_grid" or "dedicated_grid") >= 40);
        Assert.DoesNotContain(units, u => u.GetProperty("kind").GetString() is "micro_grid" or "police_grid");
        var bbox = units[0].GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(bbox[0], 103.5, 104.1); // near Lanzhou, longitude first
        Assert.InRange(bbox[1], 35.9, 36.2);
    }

    [Fact]
    public async Task Search_finds_a_grid_by_its_exact_code_first_and_by_part_of_a_Chinese_name()
    {
        var code = await AnyGridCode();
        using var byCode = JsonDocument.Parse(await _http.GetStringAsync($"api/territory/search?q={code}"));
        Assert.Equal(code, byCode.RootElement[0].GetProperty("code").GetString());

        using var byName = JsonDocument.Parse(await _http.GetStringAsync("api/territory/search?q=" + Uri.EscapeDataString("天庆嘉园")));
        Assert.NotEmpty(byName.RootElement.EnumerateArray());
        Assert.All(byName.RootElement.EnumerateArray(), u => Assert.Contains("天庆嘉园", u.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_empty_search_or_an_unknown_unit_gets_a_problem_that_says_why()
    {
        await ProblemAssert.IsProblem(await _http.GetAsync("api/territory/search?q=%20"), HttpStatusCode.BadRequest, "q must");
        await ProblemAssert.IsProblem(await _http.GetAsync("api/territory/NO-SUCH"), HttpStatusCode.NotFound, "NO-SUCH");
        await ProblemAssert.IsProblem(await _http.GetAsync("api/grids/NO-SUCH"), HttpStatusCode.NotFound, "NO-SUCH");
    }

    [Fact]
    public async Task A_unit_comes_as_a_GeoJSON_feature_with_its_boundary()
    {
        var code = await AnyGridCode();
        using var feature = JsonDocument.Parse(await _http.GetStringAsync($"api/territory/{code}"));
        Assert.Equal("Feature", feature.RootElement.GetProperty("type").GetString());
        Assert.Equal("MultiPolygon", feature.RootElement.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(code, feature.RootElement.GetProperty("properties").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_grid_panel_counts_match_an_independent_query_of_the_same_grid()
    {
        var code = await AnyGridCode();
        using var panel = JsonDocument.Parse(await _http.GetStringAsync($"api/grids/{code}"));
        var grid = panel.RootElement.GetProperty("grid");

        await using var conn = await host.Db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            select count(*), coalesce(sum(b.households), 0), coalesce(sum(b.residents), 0)
            from building b join territory_unit g on g.code = @code
            where ST_Contains(g.boundary, ST_PointOnSurface(b.footprint))
            """, conn);
        cmd.Parameters.AddWithValue("code", code);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal(reader.GetInt64(0), grid.GetProperty("buildingCount").GetInt64());
        Assert.Equal(reader.GetInt64(1), grid.GetProperty("households").GetInt64());
        Assert.Equal(reader.GetInt64(2), grid.GetProperty("residents").GetInt64());
        Assert.True(grid.GetProperty("buildingCount").GetInt64() > 0, $"grid {code} has no buildings");
        Assert.Equal(JsonValueKind.Object, grid.GetProperty("gridWorker").ValueKind);
        Assert.False(string.IsNullOrEmpty(grid.GetProperty("community").GetProperty("name").GetString()));
        var layers = panel.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("layer").GetString()).ToList();
        Assert.Equal(1, layers.Count(l => l == "grid"));
        Assert.Equal(grid.GetProperty("buildingCount").GetInt64(), layers.Count(l => l == "building"));
    }

    async Task<string> AnyGridCode()
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        return await conn.ScalarAsync<string>(
            "select g.code from territory_unit g where g.kind = 'community_grid' and g.grid_worker_id is not null order by g.code limit 1");
    }
}
