using MapDashboard.Data;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.Server.Hosting.Cluster;
using MapDashboard.Data.Loading;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using MapDashboard.Tools.Bench;
using Npgsql;

namespace MapDashboard.IntegrationTests.Live;

/// <summary>
/// The live contract under failure, with the server as a real separate
/// process (so it can be killed with SIGKILL) and the real npm SignalR client.
/// The client must end with every change exactly once, in order.
/// </summary>
public class FaultTests
{
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_client_gets_every_change_exactly_once_in_order_across_a_kill_9_of_the_server()
    {
        var connectionString = await DemoDatabaseAsync("kill9", await TestCluster.GetAsync());
        await using var db = DashboardDataSource.Create(connectionString);
        var port = TestCluster.FreePort();
        var server = await ServerProcess.StartAsync(connectionString, port);
        var since = await LiveSql.NewestSeqAsync(db);
        var at = await LiveSql.PointInsideAsync(db, "community", 1);
        await using var client = RecordingLiveClient.Start(server, new { layers = new[] { "hazards" }, sinceSeq = since }, resume: true);
        await client.SubscribedAsync();

        var writer = new ChangeWriter(connectionString, (at.Lon, at.Lat), "K9");
        var writing = writer.WriteAsync(120, TimeSpan.FromMilliseconds(20));
        await Task.Delay(800);
        await server.KillAsync();
        await Task.Delay(1500); // writes go on while no server runs
        await using var restarted = await ServerProcess.StartAsync(connectionString, port);
        await writing;

        await AssertExactlyOnceInOrder(client, db, since, writer.Committed.Count);
        Assert.True(client.Events.Count(e => (string?)e["event"] == "subscribed") >= 2, "the client should have subscribed again after the kill");
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_client_gets_every_change_exactly_once_in_order_across_a_PostgreSQL_restart()
    {
        var folder = Directory.CreateTempSubdirectory("mapdashboard-pgrestart-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var cluster = new PrivateCluster(Path.Combine(folder, "pg"), TestCluster.FreePort(), durable: false);
        try
        {
            await cluster.EnsureStartedAsync();
            var connectionString = await DemoDatabaseAsync("pgrestart", cluster);
            await using var db = DashboardDataSource.Create(connectionString + ";Pooling=false");
            await using var server = await ServerProcess.StartAsync(connectionString);
            var since = await LiveSql.NewestSeqAsync(db);
            var at = await LiveSql.PointInsideAsync(db, "community", 2);
            await using var client = RecordingLiveClient.Start(server, new { layers = new[] { "hazards" }, sinceSeq = since }, resume: true);
            await client.SubscribedAsync();

            var writer = new ChangeWriter(connectionString, (at.Lon, at.Lat), "PG");
            var writing = writer.WriteAsync(120, TimeSpan.FromMilliseconds(20));
            await Task.Delay(800);
            await cluster.StopAsync();
            await AssertAnOutageIsAnswered503WithRetryAfter(server);
            await Task.Delay(1000);
            await cluster.EnsureStartedAsync();
            await writing;

            await AssertExactlyOnceInOrder(client, db, since, writer.Committed.Count);
        }
        finally
        {
            await cluster.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_client_offline_longer_than_retention_is_told_to_resync_and_recovers_by_reloading()
    {
        var connectionString = await DemoDatabaseAsync("retention", await TestCluster.GetAsync());
        await using var db = DashboardDataSource.Create(connectionString);
        await using var server = await ServerProcess.StartAsync(connectionString, 0,
            "--Live:RetentionSeconds=1", "--Live:PruneEverySeconds=1");
        var since = await LiveSql.NewestSeqAsync(db);
        var at = await LiveSql.PointInsideAsync(db, "community", 0);
        await LiveSql.InsertHazardAsync(db, "OLD-1", (at.Lon, at.Lat));
        await LiveSql.InsertHazardAsync(db, "OLD-2", (at.Lon, at.Lat));
        await WaitUntilPrunedAsync(db, since + 2);

        // The client comes back asking for changes the log no longer holds.
        await using var client = RecordingLiveClient.Start(server, new { layers = new[] { "hazards" }, sinceSeq = since }, resume: true);
        var resync = await client.WaitForAsync(e => (string?)e["event"] == "resync", Settle, "the resync notice");
        Assert.Contains("keeps changes after seq", (string?)resync["reason"]);
        await client.WaitForAsync(e => (string?)e["event"] == "subscribed" && (bool?)e["resync"] == false, Settle, "the subscription after reloading");

        await LiveSql.InsertHazardAsync(db, "NEW-1", (at.Lon, at.Lat));
        await client.WaitForAsync(e => (string?)e["event"] == "changes" && e["items"]!.AsArray().Any(i => (string?)i!["code"] == "NEW-1"),
            Settle, "a change after recovery");
        Assert.DoesNotContain(client.ChangeItems(), i => ((string?)i["code"])?.StartsWith("OLD") == true);
    }

    [Fact]
    public async Task A_change_written_through_node_A_reaches_a_client_of_node_B()
    {
        var connectionString = await DemoDatabaseAsync("twonodes", await TestCluster.GetAsync());
        await using var db = DashboardDataSource.Create(connectionString);
        await using var nodeA = await ServerProcess.StartAsync(connectionString);
        await using var nodeB = await ServerProcess.StartAsync(connectionString);
        var since = await LiveSql.NewestSeqAsync(db);
        await using var clientOfB = RecordingLiveClient.Start(nodeB, new { layers = new[] { "hazards" }, sinceSeq = since });
        await using var clientOfA = RecordingLiveClient.Start(nodeA, new { layers = new[] { "hazards" }, sinceSeq = since });
        await clientOfB.SubscribedAsync();
        await clientOfA.SubscribedAsync();
        await using var cmd = db.CreateCommand("select code from hazard order by code limit 1");
        var code = (string)(await cmd.ExecuteScalarAsync())!;

        using var http = nodeA.CreateClient();
        (await http.PatchAsJsonAsync($"api/hazards/{code}", new { severity = "critical" })).EnsureSuccessStatusCode();

        foreach (var client in new[] { clientOfB, clientOfA })
        {
            var batch = await client.WaitForAsync(e => (string?)e["event"] == "changes"
                && e["items"]!.AsArray().Any(i => (string?)i!["code"] == code), Settle, $"hazard {code}'s change");
            var item = batch["items"]!.AsArray().First(i => (string?)i!["code"] == code)!;
            Assert.Equal("critical", (string?)item["feature"]!["properties"]!["severity"]);
        }
    }

    static async Task AssertExactlyOnceInOrder(RecordingLiveClient client, NpgsqlDataSource db, long since, int committed)
    {
        var logged = await LiveSql.LoggedSeqsAsync(db, "hazards", since);
        Assert.Equal(committed, logged.Count);
        await client.WaitForAsync(e => (string?)e["event"] == "changes" && e["items"]!.AsArray().Any(i => (long)i!["seq"]! == logged[^1]),
            Settle, $"the last change, seq {logged[^1]}");
        var received = client.ChangeItems().Select(i => (long)i["seq"]!).ToList();
        Assert.Equal(logged, received); // every change, once, in order: no loss, no duplicate
    }

    static async Task WaitUntilPrunedAsync(NpgsqlDataSource db, long through)
    {
        var deadline = DateTime.UtcNow + Settle;
        while (DateTime.UtcNow < deadline)
        {
            await using var cmd = db.CreateCommand("select pruned_through from change_log_horizon");
            if ((long)(await cmd.ExecuteScalarAsync())! >= through) return;
            await Task.Delay(200);
        }
        Assert.Fail($"retention did not prune through seq {through}");
    }

    /// <summary>While PostgreSQL is down a request that needs it is an outage the client may retry, not a server bug.</summary>
    static async Task AssertAnOutageIsAnswered503WithRetryAfter(ServerProcess server)
    {
        using var http = server.CreateClient();
        using var answer = await http.GetAsync("/api/territory");
        var problem = await answer.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);
        Assert.Equal("Database unavailable", (string?)problem!["title"]);
    }

    /// <summary>A database of its own with the schema and the demo district, for servers started as processes.</summary>
    static async Task<string> DemoDatabaseAsync(string name, PrivateCluster cluster)
    {
        var database = $"fault_{name}";
        await cluster.CreateDatabaseAsync(database);
        var connectionString = cluster.ConnectionStringFor(database);
        await using var db = DashboardDataSource.Create(connectionString);
        await MigrationRunner.ApplyAsync(db);
        await DistrictLoader.LoadIfEmptyAsync(db, RepositoryPaths.DemoDistrict);
        return connectionString;
    }
}
