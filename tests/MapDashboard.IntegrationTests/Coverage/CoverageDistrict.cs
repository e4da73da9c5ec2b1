using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>
/// A server on a hand-drawn 800 m × 300 m district (UTM 48N metres from 390000 E, 3990000 N, stored in
/// EPSG:4326) with hand-made tracks whose coverage is known by construction. Radius 30 m.
/// <code>
///  y 300 ┌──────────── G1 (W1's) ───────────┬──────────── G2 (W2's) ───────────┐
///        │                  B2 (200,185)     │                      H4 (650,260)  │  W3, 23.5 h ago: (600,250)→(700,250)
///        │                  B1 (200,170)     │         H3 (520,160)               │
///  y 150 │      W1 today: (100,150)→(300,150) B3 (310,160)   W2 today: (500,150)→(600,150), 10 min gap, (700,150)→(750,150)
///        │      H1 (150,125)                 │                B4 (650,150) in the gap; a flagged ping on it
///        │      H2 (150,100)                 │                                    │
///        │  W1, 3 days ago: (40,50)→(100,50) │                      B6 (750,50) B7 (760,50)
///  y 0   └─ B5 (50,50) ──────────────────────┴────────────────────────────────────┘
/// </code>
/// W1 today walks 200 m at 1 m/s, a ping every 5 s, starting at <see cref="W1Start"/>: it passes H1 (25 m) at
/// +50 s, B1 (20 m) at +100 s and ends 14 m from B3 at +200 s; B2 (35 m) and H2 (50 m) stay out of reach.
/// H1 fell due for a revisit 3 days ago (visited since), H2 a day ago (not visited). Route R plans
/// (100,150)→(500,150) for W1 today, assigned a minute before W1 set out: W1 walked its first half.
/// </summary>
public sealed class CoverageDistrict : IAsyncLifetime
{
    public const double Radius = 30;
    public readonly CoverageHost Host = new();

    public NpgsqlDataSource Db => Host.Db;

    public DateTimeOffset W1Start { get; private set; }

    public DateTimeOffset W3Start { get; private set; }

