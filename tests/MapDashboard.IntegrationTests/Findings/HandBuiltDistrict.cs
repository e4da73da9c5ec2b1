using MapDashboard.Data;
using MapDashboard.Data.Findings;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Findings;

/// <summary>
/// A 1 km × 1 km district drawn by hand as WKT in UTM 48N metres (origin 390000 E, 3990000 N), stored in
/// EPSG:4326 like real data, in a bare database of its own. Every finding it holds is known in advance:
/// <code>
///  y 1000 ┌──────────── C2 ───────────────┐   police P2 covers y 700..1000 for x 0..900 only,
///         │ E 0..300 │F 280..500│·│ H      │   so 100 × 300 = 30,000 m² is a police gap of D.
///         │   overlap E/F 20×500 │·│500.3..│   building S1 480..520 × 700..720 straddles F/H;
///         │            sliver 0.3×500 (noise)│ 
///   y 500 ├──────────── C1 ───────────────┤   police P1 covers y 0..700: it spans C1 and C2.
///         │ A 0..490 │gap 10×500│ B 500..1000│ micro-grids in A leave 490 × 10 uncovered at y 250..260.
///    y 0  └───────────────────────────────┘
/// </code>
/// </summary>
public sealed class HandBuiltDistrict : IAsyncLifetime
{
    public NpgsqlDataSource Db { get; private set; } = null!;

    static readonly (string Code, string Kind, string? Parent, double X0, double Y0, double X1, double Y1)[] Units =
    [
        ("D", "district", null, 0, 0, 1000, 1000),
        ("S", "street", "D", 0, 0, 1000, 1000),
        ("C1", "community", "S", 0, 0, 1000, 500),
        ("C2", "community", "S", 0, 500, 1000, 1000),
        ("A", "community_grid", "C1", 0, 0, 490, 500),
        ("B", "community_grid", "C1", 500, 0, 1000, 500),
        ("E", "community_grid", "C2", 0, 500, 300, 1000),
        ("F", "community_grid", "C2", 280, 500, 500, 1000),
        ("H", "dedicated_grid", "C2", 500.3, 500, 1000, 1000),
        ("A-1", "micro_grid", "A", 0, 0, 490, 250),
        ("A-2", "micro_grid", "A", 0, 260, 490, 500),
        ("P1", "police_grid", "D", 0, 0, 1000, 700),
        ("P2", "police_grid", "D", 0, 700, 900, 1000),
    ];

    public async Task InitializeAsync()
    {
        Db = DashboardDataSource.Create(await TestCluster.CreateDatabaseAsync("findings_fixture"));
        await MigrationRunner.ApplyAsync(Db);
        await using var conn = await Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        // Built as one bulk load: the edit triggers stay quiet and one full recomputation follows.
        await conn.ExecuteAsync("set local mapdashboard.findings = 'off'");
        await conn.ExecuteAsync("""
            insert into organisation (code, name, kind) values
                ('OWN', '业主单位', 'enterprise'), ('MGR', '物业公司', 'property_company'), ('RIVAL', '铁路单位', 'railway');
            insert into category (code, name_zh, name_en) values ('wall', '危墙隐患', 'Unsafe wall');
            """);
        foreach (var u in Units)
            await Exec(conn, """
                insert into territory_unit (code, name, kind, parent_id, boundary)
                values (@code, @code || '名', @kind, (select id from territory_unit where code = @parent),
                        ST_Multi(ST_Transform(ST_GeomFromText(@wkt, 32648), 4326)))
                """, ("code", u.Code), ("kind", u.Kind), ("parent", (object?)u.Parent ?? DBNull.Value), ("wkt", Rectangle(u.X0, u.Y0, u.X1, u.Y1)));
        await conn.ExecuteAsync("""
            insert into building (code, name, footprint, owner_id, property_manager_id)
            select code, code || '号楼', ST_Multi(ST_Transform(ST_MakeEnvelope(390000 + x0, 3990000 + y0, 390000 + x1, 3990000 + y1, 32648), 4326)),
                   (select id from organisation where code = owner), (select id from organisation where code = manager)
            from (values ('S1', 480, 700, 520, 720, 'OWN', 'MGR'),    -- straddles F and H
                         ('N1', 100, 100, 120, 120, null, 'MGR'),     -- no owner, in A
                         ('U1', 700, 100, 730, 110, 'OWN', null),     -- no property manager, in B
                         ('X1', 800, 300, 810, 340, 'OWN', 'MGR'))    -- claimed by OWN and RIVAL, in B
                 v(code, x0, y0, x1, y1, owner, manager);
            insert into ownership_claim (asset_kind, asset_id, organisation_id)
            select 'building', (select id from building where code = 'X1'), id from organisation where code in ('OWN', 'RIVAL');
            insert into hazard (code, category_code, severity, owner_id, location)
            select code, 'wall', 'high', (select id from organisation where code = owner),
                   ST_Transform(ST_SetSRID(ST_MakePoint(390000 + x, 3990000 + y), 32648), 4326)
            from (values ('HB', 100, 499.5, 'OWN'),   -- 0.5 m from E: on the boundary
                         ('HF', 100, 498, 'OWN'),     -- 2 m from E: clearly A's
                         ('HN', 200, 200, null))      -- nobody's
                 v(code, x, y, owner);
            """);
        await FindingRecomputation.FullAsync(conn);
        await tx.CommitAsync();
    }

    /// <summary>
    /// The unit's rectangle as UTM WKT with a vertex wherever another unit's corner lies on its edge, so that
    /// neighbours share the very same vertices once projected to EPSG:4326 (as the generator's data does).
    /// </summary>
    public static string Rectangle(double x0, double y0, double x1, double y1)
    {
        var u = (X0: x0, Y0: y0, X1: x1, Y1: y1);
        var xs = Units.SelectMany(v => new[] { v.X0, v.X1 }).Where(x => x > u.X0 && x < u.X1).Distinct().Order().ToList();
        var ys = Units.SelectMany(v => new[] { v.Y0, v.Y1 }).Where(y => y > u.Y0 && y < u.Y1).Distinct().Order().ToList();
        var ring = new List<(double X, double Y)> { (u.X0, u.Y0) };
        ring.AddRange(xs.Select(x => (x, u.Y0)));
        ring.Add((u.X1, u.Y0));
        ring.AddRange(ys.Select(y => (u.X1, y)));
        ring.Add((u.X1, u.Y1));
        ring.AddRange(xs.AsEnumerable().Reverse().Select(x => (x, u.Y1)));
        ring.Add((u.X0, u.Y1));
        ring.AddRange(ys.AsEnumerable().Reverse().Select(y => (u.X0, y)));
        ring.Add((u.X0, u.Y0));
        return "POLYGON((" + string.Join(",", ring.Select(p => FormattableString.Invariant($"{390000 + p.X} {3990000 + p.Y}"))) + "))";
    }

    static async Task Exec(NpgsqlConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
