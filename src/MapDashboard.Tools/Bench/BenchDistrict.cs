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
/// district, for benchmarks (its generated files kept beside it, or only those when it is not loaded). Never
/// touches the run command's cluster.
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

    /// <summary>The folder of the generated district's files (GeoJSON, as data/README.md specifies), until disposed.</summary>
    public string Files => Path.Combine(_folder, "district");

    /// <summary>A scratch folder for the benchmark's own files, removed with the cluster.</summary>
    public string Scratch => Directory.CreateDirectory(Path.Combine(_folder, "scratch")).FullName;

    /// <param name="load">false: the database is migrated but left empty (the files are generated all the same)</param>
    public static async Task<BenchDistrict> CreateAsync(DistrictSize size, int seed, TextWriter log, bool load = true)
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
        if (!load) return new BenchDistrict(folder, cluster, db);
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
