using MapDashboard.Data;

namespace MapDashboard.IntegrationTests.Audit;

/// <summary>
/// A statement's audit rows take their unit for all their rows at once (audit_units_at): for every geometry the
/// very unit audit_unit_at gives one at a time — the smallest by area, then by code, police grids aside — including
/// where units overlap, where two units are equal in area, on the edge of the cells it matches them by, and none
/// outside the district.
/// </summary>
public class AuditUnitsAtTests
{
    // Each geometry of the probe table against audit_unit_at, by position: the count of disagreements.
    const string Disagreements = """
        select count(*) from (select row_number() over (order by n) as ord, g from probe) p
        left join audit_units_at(array(select g from probe order by n)) s on s.ord = p.ord
        where s.code is distinct from audit_unit_at(p.g)
        """;

    [Fact]
    public async Task Every_building_and_hazard_gets_the_unit_audit_unit_at_gives_it()
    {
        await using var db = await BulkCaptureTests.DemoAsync("audit_units_assets");
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            create temp table probe as
            select row_number() over (order by kind, id) as n, g from (
                select 'b' as kind, id, visit_point as g from building
                union all select 'h', id, location from hazard
                union all select 'f', id, footprint from building where id % 10 = 0) x
            """);
        Assert.True(await conn.ScalarAsync<long>("select count(*) from probe") > 100);
        Assert.Equal(0L, await conn.ScalarAsync<long>(Disagreements));
        // Not vacuous: most of them lie in some unit.
        Assert.True(await conn.ScalarAsync<long>("select count(*) from probe where audit_unit_at(g) is not null") > 100);
    }

    [Fact]
    public async Task Overlapping_units_an_equal_twin_a_cell_edge_and_the_outside_get_what_audit_unit_at_gives()
    {
        await using var db = await BulkCaptureTests.DemoAsync("audit_units_overlaps");
        await using var conn = await db.OpenConnectionAsync();
        // A twin of a grid under a code that sorts after it: the two are equal in area, the code decides.
        await conn.ExecuteAsync("""
            set mapdashboard.capture = 'off';
            insert into territory_unit (code, name, kind, parent_id, boundary)
            select code || '-twin', name, kind, parent_id, boundary from territory_unit where kind = 'community_grid' order by id limit 1;
            create temp table probe (n int, g geometry);
            -- Inside two overlapping non-police units of one level (the demo plants overlaps), and in the twins.
            insert into probe
            select row_number() over (), ST_PointOnSurface(ST_Intersection(a.boundary, b.boundary))
            from territory_unit a join territory_unit b on a.id < b.id and a.kind = b.kind and a.kind <> 'police_grid'
                 and ST_Relate(a.boundary, b.boundary, '2********');
            -- On a 0.01° meridian and parallel through the district (the edge between two of the cells).
            insert into probe
            select 1000 + row_number() over (), p
            from territory_unit d,
                 lateral (select ST_SetSRID(ST_MakePoint(ceil(ST_XMin(d.boundary) * 100) / 100 + 0.01 * i,
                                                         ceil(ST_YMin(d.boundary) * 100) / 100 + 0.01 * j), 4326) as p
                          from generate_series(0, 3) i, generate_series(0, 3) j) e
            where d.kind = 'district';
            -- Outside every unit, and none at all.
            insert into probe values (2000, ST_SetSRID(ST_MakePoint(0, 0), 4326)), (2001, null);
            """);
        // The probe holds points where two units of different area and two of equal area compete.
        Assert.True(await conn.ScalarAsync<long>("""
            select count(*) from probe p
            where (select count(*) from territory_unit u where u.kind <> 'police_grid' and ST_Intersects(u.boundary, p.g)
                   and u.kind in ('community_grid', 'dedicated_grid', 'micro_grid')) >= 2
            """) >= 2);
        Assert.Equal(0L, await conn.ScalarAsync<long>(Disagreements));
        Assert.Equal(0L, await conn.ScalarAsync<long>("""
            select count(*) from audit_units_at(array[ST_SetSRID(ST_MakePoint(0, 0), 4326), null::geometry])
            """));
        // The twin itself never wins over its original: equal areas are decided by code.
        Assert.Equal(0L, await conn.ScalarAsync<long>("""
            select count(*) from audit_units_at(array(select g from probe order by n)) where code like '%-twin'
            """));
    }
}
