using MapDashboard.Data;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// The jurisdiction functions (Schema/60_permissions.sql) over the demo district's tree, against the tree walked
/// here in C# from the parent links: a unit is in a root's jurisdiction when the root is on its parent chain.
/// </summary>
[Collection(PermissionCollection.Name)]
public class JurisdictionSqlTests(PermissionDistrict district)
{
    [Fact]
    public async Task A_root_s_jurisdiction_is_the_root_and_every_unit_whose_parent_chain_reaches_it()
    {
        await using var conn = await district.Host.Db.OpenConnectionAsync();
        var units = new List<(int Id, string Code, string Kind, int? Parent)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "select id, code, kind, parent_id from territory_unit";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                units.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt32(3)));
        }
        var byId = units.ToDictionary(u => u.Id);
        IEnumerable<string> Chain(int id)
        {
            for (int? at = id; at is { } a; at = byId[a].Parent) yield return byId[a].Code;
        }

        var roots = units.Where(u => u.Kind is "district" or "street" or "community" or "community_grid").ToList();
        Assert.Contains(roots, r => r.Kind == "street");
        foreach (var root in roots)
        {
            var expected = units.Where(u => Chain(u.Id).Contains(root.Code)).Select(u => u.Code).Order().ToList();
            var inside = await CodesAsync(conn, "select code from territory_unit where unit_in_jurisdiction(id, @root) order by code", root.Code);
            var listed = await CodesAsync(conn, "select code from jurisdiction_units(@root) order by code", root.Code);
            Assert.Equal(expected, inside);
            Assert.Equal(expected, listed);
        }

        // The district holds everything; police grids (hung off the district) are in no street's or community's.
        Assert.Equal(units.Count, (await CodesAsync(conn, "select code from jurisdiction_units(@root)", "620102")).Count);
        var police = units.Where(u => u.Kind == "police_grid").Select(u => u.Code).ToHashSet();
        Assert.NotEmpty(police);
        foreach (var root in roots.Where(r => r.Kind is "street" or "community"))
            Assert.Empty((await CodesAsync(conn, "select code from jurisdiction_units(@root)", root.Code)).Intersect(police));
    }

    [Fact]
    public async Task An_unknown_root_or_unit_is_in_no_jurisdiction()
    {
        await using var conn = await district.Host.Db.OpenConnectionAsync();
        Assert.Empty(await CodesAsync(conn, "select code from jurisdiction_units(@root)", "NOPE"));
        Assert.False(await conn.ScalarAsync<bool>("select unit_in_jurisdiction(-1, '620102')"));
        Assert.False(await conn.ScalarAsync<bool>("select unit_in_jurisdiction(null, '620102')"));
    }

    [Fact]
    public async Task The_area_of_a_jurisdiction_is_its_root_s_land_and_a_point_belongs_to_the_smallest_unit_covering_it()
    {
        await using var conn = await district.Host.Db.OpenConnectionAsync();
        var community = district.Host.Inside.Community;
        Assert.True(await conn.ScalarAsync<bool>(
            $"select ST_Equals(jurisdiction_area('{community}'), (select boundary from territory_unit where code = '{community}'))"));
        Assert.IsType<DBNull>(await conn.ScalarAsync<object>("select jurisdiction_area('NOPE')"));

        // A point in a micro-grid belongs to it (not to its grid, community, street or a police grid).
        var micro = await conn.ScalarAsync<string>("select code from territory_unit where kind = 'micro_grid' order by code limit 1");
        Assert.Equal(micro, await conn.ScalarAsync<string>(
            "select code from territory_unit where id = unit_covering((select ST_PointOnSurface(boundary) from territory_unit where code = '" + micro + "'))"));
        Assert.IsType<DBNull>(await conn.ScalarAsync<object>("select unit_covering(ST_SetSRID(ST_MakePoint(0, 0), 4326))"));
    }

    static async Task<List<string>> CodesAsync(Npgsql.NpgsqlConnection conn, string sql, string root)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("root", root);
        var codes = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        return codes;
    }
}
