using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.TestSupport;
using MapDashboard.Tools.Bench;
using Xunit.Abstractions;

namespace MapDashboard.IntegrationTests.Background;

/// <summary>
/// The default run, sped up: the server as its own process on the demo district with the incident stream (a tick
/// every 100 ms instead of 12 s) and the patrol simulator (every 0.5 s) on, and the chores every 2 s. Before
/// background work was supervised, the stream alone stopped the server about every 95 ticks; this covers ~600 (some 360 reports, where ~10 used to be routed nowhere).
/// SOAK_SECONDS sets a longer run (e.g. 3600 for an hour).
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_default_run_sped_up_stays_up_healthy_and_flat_in_memory()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SOAK_SECONDS"), out var s) && s >= 30 ? s : 60;
        var connectionString = await TestCluster.CreateDatabaseAsync("soak");
        await using var server = await ServerProcess.StartAsync(connectionString, 0,
            "--Demo:LoadOnStart=true", $"--Demo:DataDirectory={RepositoryPaths.DemoDistrict}",
            "--Demo:IncidentStream=true", "--Demo:IncidentStreamSeconds=0.1",
            "--Demo:PatrolSimulator=true", "--Demo:PatrolSimulatorSeconds=0.5",
            "--Incidents:EscalationCheckSeconds=2", "--Patrols:Coverage:RefreshSeconds=2");
        using var http = server.CreateClient();

        var started = DateTime.UtcNow;
        var warm = started.AddSeconds(Math.Min(30, seconds / 3));
        long? warmMemory = null;
        var samples = new List<(double At, long Bytes, string Status)>();
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(seconds))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.False(server.HasExited, "the server process stopped");
            var health = await http.GetFromJsonAsync<JsonObject>("api/health");
            var status = (string?)health!["status"] ?? "";
            var bytes = server.WorkingSet();
            samples.Add(((DateTime.UtcNow - started).TotalSeconds, bytes, status));
            Assert.True(status == "ok", $"health is {status}: {health.ToJsonString()}");
            if (warmMemory is null && DateTime.UtcNow >= warm) warmMemory = bytes;
        }

        foreach (var (at, bytes, status) in samples) output.WriteLine($"{at,6:F0} s  {bytes / 1048576.0,7:F1} MiB  {status}");
        var last = samples[^1].Bytes;
        output.WriteLine($"resident memory after warm-up {warmMemory / 1048576.0:F1} MiB, at the end {last / 1048576.0:F1} MiB");
        // Flat: what the run adds after warm-up stays within GC noise, not a steady climb.
        Assert.True(last - warmMemory!.Value < 48L * 1048576, $"resident memory grew from {warmMemory} to {last} bytes after warm-up");
        Assert.True(await ScalarAsync(connectionString, "select count(*) from incident where source = 'demo'") > seconds,
            "the demo stream kept reporting");
    }

    static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var db = Npgsql.NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
