using System.Text.Json;
using Npgsql;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>
/// A patrol record written as psql would write it (pings stored with their times, hours ago — the ping API takes only
/// recent ones), for tests that need a record older than the 24 h coverage window. A grid is visited asset by asset:
/// short walks on the asset's point, ten minutes apart (more than the track gap, so no line joins two of them and
/// visits what lies between), chosen so that the share of the grid's assets within reach ends in a given range.
/// </summary>
public sealed class PatrolHistory(NpgsqlDataSource db)
{
    /// <summary>A grid, its worker and its assets' points (lon/lat) with their UTM 48N metres.</summary>
    public sealed record Grid(string Code, string Worker, double[][] Assets, double[][] Metres);

    /// <summary>More than the track gap (300 s): each walk is a track of its own.</summary>
    static readonly TimeSpan Apart = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <paramref name="count"/> staffed community grids with at least <paramref name="minAssets"/> buildings and hazards
    /// to visit, no incident and under three open hazards (so nothing but coverage can colour them), from the last code down.
    /// </summary>
    public static async Task<Grid[]> GridsAsync(NpgsqlDataSource db, int minAssets, int count)
    {
        await using var cmd = db.CreateCommand("""
            select g.code, p.code,
                   (select json_agg(json_build_array(ST_X(a.location), ST_Y(a.location), ST_X(a.location_metric), ST_Y(a.location_metric))
                                    order by ST_X(a.location_metric), a.kind, a.id)
                      from patrol_asset a where a.location && g.boundary and ST_Covers(g.boundary, a.location))
              from territory_unit g join person p on p.id = g.grid_worker_id
             where g.kind = 'community_grid'
               and (select count(*) from patrol_asset a where a.location && g.boundary and ST_Covers(g.boundary, a.location)) >= @min
               and not exists (select 1 from incident i where ST_Covers(g.boundary, i.location))
               and (select count(*) from hazard h where h.status <> 'resolved' and ST_Covers(g.boundary, h.location)) < 3
             order by g.code desc limit @count
            """);
        cmd.Parameters.AddWithValue("min", minAssets);
        cmd.Parameters.AddWithValue("count", count);
        var grids = new List<Grid>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var points = JsonSerializer.Deserialize<double[][]>(r.GetString(2))!;
            grids.Add(new Grid(r.GetString(0), r.GetString(1), points.Select(p => p[..2]).ToArray(), points.Select(p => p[2..]).ToArray()));
        }
        Assert.True(grids.Count == count, $"the demo district has only {grids.Count} grids that fit");
        return [.. grids];
    }

    /// <summary>
    /// Visits the grid's assets one short walk each, from <paramref name="start"/> on, west to east, skipping an asset
    /// whose walk would reach past <paramref name="below"/> of them (its neighbours within the visit radius come along),
    /// until at least <paramref name="atLeast"/> are within reach. Returns the number of walks.
    /// </summary>
    public async Task<int> VisitAsync(Grid grid, double atLeast, double below, DateTimeOffset start)
    {
        var radius = await RadiusAsync() + 5; // a margin: the walk is a few metres long
        var n = grid.Metres.Length;
        var reached = new HashSet<int>();
        var walks = 0;
        for (var i = 0; i < n && reached.Count < atLeast * n; i++)
        {
            var near = Enumerable.Range(0, n).Where(j => Distance(grid.Metres[i], grid.Metres[j]) <= radius).ToList();
            if (reached.Union(near).Count() >= below * n) continue;
            reached.UnionWith(near);
            await WalkAsync(grid.Worker, [grid.Assets[i]], start + Apart * walks++);
        }
        Assert.True(reached.Count >= atLeast * n, $"{grid.Code}: could not reach {atLeast:P0} of {n} assets without reaching {below:P0}");
        return walks;
    }

    /// <summary>Three pings a few metres apart on each point (a short line: a visit needs a track), 5 s apart, from <paramref name="at"/>.</summary>
    public async Task WalkAsync(string worker, double[][] points, DateTimeOffset at)
    {
        foreach (var point in points)
        {
            await using var cmd = db.CreateCommand("""
                insert into patrol_ping (worker_id, recorded_at, location, accuracy_m)
                select (select id from person where code = @worker), @at + make_interval(secs => i * 5),
                       ST_SetSRID(ST_MakePoint(@lon + i * 0.00002, @lat), 4326), 5
                from generate_series(0, 2) i
                """);
            cmd.Parameters.AddWithValue("worker", worker);
            cmd.Parameters.AddWithValue("at", at.ToUniversalTime());
            cmd.Parameters.AddWithValue("lon", point[0]);
            cmd.Parameters.AddWithValue("lat", point[1]);
            Assert.Equal(3, await cmd.ExecuteNonQueryAsync());
        }
    }

    async Task<double> RadiusAsync()
    {
        await using var cmd = db.CreateCommand("select visit_radius_m from patrol_coverage_setting");
        return (double)(await cmd.ExecuteScalarAsync())!;
    }

    static double Distance(double[] a, double[] b) => Math.Sqrt(Math.Pow(a[0] - b[0], 2) + Math.Pow(a[1] - b[1], 2));
}
