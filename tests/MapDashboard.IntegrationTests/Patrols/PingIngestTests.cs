using System.Net;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Live;
using static MapDashboard.IntegrationTests.Patrols.PingPoster;

namespace MapDashboard.IntegrationTests.Patrols;

[Collection(PatrolCollection.Name)]
public class PingIngestTests(PatrolHost host)
{
    static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 7200);

    async Task<long> PingCountAsync(string worker) =>
        await host.ScalarAsync<long>("select count(*) from patrol_ping where worker_id = (select id from person where code = @w)", ("w", worker));

    async Task<long> WorkerChangesAsync() => await host.ScalarAsync<long>("select count(*) from change_log where layer = 'workers'");

    [Fact]
    public async Task A_batch_is_stored_in_full_and_logs_one_live_change_the_workers_newest_position()
    {
        var (worker, _, lon, lat) = await host.WorkerInGridAsync(2);
        var personId = await host.ScalarAsync<int>("select id from person where code = @w", ("w", worker));
        var since = await LiveSql.NewestSeqAsync(host.Db);
        await using var wall = RecordingLiveClient.Start(host, new { layers = new[] { "workers" }, sinceSeq = since });
        await wall.SubscribedAsync();
        await host.PublishPositionsAsync(); // earlier tests' moves, so the count below is this test's alone
        var changesBefore = await WorkerChangesAsync();
        using var http = host.CreateRealClient();

        var answer = await AcceptedAsync(http,
            new Ping(worker, Start, lon, lat),
            new Ping(worker, Start.AddSeconds(5), lon + 0.00005, lat),
            new Ping(worker, Start.AddSeconds(10), lon + 0.0001, lat));

        Assert.Equal(3, (int)answer["stored"]!);
        Assert.Equal(0, (int)answer["duplicates"]!);
        Assert.Empty(answer["flagged"]!.AsArray());
        Assert.Equal(3, await PingCountAsync(worker));
        await host.PublishPositionsAsync();
        Assert.Equal(changesBefore + 1, await WorkerChangesAsync()); // one per worker per batch, not one per ping
        var logged = await host.ScalarAsync<string>(
            "select feature->'properties'->>'recordedAt' from change_log where layer = 'workers' and feature_id = @id order by seq desc limit 1", ("id", (long)personId));
        Assert.Equal(Start.AddSeconds(10), DateTimeOffset.Parse(logged));
        await wall.WaitForAsync(e => (string?)e["event"] == "positions" && e["ids"]!.AsArray().Any(i => (int)i! == personId),
            TimeSpan.FromSeconds(20), "the worker's new position");
    }

    [Fact]
    public async Task A_retried_batch_stores_nothing_twice_and_reports_duplicates()
    {
        var (worker, _, lon, lat) = await host.WorkerInGridAsync(3);
        using var http = host.CreateRealClient();
        Ping[] batch = [new(worker, Start.AddMilliseconds(250), lon, lat), new(worker, Start.AddSeconds(5).AddMilliseconds(250), lon, lat + 0.00003)];
        await AcceptedAsync(http, batch);
        var rows = await host.WrittenRowsAsync();

        var retry = await AcceptedAsync(http, [.. batch, batch[1]]);

        Assert.Equal(0, (int)retry["stored"]!);
        Assert.Equal(3, (int)retry["duplicates"]!);
        Assert.Equal(rows, await host.WrittenRowsAsync());
        Assert.Equal(2, await PingCountAsync(worker));
    }

    [Fact]
    public async Task A_late_ping_is_accepted_and_its_speed_is_judged_against_its_time_neighbours_not_the_newest_ping()
    {
        var (worker, _, lon, lat) = await host.WorkerInGridAsync(4);
        using var http = host.CreateRealClient();
        var far = Offset(lon, lat, 500, 0);
        // Stored: t0 at P, t100 500 m east (5 m/s: walking briskly, a bicycle at worst).
        await AcceptedAsync(http, new Ping(worker, Start, lon, lat), new Ping(worker, Start.AddSeconds(100), far.Lon, far.Lat));

        // Arriving last but recorded at t50, halfway: 250 m from each neighbour in 50 s. Against the newest
        // ping in arrival order (t100) it would be judged backwards in time; against its neighbours it is fine.
        var halfway = Offset(lon, lat, 250, 0);
        var late = await AcceptedAsync(http, new Ping(worker, Start.AddSeconds(50), halfway.Lon, halfway.Lat));
        Assert.Equal(1, (int)late["stored"]!);
        Assert.Empty(late["flagged"]!.AsArray());

        // Recorded at t60 but 2 km north of both neighbours (t50 and t100): impossible.
        var jump = Offset(lon, lat, 300, 2000);
        var glitch = await AcceptedAsync(http, new Ping(worker, Start.AddSeconds(60), jump.Lon, jump.Lat));
        var flagged = Assert.Single(glitch["flagged"]!.AsArray())!;
        Assert.Equal(0, (int)flagged["index"]!);
        Assert.Equal(worker, (string?)flagged["worker"]);
        Assert.Equal("impossible_speed", (string?)flagged["reason"]);
        Assert.Equal("impossible_speed", await host.ScalarAsync<string>(
            "select flag from patrol_ping where worker_id = (select id from person where code = @w) and recorded_at = @t",
            ("w", worker), ("t", Start.AddSeconds(60).UtcDateTime)));
        Assert.Equal(4, await PingCountAsync(worker));
    }

    [Fact]
    public async Task A_late_batch_spanning_a_stored_ping_judges_each_ping_against_its_own_neighbours()
    {
        var (worker, _, lon, lat) = await host.WorkerInGridAsync(11);
        using var http = host.CreateRealClient();
        var east = Offset(lon, lat, 600, 0);
        // Stored: t0 at P, t100 600 m east (6 m/s).
        await AcceptedAsync(http, new Ping(worker, Start, lon, lat), new Ping(worker, Start.AddSeconds(100), east.Lon, east.Lat));

        // One late batch around the stored t100: t10 just east of P (fine after t0), and t190 1 km north of P.
        // t190's previous neighbour is the stored t100 inside the batch's span, 1.1 km away in 90 s: impossible.
        // Judged against the batch's own t10 instead it would pass (1 km in 180 s).
        var near = Offset(lon, lat, 50, 0);
        var north = Offset(lon, lat, 50, 1000);
        var batch = await AcceptedAsync(http, new Ping(worker, Start.AddSeconds(10), near.Lon, near.Lat),
            new Ping(worker, Start.AddSeconds(190), north.Lon, north.Lat));

        Assert.Equal(2, (int)batch["stored"]!);
        var flagged = Assert.Single(batch["flagged"]!.AsArray())!;
        Assert.Equal(1, (int)flagged["index"]!);
        Assert.Equal("impossible_speed", (string?)flagged["reason"]);
    }

    public static TheoryData<string, string, string> Rejections => new()
    {
        { "swapped", "lat", "swapped_coordinates" },
        { "far-east", "lon", "out_of_range" },
        { "beijing", "lat", "out_of_range" },
        { "future", "recordedAt", "in_future" },
        { "stranger", "worker", "unknown_worker" },
        { "no-lat", "lat", "missing" },
        { "local-time", "recordedAt", "invalid" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_batch_with_one_bad_ping_is_refused_by_index_and_nothing_of_it_is_written(string fault, string field, string reason)
    {
        var (worker, _, lon, lat) = await host.WorkerInGridAsync(5);
        var good = new { worker, recordedAt = Start.ToString("O"), lon, lat, accuracy = 5.0 };
        object bad = fault switch
        {
            "swapped" => good with { lon = lat, lat = lon },
            "far-east" => good with { lon = lon + 1.0 },
            "beijing" => good with { lon = 116.4, lat = 39.9 },
            "future" => good with { recordedAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O") },
            "stranger" => good with { worker = "NOBODY" },
            "no-lat" => new { worker, recordedAt = Start.AddSeconds(5).ToString("O"), lon },
            "local-time" => good with { recordedAt = "2026-11-22T09:30:00" },
            _ => throw new ArgumentException(fault),
        };
        var rows = await host.WrittenRowsAsync();
        using var http = host.CreateRealClient();

        var response = await http.PostAsync("api/patrols/pings", System.Net.Http.Json.JsonContent.Create(new { pings = new[] { good, bad } }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("1 of 2 pings rejected, nothing was stored", (string?)problem["detail"]);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal(1, (int)error["index"]!);
        Assert.Equal(field, (string?)error["field"]);
        Assert.Equal(reason, (string?)error["reason"]);
        Assert.Equal(rows, await host.WrittenRowsAsync());
    }

    [Fact]
    public async Task A_poor_fix_is_stored_flagged_and_is_never_the_workers_position()
    {
        var (worker, grid, lon, lat) = await host.WorkerInGridAsync(6);
        await host.PublishPositionsAsync(); // earlier tests' moves, so the count below is this test's alone
        var changes = await WorkerChangesAsync();
        using var http = host.CreateRealClient();

        var answer = await AcceptedAsync(http, new Ping(worker, Start, lon, lat, Accuracy: 120));

        Assert.Equal(1, (int)answer["stored"]!);
        Assert.Equal("poor_accuracy", (string?)Assert.Single(answer["flagged"]!.AsArray())!["reason"]);
        Assert.Equal("poor_accuracy", await host.ScalarAsync<string>(
            "select flag from patrol_ping where worker_id = (select id from person where code = @w)", ("w", worker)));
        await host.PublishPositionsAsync();
        Assert.Equal(changes, await WorkerChangesAsync());
        var listed = JsonNode.Parse(await http.GetStringAsync($"api/patrols/workers?grid={grid}"))!.AsArray();
        var entry = Assert.Single(listed, w => (string?)w!["code"] == worker)!;
        Assert.Null(entry["lon"]);
        Assert.Null(entry["recordedAt"]);
    }

    [Fact]
    public async Task The_workers_snapshot_lists_each_workers_latest_trusted_ping_with_its_age()
    {
        var (worker, grid, lon, lat) = await host.WorkerInGridAsync(7);
        using var http = host.CreateRealClient();
        var now = DateTimeOffset.UtcNow.AddSeconds(-30);
        var moved = Offset(lon, lat, 20, 0);
        await AcceptedAsync(http, new Ping(worker, now.AddSeconds(-10), lon, lat, 4), new Ping(worker, now, moved.Lon, moved.Lat, 6));

        var all = JsonNode.Parse(await http.GetStringAsync("api/patrols/workers"))!.AsArray();
        Assert.Equal(await host.ScalarAsync<long>("select count(*) from person where role = 'grid_worker'"), all.Count);
        var inGrid = JsonNode.Parse(await http.GetStringAsync($"api/patrols/workers?grid={grid}"))!.AsArray();
        var entry = Assert.Single(inGrid)!;
        Assert.Equal(worker, (string?)entry["code"]);
        Assert.Equal(grid, (string?)entry["grid"]);
        Assert.False(string.IsNullOrEmpty((string?)entry["name"]));
        Assert.Equal(moved.Lon, (double)entry["lon"]!, 6);
        Assert.Equal(moved.Lat, (double)entry["lat"]!, 6);
        Assert.Equal(now.ToUnixTimeMilliseconds(), DateTimeOffset.Parse((string)entry["recordedAt"]!).ToUnixTimeMilliseconds());
        Assert.InRange((double)entry["ageSeconds"]!, 29, 600);
        Assert.Equal(6, (double)entry["accuracy"]!);

        var unknown = await http.GetAsync("api/patrols/workers?grid=NOPE");
        await Api.ProblemAssert.IsProblem(unknown, HttpStatusCode.NotFound, "no community, dedicated or micro grid has code 'NOPE'");
    }
}
