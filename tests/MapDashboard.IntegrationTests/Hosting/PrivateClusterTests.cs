using MapDashboard.Data;
using MapDashboard.Server.Hosting.Cluster;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Hosting;

public class PrivateClusterTests
{
    [Fact]
    public async Task A_second_start_reuses_the_cluster_and_its_data_survives_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("mapdashboard-cluster-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var cluster = new PrivateCluster(Path.Combine(folder, "pg"), TestCluster.FreePort(), durable: true);
        try
        {
            await cluster.EnsureStartedAsync();
            await using (var conn = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false"))
            {
                await conn.OpenAsync();
                await conn.ExecuteAsync("create table kept (v text); insert into kept values ('survives')");
            }

            await cluster.EnsureStartedAsync(); // already running: a no-op, not a second initdb
            await cluster.StopAsync();
            await cluster.EnsureStartedAsync(); // stopped: started again on the same data

            await using var again = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
            await again.OpenAsync();
            Assert.Equal("survives", await again.ScalarAsync<string>("select v from kept"));
            Assert.Equal("on", await again.ScalarAsync<string>("show fsync"));
        }
        finally
        {
            await cluster.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