    public long RouteId { get; private set; }

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset TodayStart => MapDashboard.Domain.Patrols.CoverageWindow.LocalMidnight(DateTimeOffset.UtcNow, Zone, 0);

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        var now = DateTimeOffset.UtcNow;
        // Well inside today (local) so "today" holds it whatever the hour the tests run at.
        W1Start = Max(now.AddMinutes(-30), TodayStart.AddMinutes(1));
        W3Start = now.AddHours(-23.5);
        await using var conn = await Db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            insert into person (code, name, role) values ('W1', '一号网格员', 'grid_worker'), ('W2', '二号网格员', 'grid_worker'),
                                                         ('W3', '三号志愿者', 'volunteer');
            insert into category (code, name_zh, name_en) values ('wall', '危墙隐患', 'Unsafe wall');
            insert into territory_unit (code, name, kind, boundary) values ('D', '手绘区', 'district', ST_Multi(ST_Transform(ST_MakeEnvelope(390000, 3990000, 390800, 3990300, 32648), 4326)));
            insert into territory_unit (code, name, kind, parent_id, boundary, grid_worker_id)
            select code, code || '网格', 'community_grid', (select id from territory_unit where code = 'D'),
                   ST_Multi(ST_Transform(ST_MakeEnvelope(390000 + x0, 3990000, 390000 + x1, 3990300, 32648), 4326)),
                   (select id from person where code = worker)
            from (values ('G1', 0, 400, 'W1'), ('G2', 400, 800, 'W2')) v(code, x0, x1, worker);
            insert into building (code, name, footprint, entrance)
            select code, code || '号楼', ST_Multi(ST_Transform(ST_MakeEnvelope(390000 + x - 4, 3990000 + y + 1, 390000 + x + 4, 3990000 + y + 6, 32648), 4326)),
                   ST_Transform(ST_SetSRID(ST_MakePoint(390000 + x, 3990000 + y), 32648), 4326)
            from (values ('B1', 200, 170), ('B2', 200, 185), ('B3', 310, 160), ('B4', 650, 150), ('B5', 50, 50),
                         ('B6', 750, 50), ('B7', 760, 50)) v(code, x, y);
            insert into hazard (code, category_code, severity, location, revisit_due_at)
            select code, 'wall', 'high', ST_Transform(ST_SetSRID(ST_MakePoint(390000 + x, 3990000 + y), 32648), 4326), now() - due
            from (values ('H1', 150, 125, interval '3 days'), ('H2', 150, 100, interval '1 day'),
                         ('H3', 520, 160, null), ('H4', 650, 260, null)) v(code, x, y, due);
            """);
        await Walk(conn, "W1", W1Start, (100, 150), (300, 150), 41);
        await Walk(conn, "W1", now.AddDays(-3), (40, 50), (100, 50), 13);
        var w2 = Max(now.AddMinutes(-40), TodayStart.AddMinutes(1));
        await Walk(conn, "W2", w2, (500, 150), (600, 150), 21);
        await Walk(conn, "W2", w2.AddSeconds(100 + 600), (700, 150), (750, 150), 11);
        await Walk(conn, "W3", W3Start, (600, 250), (700, 250), 21);
        // A ping the ingest flagged, right on B4 in W2's gap: it must not count as a position.
        await Exec(conn, """
            insert into patrol_ping (worker_id, recorded_at, location, accuracy_m, flag)
            values ((select id from person where code = 'W2'), @at, ST_Transform(ST_SetSRID(ST_MakePoint(390650, 3990150), 32648), 4326), 5, 'impossible_speed')
            """, ("at", w2.AddSeconds(400).ToUniversalTime()));
        await using var route = new NpgsqlCommand("""
            insert into patrol_route (name, path, grid_id, worker_id, planned_for, assigned_at)
            values ('R', ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(390100, 3990150), ST_MakePoint(390500, 3990150)), 32648), 4326),
                    (select id from territory_unit where code = 'G1'), (select id from person where code = 'W1'), patrol_today(), @assigned)
            returning id
            """, conn);
        route.Parameters.AddWithValue("assigned", W1Start.AddMinutes(-1).ToUniversalTime());
        RouteId = (long)(await route.ExecuteScalarAsync())!;
        await CoverageRefresher.DrainAsync(Db);
    }

    /// <summary>Pings every 5 s on a straight line from <paramref name="from"/> to <paramref name="to"/> (UTM offsets).</summary>
    internal static Task Walk(NpgsqlConnection conn, string worker, DateTimeOffset start, (double X, double Y) from, (double X, double Y) to, int pings) =>
        Exec(conn, """
            insert into patrol_ping (worker_id, recorded_at, location, accuracy_m)
            select (select id from person where code = @worker), @start + make_interval(secs => i * 5),
                   ST_Transform(ST_SetSRID(ST_MakePoint(390000 + @x0 + (@x1 - @x0) * i / (@n - 1.0), 3990000 + @y0 + (@y1 - @y0) * i / (@n - 1.0)), 32648), 4326), 5
            from generate_series(0, @n - 1) i
            """, ("worker", worker), ("start", start.ToUniversalTime()), ("x0", from.X), ("y0", from.Y), ("x1", to.X), ("y1", to.Y), ("n", pings));

    /// <summary>A point given in the fixture's UTM offsets, as [lon, lat].</summary>
    public Task<double[]> LonLat(double x, double y) => LonLatIn(Db, x, y);

    /// <summary>A point given in UTM offsets from 390000 E, 3990000 N (every hand-drawn district's), as [lon, lat].</summary>
    public static async Task<double[]> LonLatIn(NpgsqlDataSource db, double x, double y)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("select ST_X(p), ST_Y(p) from (select ST_Transform(ST_SetSRID(ST_MakePoint(390000 + @x, 3990000 + @y), 32648), 4326) p) t", conn);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return [reader.GetDouble(0), reader.GetDouble(1)];
    }

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    internal static async Task Exec(NpgsqlConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The real server, started on an empty database: the coverage fixture draws its own district.</summary>
public sealed class CoverageHost : DashboardHost
{
    protected override bool LoadDemo => false;
}
