using System.Diagnostics;
using MapDashboard.Server.Hosting.Cluster;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Hosting;

/// <summary>
/// A test process killed by a time-out leaves its cluster running in /tmp (~2 GB each; they once filled the disk):
/// the next test run stops and deletes it, and leaves alone the clusters of test processes still running.
/// </summary>
public class StaleClusterSweepTests
{
    const string Prefix = "mapdashboard-sweep-check-", Owner = "owner.pid";

    [Fact]
    public async Task A_cluster_whose_test_process_died_is_stopped_and_deleted_and_one_whose_process_lives_is_kept()
    {
        using var gone = Process.Start("true")!;
        await gone.WaitForExitAsync();
        var (staleFolder, stale) = await StartClusterOwnedByAsync(gone.Id);
        var liveFolder = Directory.CreateTempSubdirectory(Prefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(liveFolder, Owner), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await using (var before = new NpgsqlConnection(stale.ConnectionString)) await before.OpenAsync();

            await StaleClusters.SweepAsync(Prefix, Owner);

            Assert.False(Directory.Exists(staleFolder));
            await using var after = new NpgsqlConnection(stale.ConnectionString + ";Timeout=3");
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => after.OpenAsync());
            Assert.True(Directory.Exists(liveFolder));
        }
        finally
        {
            if (Directory.Exists(staleFolder)) { await stale.StopAsync(); Directory.Delete(staleFolder, recursive: true); }
            Directory.Delete(liveFolder, recursive: true);
        }
    }

    static async Task<(string Folder, PrivateCluster Cluster)> StartClusterOwnedByAsync(int pid)
    {
        var folder = Directory.CreateTempSubdirectory(Prefix).FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var cluster = new PrivateCluster(Path.Combine(folder, "pg"), TestCluster.FreePort(), durable: false);
        await cluster.EnsureStartedAsync();
        await File.WriteAllTextAsync(Path.Combine(folder, Owner), pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (folder, cluster);
    }
}
