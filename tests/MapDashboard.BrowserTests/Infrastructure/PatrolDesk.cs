using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.Data.Incidents;
using Npgsql;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>
/// Patrols arranged as the outside world makes them: GPS pings posted as a field device posts
/// them (POST /api/patrols/pings), routes saved and analysed through the API. Each test takes
/// a grid (and so a worker) of its own, so one test's pings never meet another's in a track.
/// </summary>
public sealed class PatrolDesk(string baseUrl, NpgsqlDataSource db)
{
    readonly HttpClient _http = BrowserAccount.Client(baseUrl, TimeSpan.FromSeconds(60));

    /// <summary>A patrolling worker's pace: 1.2 m/s, a ping every 5 s.</summary>
    const double MetresPerPing = 6;
    static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(5);

    public sealed record Grid(string Code, string Worker, double[][] Entrances);

    /// <summary>
    /// The <paramref name="index"/>-th community grid, counting from the LAST code down, that has a
    /// grid worker and at least four building entrances inside it, with those entrances west to
    /// east. From the end: the other tests look for clear spots from the first grids on, and a
    /// walk's coverage and worker dot would crowd those.
    /// </summary>
    public async Task<Grid> GridAsync(int index)
    {
        await using var cmd = db.CreateCommand("""
            select g.code, p.code,
                   (select json_agg(json_build_array(ST_X(b.entrance), ST_Y(b.entrance)) order by ST_X(b.entrance))
                      from building b where b.entrance is not null and ST_Covers(g.boundary, b.entrance))
              from territory_unit g join person p on p.id = g.grid_worker_id
             where g.kind = 'community_grid'
               and (select count(*) from building b where b.entrance is not null and ST_Covers(g.boundary, b.entrance)) >= 4
             order by g.code desc offset @index limit 1
            """);
        cmd.Parameters.AddWithValue("index", index);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync(), $"the demo district has no {index + 1}th staffed grid with four entrances");
        var entrances = JsonSerializer.Deserialize<double[][]>(r.GetString(2))!;
        return new Grid(r.GetString(0), r.GetString(1), entrances);
    }

    /// <summary>
    /// Pings for one worker walking <paramref name="path"/> (lon/lat) at a steady pace, the last
    /// ping <paramref name="endingAgo"/> before now, posted in one batch. Returns the pings' count.
    /// </summary>
    public Task<int> WalkAsync(string worker, IReadOnlyList<double[]> path, TimeSpan endingAgo) =>
        PostWalkAsync(worker, Densify(path), DateTimeOffset.UtcNow - endingAgo, PingEvery);

    /// <summary>
    /// Like <see cref="WalkAsync"/>, but the whole walk lies within the district's today (Asia/Shanghai),
    /// ending <paramref name="endingAgo"/> before now: right after the district's midnight a walking-pace
    /// walk would start yesterday, so the pace rises (a ping every 1–5 s, ≤ 6 m/s, under the 8 m/s
    /// impossible-speed rule); in the few minutes after midnight when even that does not fit, it waits.
    /// </summary>
    public async Task<int> WalkWithinTodayAsync(string worker, IReadOnlyList<double[]> path, TimeSpan endingAgo)
    {
        var points = Densify(path);
        var margin = TimeSpan.FromMinutes(1);
        var fastest = TimeSpan.FromSeconds(1) * (points.Count - 1) + endingAgo + margin;
        var sinceMidnight = DistrictClock.SinceMidnight();
        if (sinceMidnight < fastest) await Task.Delay(fastest - sinceMidnight);
        var end = DateTimeOffset.UtcNow - endingAgo;
        var room = DistrictClock.SinceMidnight() - endingAgo - margin;
        var every = TimeSpan.FromTicks(Math.Min(PingEvery.Ticks, room.Ticks / Math.Max(1, points.Count - 1)));
        return await PostWalkAsync(worker, points, end, every);
    }

    async Task<int> PostWalkAsync(string worker, List<double[]> points, DateTimeOffset end, TimeSpan every)
    {
        var start = end - every * (points.Count - 1);
        var pings = points.Select((p, i) => new
        {
            worker,
            recordedAt = (start + every * i).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            lon = p[0], lat = p[1], accuracy = 6.0,
        }).ToArray();
        var res = await _http.PostAsJsonAsync("/api/patrols/pings", new { pings });
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"POST /api/patrols/pings answered {(int)res.StatusCode}: {body}");
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal(0, answer.GetProperty("flagged").GetArrayLength());
        return pings.Length;
    }

    /// <summary>Any POST of the JSON API; asserts success and returns the answer.</summary>
    public async Task<JsonElement> PostAsync(string path, object body)
    {
        var res = await _http.PostAsJsonAsync(path, body);
        var text = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"POST {path} answered {(int)res.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Any GET of the JSON API; asserts success, naming the problem the server gave.</summary>
    public async Task<JsonElement> GetAsync(string path)
    {
        var res = await _http.GetAsync(path);
        var text = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"GET {path} answered {(int)res.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>
    /// Waits until the server has folded a worker's pings into today's tracks (it does so on its
    /// own period; the tracks API folds them in first), so tiles read after this show them.
    /// </summary>
    public async Task TrackedAsync(string worker)
    {
        var tracks = await GetAsync($"/api/patrols/tracks?date={ServerToday()}&worker={Uri.EscapeDataString(worker)}");
        Assert.Contains(tracks.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("worker").GetString() == worker);
    }

    /// <summary>
    /// Removes a worker's pings (as psql would), lets the server fold the removal into tracks and
    /// coverage, and recolours the grids: patrol coverage feeds the grid colours once any patrol is
    /// tracked, so a test's walk left behind would turn other tests' grids red.
    /// </summary>
    public async Task ForgetAsync(string worker)
    {
        await using (var cmd = db.CreateCommand("delete from patrol_ping where worker_id = (select id from person where code = @code)"))
        {
            cmd.Parameters.AddWithValue("code", worker);
            await cmd.ExecuteNonQueryAsync();
        }
        var tracks = await GetAsync($"/api/patrols/tracks?date={ServerToday()}&worker={Uri.EscapeDataString(worker)}");
        Assert.Empty(tracks.GetProperty("features").EnumerateArray());
        await EscalationSweep.RunOnceAsync(db);
    }

    /// <summary>
    /// Dates a saved route's assignment back (as psql would): a route saved now was, in the story of a test, given to its
    /// worker before the walk the test posts, and planned vs walked counts only walking after the assignment.
    /// </summary>
    public async Task AssignedAgoAsync(long id, TimeSpan ago)
    {
        await using var cmd = db.CreateCommand("update patrol_route set assigned_at = now() - @ago where id = @id");
        cmd.Parameters.AddWithValue("ago", ago);
        cmd.Parameters.AddWithValue("id", id);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    /// <summary>A point on the boundary two grids share, and a point well inside each (for a walk from one into the other).</summary>
    public async Task<(double[] InA, double[] OnBoth, double[] InB)> CrossingAsync(string a, string b)
    {
        await using var cmd = db.CreateCommand("""
            select json_build_array(json_build_array(ST_X(pa), ST_Y(pa)), json_build_array(ST_X(m), ST_Y(m)), json_build_array(ST_X(pb), ST_Y(pb)))::text
            from (select ST_PointOnSurface(x.boundary) pa, ST_PointOnSurface(y.boundary) pb,
                         ST_LineInterpolatePoint(ST_LineMerge(ST_CollectionExtract(ST_Intersection(x.boundary, y.boundary), 2)), 0.5) m
                  from territory_unit x, territory_unit y where x.code = @a and y.code = @b) t
            """);
        cmd.Parameters.AddWithValue("a", a);
        cmd.Parameters.AddWithValue("b", b);
        var points = JsonSerializer.Deserialize<double[][]>((string)(await cmd.ExecuteScalarAsync())!)!;
        return (points[0], points[1], points[2]);
    }

    /// <summary>A community grid sharing a stretch of boundary (over 50 m) with <paramref name="code"/>.</summary>
    public async Task<string> NeighbourAsync(string code)
    {
        await using var cmd = db.CreateCommand("""
            select y.code from territory_unit x join territory_unit y on y.kind = 'community_grid' and y.code <> x.code and ST_Intersects(x.boundary, y.boundary)
            where x.code = @code and ST_GeometryType(ST_LineMerge(ST_CollectionExtract(ST_Intersection(x.boundary, y.boundary), 2))) = 'ST_LineString'
              and ST_Length(ST_CollectionExtract(ST_Intersection(x.boundary, y.boundary), 2)::geography) > 50
            order by y.code limit 1
            """);
        cmd.Parameters.AddWithValue("code", code);
        return (string)(await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException($"grid {code} has no neighbour sharing a straight edge"));
    }

    public async Task DeleteRouteAsync(long id)
    {
        var res = await _http.DeleteAsync($"/api/routes/{id}");
        Assert.True(res.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"DELETE /api/routes/{id} answered {(int)res.StatusCode}");
    }

    /// <summary>POST /api/routes/analysis for a line (lon/lat vertices), as the planner page sends it.</summary>
    public Task<JsonElement> AnalyseAsync(double[][] path, string? grid) =>
        PostAsync("/api/routes/analysis", grid is null
            ? new { path = Line(path) }
            : new { path = Line(path), grid });

    public static object Line(IEnumerable<double[]> path) => new { type = "LineString", coordinates = path.ToArray() };

    /// <summary>The date the server counts patrol days in (Incidents:TimeZone, Asia/Shanghai by default).</summary>
    public static string ServerToday() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The path's vertices with points every few metres between them, as pings would fall.</summary>
    static List<double[]> Densify(IReadOnlyList<double[]> path)
    {
        var points = new List<double[]> { path[0] };
        for (var i = 1; i < path.Count; i++)
        {
            var (a, b) = (path[i - 1], path[i]);
            var steps = Math.Max(1, (int)Math.Ceiling(Geo.HaversineMetres(a, b) / MetresPerPing));
            for (var s = 1; s <= steps; s++)
                points.Add([a[0] + (b[0] - a[0]) * s / steps, a[1] + (b[1] - a[1]) * s / steps]);
        }
        return points;
    }

    /// <summary>Codes of a JSON array of stops ({kind, code, …}), sorted.</summary>
    public static string[] Codes(JsonElement stops) =>
        stops.EnumerateArray().Select(s => s.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToArray();
}
