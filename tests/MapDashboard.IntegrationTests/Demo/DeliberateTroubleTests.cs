using MapDashboard.Data;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Demo;

/// <summary>
/// The product exists to show unclear ownership, so the demo plants it. These
/// tests check the planted trouble really exists once the district is loaded
/// into PostGIS (not just in the generator's memory): measured by PostGIS, in
/// metres (UTM 48N), independently of the generator's own geometry code.
/// </summary>
[Collection(DemoDistrictCollection.Name)]
public class DeliberateTroubleTests(DashboardHost host)
{
    readonly DemoManifest _manifest = DemoManifest.Load();

    [Fact]
    public async Task Every_planted_gap_is_land_inside_its_parent_that_no_child_grid_covers()
    {
        var gaps = _manifest.Gaps.ToList();
        Assert.True(gaps.Count >= 3, $"the demo plants at least 3 gaps, manifest lists {gaps.Count}");
        await using var conn = await host.Db.OpenConnectionAsync();
        foreach (var gap in gaps)
        {
            var parent = gap.GetProperty("parent_code").GetString()!;
            var (lon, lat) = (gap.GetProperty("centroid")[0].GetDouble(), gap.GetProperty("centroid")[1].GetDouble());
            // The uncovered part of the parent that contains the gap's centroid, measured in m².
            // The children are the units of the neighbours' kind (grids, or police grids under the district).
            await using var cmd = new NpgsqlCommand("""
                with parent as (select id, boundary from territory_unit where code = @parent),
                     children as (select ST_Union(c.boundary) as u from territory_unit c, parent
                                  where c.parent_id = parent.id
                                    and c.kind = (select kind from territory_unit where code = @near)),
                     uncovered as (select (ST_Dump(ST_Difference(parent.boundary, children.u))).geom as g from parent, children)
                select coalesce(sum(ST_Area(ST_Transform(g, 32648))), 0)
                from uncovered where ST_Intersects(g, ST_Buffer(ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), 0.00001))
                """, conn);
            cmd.Parameters.AddWithValue("parent", parent);
            cmd.Parameters.AddWithValue("near", gap.GetProperty("near_codes")[0].GetString()!);
            cmd.Parameters.AddWithValue("lon", lon);
            cmd.Parameters.AddWithValue("lat", lat);
            var area = Convert.ToDouble(await cmd.ExecuteScalarAsync());
            var expected = gap.GetProperty("area_m2").GetDouble();
            Assert.True(expected > 10, $"a planted gap should be real land, not a sliver: {expected} m²");
            Assert.InRange(area, expected * 0.98, expected * 1.02);
        }
    }

