using MapDashboard.Data.Coverage;
using Npgsql;
using static MapDashboard.IntegrationTests.Coverage.CoverageDistrict;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>
/// A server on a hand-drawn district of two grids side by side (UTM 48N metres from 390000 E, 3990000 N), where
/// one worker walks across the boundary and back: what a figure "in this grid" means is known by construction.
/// <code>
///  y 300 ┌──────── X1 (K's) ────────┬──────── X2 ────────┐
///        │           C1 (300,170)    │                    │
///  y 150 │  K: (200,150) ──────────────────────→ (600,150)
///        │                           │   (500,150) ←──────┘ and back
///  y 0   └───────────────────────────┴────────────────────┘
///        x 0                       x 400                 x 800
/// </code>
/// K walks at 1 m/s with a ping every 5 s, starting at <see cref="WalkStart"/>: 200 m and 200 s in X1, then 300 m and
/// 300 s in X2 (200 m out, 100 m back along the same street). A server of its own: the walk would change the
/// coverage the other hand-drawn tests count.
/// </summary>
public sealed class CrossingDistrict : IAsyncLifetime
{
    public readonly CoverageHost Host = new();

    public DateTimeOffset WalkStart { get; private set; }

    /// <summary>The district's local day of the walk (it may be yesterday's in the first half hour after midnight).</summary>
    public string WalkDay => TimeZoneInfo.ConvertTime(WalkStart, CoverageDistrict.Zone).ToString("yyyy-MM-dd");

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        // Always half an hour before the tests, whatever the time of day: the walk (~8 min) is over before any route of
        // the tests exists. (Clamping it into today put it after the route in the first minutes past midnight.)
        WalkStart = DateTimeOffset.UtcNow.AddMinutes(-30);
        await using var conn = await Host.Db.OpenConnectionAsync();
        await Exec(conn, """
            insert into person (code, name, role) values ('K', '跨格网格员', 'grid_worker');
            insert into territory_unit (code, name, kind, boundary) values ('XD', '跨格区', 'district', ST_Multi(ST_Transform(ST_MakeEnvelope(390000, 3990000, 390800, 3990300, 32648), 4326)));
            insert into territory_unit (code, name, kind, parent_id, boundary, grid_worker_id)
            select code, code || '网格', 'community_grid', (select id from territory_unit where code = 'XD'),
                   ST_Multi(ST_Transform(ST_MakeEnvelope(390000 + x0, 3990000, 390000 + x1, 3990300, 32648), 4326)), worker
            from (values ('X1', 0, 400, (select id from person where code = 'K')), ('X2', 400, 800, null)) v(code, x0, x1, worker);
            insert into building (code, name, footprint, entrance)
            values ('C1', 'C1号楼', ST_Multi(ST_Transform(ST_MakeEnvelope(390296, 3990171, 390304, 3990176, 32648), 4326)),
                    ST_Transform(ST_SetSRID(ST_MakePoint(390300, 3990170), 32648), 4326));
            """);
        await Walk(conn, "K", WalkStart, (200, 150), (600, 150), 81);
        await Walk(conn, "K", WalkStart.AddSeconds(405), (595, 150), (500, 150), 20);
        await CoverageRefresher.DrainAsync(Host.Db);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The crossing tests share one hand-drawn district and its server.</summary>
[CollectionDefinition(Name)]
public sealed class CrossingCollection : ICollectionFixture<CrossingDistrict>
{
    public const string Name = "crossing district";
}
