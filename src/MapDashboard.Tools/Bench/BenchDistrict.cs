using MapDashboard.Data;
using MapDashboard.Server.Hosting.Cluster;
using MapDashboard.Data.Loading;
using MapDashboard.Data.Migrations;
using MapDashboard.Generator;
using MapDashboard.Generator.Output;
using Npgsql;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// A throw-away private PostGIS cluster under /tmp holding a freshly generated
/// district, for benchmarks. Never touches the run command's cluster.
/// </summary>
public sealed class BenchDistrict : IAsyncDisposable
{
    readonly string _folder;

    BenchDistrict(string folder, PrivateCluster cluster, NpgsqlDataSource db)
    {
        _folder = folder;
        Cluster = cluster;
        Db = db;
    }

    public PrivateCluster Cluster { get; }

    public NpgsqlDataSource Db { get; }

    public static async Task<BenchDistrict> CreateAsync(DistrictSize size, int seed, TextWriter log)
    {
        var folder = Directory.CreateTempSubdirectory("mapdashboard-bench-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var cluster = new PrivateCluster(Path.Combine(folder, "pg"), FreePort(), durable: false);
        await cluster.EnsureStartedAsync();
        // The same connection settings as the server, so a bare query and the endpoint run alike.
        var db = DashboardDataSource.Create(ConnectionSettings.ForDashboard(cluster.ConnectionString));
        await MigrationRunner.ApplyAsync(db);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var files = Path.Combine(folder, "district");
        GeoJsonDistrictWriter.Write(DistrictGenerator.Generate(size, seed), files);
        log.WriteLine($"generated the {size} district in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var loaded = await DistrictLoader.LoadIfEmptyAsync(db, files);
        log.WriteLine($"loaded {loaded.Units} territory units, {loaded.Buildings} buildings, {loaded.Hazards} hazards in {clock.Elapsed.TotalSeconds:F1} s");
        return new BenchDistrict(folder, cluster, db);
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await Cluster.StopAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    internal static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