    [Fact]
    public async Task Every_planted_overlap_is_land_claimed_by_both_grids()
    {
        var overlaps = _manifest.Overlaps.ToList();
        Assert.True(overlaps.Count >= 3, $"the demo plants at least 3 overlaps, manifest lists {overlaps.Count}");
        await using var conn = await host.Db.OpenConnectionAsync();
        foreach (var overlap in overlaps)
        {
            var codes = overlap.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
            await using var cmd = new NpgsqlCommand("""
                select ST_Area(ST_Transform(ST_Intersection(a.boundary, b.boundary), 32648)), a.kind = b.kind
                from territory_unit a, territory_unit b where a.code = @a and b.code = @b
                """, conn);
            cmd.Parameters.AddWithValue("a", codes[0]);
            cmd.Parameters.AddWithValue("b", codes[1]);
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"grids {codes[0]} and {codes[1]} are not both loaded");
            var expected = overlap.GetProperty("area_m2").GetDouble();
            Assert.InRange(reader.GetDouble(0), expected * 0.98, expected * 1.02);
            Assert.True(reader.GetBoolean(1), $"{codes[0]} and {codes[1]} overlap but are not of the same kind");
        }
    }

    [Fact]
    public async Task Planted_straddling_buildings_are_cut_by_a_grid_boundary()
    {
        var codes = _manifest.Codes("straddling_buildings");
        Assert.True(codes.Count >= 10, $"at least 10 straddling buildings, manifest lists {codes.Count}");
        await using var conn = await host.Db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            select b.code, count(distinct g.id)
            from building b
            join territory_unit g on g.kind in ('community_grid', 'dedicated_grid')
                                 and ST_Intersects(g.boundary, b.footprint)
                                 and ST_Area(ST_Intersection(g.boundary, b.footprint)) > 0
            where b.code = any(@codes)
            group by b.code
            """, conn);
        cmd.Parameters.AddWithValue("codes", codes.ToArray());
        var gridsPerBuilding = new Dictionary<string, long>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) gridsPerBuilding[reader.GetString(0)] = reader.GetInt64(1);

        foreach (var code in codes)
            Assert.True(gridsPerBuilding.GetValueOrDefault(code) >= 2, $"building {code} lies in {gridsPerBuilding.GetValueOrDefault(code)} grid(s)");
    }

    [Fact]
    public async Task Planted_ownerless_assets_have_no_owner_and_the_disputed_one_has_rival_claims()
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        var ownerless = _manifest.Codes("ownerless_buildings");
        var ownerlessHazards = _manifest.Codes("ownerless_hazards");
        Assert.True(ownerless.Count >= 10 && ownerlessHazards.Count >= 10);

        Assert.Equal(ownerless.Count, await CountWhere(conn, "building", "owner_id is null", ownerless));
        Assert.Equal(ownerlessHazards.Count, await CountWhere(conn, "hazard", "owner_id is null", ownerlessHazards));
        Assert.Equal(_manifest.Codes("unmanaged_buildings").Count,
            await CountWhere(conn, "building", "property_manager_id is null", _manifest.Codes("unmanaged_buildings")));

        var disputed = _manifest.Disputed.ToList();
        Assert.NotEmpty(disputed);
        foreach (var d in disputed)
        {
            await using var cmd = new NpgsqlCommand("""
                select count(distinct c.organisation_id) from ownership_claim c
                where c.asset_kind = @kind
                  and c.asset_id = case @kind when 'building' then (select id from building where code = @code)
                                              else (select id from hazard where code = @code) end
                """, conn);
            cmd.Parameters.AddWithValue("kind", d.GetProperty("asset_kind").GetString()!);
            cmd.Parameters.AddWithValue("code", d.GetProperty("asset_code").GetString()!);
            Assert.True((long)(await cmd.ExecuteScalarAsync())! >= 2, $"{d} is not claimed by two organisations");
        }
    }

    [Fact]
    public async Task The_loaded_counts_match_the_generated_files_and_meet_the_demo_minimums()
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        var buildings = await conn.ScalarAsync<long>("select count(*) from building");
        var hazards = await conn.ScalarAsync<long>("select count(*) from hazard");
        Assert.Equal(_manifest.Count("buildings"), buildings);
        Assert.Equal(_manifest.Count("hazards"), hazards);
        Assert.True(buildings >= 1500 && hazards >= 200);
        Assert.True(await conn.ScalarAsync<long>("select count(*) from territory_unit where kind = 'street'") >= 2);
        Assert.True(await conn.ScalarAsync<long>("select count(*) from territory_unit where kind = 'community'") >= 6);
        Assert.True(await conn.ScalarAsync<long>("select count(*) from territory_unit where kind in ('community_grid', 'dedicated_grid')") >= 40);
        Assert.True(await conn.ScalarAsync<long>("select count(*) from territory_unit where kind = 'micro_grid'") >= 80);
        Assert.True(await conn.ScalarAsync<long>("select count(*) from territory_unit where kind = 'police_grid'") >= 1);
        Assert.True(await conn.ScalarAsync<long>("select count(*) from base_road") > 0);
        Assert.True(await conn.ScalarAsync<long>("select count(*) from base_water") > 0);
    }

    [Fact]
    public async Task Tianqing_jiayuan_community_has_the_reported_figures()
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            with c as (select id, boundary from territory_unit where kind = 'community' and name like '天庆嘉园%')
            select (select count(*) from territory_unit g, c where g.parent_id = c.id and g.kind in ('community_grid', 'dedicated_grid')),
                   ST_Area(ST_Transform(c.boundary, 32648)),
                   count(b.id) filter (where b.use = 'residential'),
                   coalesce(sum(b.households), 0), coalesce(sum(b.residents), 0)
            from c left join building b on ST_Intersects(c.boundary, ST_PointOnSurface(b.footprint))
            group by c.id, c.boundary
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no community named 天庆嘉园 is loaded");
        Assert.Equal(6L, reader.GetInt64(0));
        Assert.InRange(reader.GetDouble(1), 400_000, 500_000);
        Assert.Equal(52L, reader.GetInt64(2));
        Assert.Equal(2465L, reader.GetInt64(3));
        Assert.Equal(7792L, reader.GetInt64(4));
    }

    static async Task<long> CountWhere(NpgsqlConnection conn, string table, string condition, IReadOnlyList<string> codes)
    {
        await using var cmd = new NpgsqlCommand($"select count(*) from {table} where code = any(@codes) and {condition}", conn);
        cmd.Parameters.AddWithValue("codes", codes.ToArray());
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
