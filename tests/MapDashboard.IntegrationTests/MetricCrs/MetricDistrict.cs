using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using MapDashboard.Data.MetricCrs;
using MapDashboard.IntegrationTests.Coverage;
using Npgsql;

namespace MapDashboard.IntegrationTests.MetricCrs;

/// <summary>
/// A small district drawn around a given place, with one walk, one route and one gap whose sizes are compared with
/// the geodesic truth (PostGIS geography on the WGS 84 ellipsoid). Drawn in metres of the place's UTM zone from its
/// rounded origin (how it is drawn does not matter: the truth is measured on the ellipsoid):
/// <code>
///  y 600 ┌─────────────── G (W's grid) ───────────────┬── gap ──┐
///        │                                            │ 200 m   │
///  y 300 │   W today: (100,300) → (500,300), 400 m    │ × 600 m │
///        │            B (300,320)                     │         │
///  y 0   └────────────────────────────────────────────┴─────────┘
///        x 0                                       x 800     x 1000  (district D)
/// </code>
/// The territory goes in first and decides the frame, as the district loader does (metric_crs_follow_district).
/// </summary>
public abstract class MetricDistrict(double lon, double lat) : IAsyncLifetime
{
    public const double Radius = 30;
    public const double WalkMetres = 400;
    public readonly CoverageHost Host = new();

    public NpgsqlDataSource Db => Host.Db;

    /// <summary>The frame the district decided when its territory went in.</summary>
    public int DecidedSrid { get; private set; }

    public double Lon => lon;

    public double Lat => lat;

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        await using var conn = await Db.OpenConnectionAsync();
        await Exec(conn, """
            create temporary table origin as
            select @zone as zone, round(ST_X(p)) as ox, round(ST_Y(p)) as oy
            from ST_Transform(ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), @zone) p;
            insert into person (code, name, role) values ('W', '网格员', 'grid_worker');
            insert into territory_unit (code, name, kind, boundary)
            select 'D', '测算区', 'district', ST_Multi(ST_Transform(ST_MakeEnvelope(ox, oy, ox + 1000, oy + 600, zone), 4326)) from origin;
            insert into territory_unit (code, name, kind, parent_id, boundary, grid_worker_id)
            select 'G', '测算网格', 'community_grid', (select id from territory_unit where code = 'D'),
                   ST_Multi(ST_Transform(ST_MakeEnvelope(ox, oy, ox + 800, oy + 600, zone), 4326)), (select id from person where code = 'W')
            from origin;
            """, ("zone", ConstructionZone), ("lon", lon), ("lat", lat));
        DecidedSrid = await MetricCrsSetting.FollowDistrictAsync(conn);
        await Exec(conn, """
            insert into building (code, name, footprint, entrance)
            select 'B', 'B号楼', ST_Multi(ST_Transform(ST_MakeEnvelope(ox + 296, oy + 321, ox + 304, oy + 326, zone), 4326)),
                   ST_Transform(ST_SetSRID(ST_MakePoint(ox + 300, oy + 320), zone), 4326)
            from origin;
            insert into patrol_ping (worker_id, recorded_at, location, accuracy_m)
            select (select id from person where code = 'W'), @start + make_interval(secs => i * 5),
                   ST_Transform(ST_SetSRID(ST_MakePoint(ox + 100 + 5 * i, oy + 300), zone), 4326), 5
            from origin, generate_series(0, 80) i;
            select recompute_all_findings();
            """, ("start", WalkStart.ToUniversalTime()));
        await CoverageRefresher.DrainAsync(Db);
    }

    /// <summary>The zone the fixture draws in: the place's own (32600 + its 6° zone).</summary>
    int ConstructionZone => 32600 + (int)Math.Floor((lon + 180) / 6) + 1;

    /// <summary>Today (local), well inside it whatever the hour the tests run at.</summary>
    public static DateTimeOffset WalkStart
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            var todayStart = CoverageDistrict.TodayStart.AddMinutes(1);
            return now.AddMinutes(-20) > todayStart ? now.AddMinutes(-20) : todayStart;
        }
    }

    /// <summary>A point in the fixture's metres from its origin, as [lon, lat].</summary>
    public async Task<double[]> LonLat(double x, double y)
    {
        await using var conn = await Db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            select ST_X(p), ST_Y(p)
            from (select ST_Transform(ST_SetSRID(ST_MakePoint(round(ST_X(o)) + @x, round(ST_Y(o)) + @y), @zone), 4326) p
                  from ST_Transform(ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), @zone) o) t
            """, conn);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.AddWithValue("zone", ConstructionZone);
        cmd.Parameters.AddWithValue("lon", lon);
        cmd.Parameters.AddWithValue("lat", lat);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return [reader.GetDouble(0), reader.GetDouble(1)];
    }

    internal static async Task Exec(NpgsqlConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Around Beijing (116.4°E 39.9°N), UTM zone 50N: 11° east of zone 48's central meridian.</summary>
public sealed class BeijingDistrict() : MetricDistrict(116.4, 39.9);

/// <summary>Around Lanzhou (103.83°E 36.05°N), UTM zone 48N: where the demo district lies.</summary>
public sealed class LanzhouDistrict() : MetricDistrict(103.83, 36.05);
