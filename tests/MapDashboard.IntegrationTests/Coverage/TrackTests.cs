using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using Npgsql;
using static MapDashboard.IntegrationTests.Coverage.CoverageJson;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>GET /api/patrols/tracks and the stored tracks behind it.</summary>
[Collection(CoverageCollection.Name)]
public class TrackTests(CoverageDistrict district)
{
    readonly HttpClient _http = district.Host.CreateRealClient();

    [Fact]
    public async Task A_track_is_one_line_per_worker_and_breaks_where_the_pings_stop_for_too_long()
    {
        var tracks = await GetAsync(_http, "api/patrols/tracks?grid=G2&reveal=true"); // the worker's name, revealed
        var w2 = Assert.Single(tracks.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetString() == "W2");
        var geometry = w2.GetProperty("geometry");
        Assert.Equal("MultiLineString", geometry.GetProperty("type").GetString());
        Assert.Equal(2, geometry.GetProperty("coordinates").GetArrayLength());
        var p = w2.GetProperty("properties");
        Assert.Equal(150, p.GetProperty("metres").GetDouble(), 1);
        Assert.Equal(32, p.GetProperty("pings").GetInt32()); // the flagged ping is not among them
        Assert.Equal("G2", p.GetProperty("grid").GetString());
        Assert.Equal("二号网格员", p.GetProperty("workerName").GetString());
    }

    [Fact]
    public async Task Tracks_filter_by_worker_and_by_the_grid_they_enter()
    {
        var w1 = await GetAsync(_http, "api/patrols/tracks?worker=W1");
        var feature = Assert.Single(w1.GetProperty("features").EnumerateArray());
        Assert.Equal(200, feature.GetProperty("properties").GetProperty("metres").GetDouble(), 1);
        Assert.Equal(41, feature.GetProperty("properties").GetProperty("pings").GetInt32());
        var inG1 = await GetAsync(_http, "api/patrols/tracks?grid=G1");
        Assert.DoesNotContain(inG1.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetString() == "W2");
        var longAgo = await GetAsync(_http, "api/patrols/tracks?date=2020-01-01");
        Assert.Equal(0, longAgo.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Pings_committed_since_the_last_refresh_are_in_the_next_answer()
    {
        static double Metres(System.Text.Json.JsonElement tracks) =>
            tracks.GetProperty("features").EnumerateArray().Sum(f => f.GetProperty("properties").GetProperty("metres").GetDouble());
        var before = Metres(await GetAsync(_http, "api/patrols/tracks?worker=W3"));
        // 50 m along the top of G2, where nothing is to be visited: the other tests' answers stay as drawn.
        await using (var conn = await district.Db.OpenConnectionAsync())
        await using (var insert = new NpgsqlCommand("""
            insert into patrol_ping (worker_id, recorded_at, location)
            select (select id from person where code = 'W3'), @start + make_interval(secs => i * 5),
                   ST_Transform(ST_SetSRID(ST_MakePoint(390450 + i * 5, 3990290), 32648), 4326)
            from generate_series(0, 10) i
            """, conn))
        {
            insert.Parameters.AddWithValue("start", Max(DateTimeOffset.UtcNow.AddMinutes(-3), CoverageDistrict.TodayStart).ToUniversalTime());
            await insert.ExecuteNonQueryAsync();
        }
        Assert.Equal(before + 50, Metres(await GetAsync(_http, "api/patrols/tracks?worker=W3")), 1);
    }

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [Fact]
    public async Task A_walk_across_the_top_of_an_hour_is_measured_once_with_each_visit_at_its_closest_approach()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        // Ten days ago (outside every window), 07:59:00 UTC + 5 s steps: the hour turns 60 s into the walk,
        // 10 s after the closest approach to H1 (at +50 s) and 40 s before B1's (at +100 s).
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-10).AddHours(7).AddMinutes(59), TimeSpan.Zero);
        await using (var insert = new NpgsqlCommand("""
            insert into person (code, name, role) values ('W9', '九号', 'volunteer');
            insert into patrol_ping (worker_id, recorded_at, location)
            select (select id from person where code = 'W9'), @start + make_interval(secs => i * 5),
                   ST_Transform(ST_SetSRID(ST_MakePoint(390100 + i * 5, 3990150), 32648), 4326)
            from generate_series(0, 40) i;
            """, conn))
        {
            insert.Parameters.AddWithValue("start", start);
            await insert.ExecuteNonQueryAsync();
        }
        try
        {
            await CoverageRefresher.DrainAsync(conn);
            var pieces = await conn.ScalarAsync<long>("select count(*) from patrol_track where worker_id = (select id from person where code = 'W9')");
            var metres = await conn.ScalarAsync<double>("select sum(metres) from patrol_track where worker_id = (select id from person where code = 'W9')");
            Assert.Equal(2, pieces);
            Assert.Equal(200, metres, 3);
            await using var visits = new NpgsqlCommand("""
                select a.code, v.visited_at from patrol_visit v join patrol_asset a on a.kind = v.asset_kind and a.id = v.asset_id
                where v.worker_id = (select id from person where code = 'W9') order by a.code
                """, conn);
            var seen = new List<(string Code, DateTime At)>();
            await using (var reader = await visits.ExecuteReaderAsync())
                while (await reader.ReadAsync()) seen.Add((reader.GetString(0), reader.GetDateTime(1)));
            Assert.Equal(["B1", "B3", "H1"], seen.Select(s => s.Code));
            Assert.Equal([100.0, 200, 50], seen.Select(s => Math.Round((s.At - start.UtcDateTime).TotalSeconds, 1)));
        }
        finally
        {
            // The walker's pings, then the walker and everything cut from their pings (those foreign keys cascade).
            await using var remove = new NpgsqlCommand("""
                delete from patrol_ping where worker_id = (select id from person where code = 'W9');
                delete from person where code = 'W9';
                """, conn);
            await remove.ExecuteNonQueryAsync();
        }
    }
}
