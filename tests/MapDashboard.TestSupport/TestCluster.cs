using System.Net;
using System.Net.Sockets;
using MapDashboard.Server.Hosting.Cluster;

namespace MapDashboard.TestSupport;

/// <summary>
/// One real PostGIS cluster per test process, in a fresh folder under /tmp
/// (CI clones the project to a folder the postgres user may not enter) on a
/// free port, so tests never touch the run command's cluster. fsync is off:
/// the data is thrown away. Each fixture gets its own database in it.
/// </summary>
public static class TestCluster
{
    static readonly Lazy<Task<PrivateCluster>> Shared = new(StartAsync);
    static int _databases;

    public static Task<PrivateCluster> GetAsync() => Shared.Value;

    /// <summary>A new, empty database in the shared cluster; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var cluster = await GetAsync();
        var name = $"{Sanitise(purpose)}_{Interlocked.Increment(ref _databases)}";
        await cluster.CreateDatabaseAsync(name);
        return cluster.ConnectionStringFor(name);
    }

    const string Prefix = "mapdashboard-test-", OwnerFile = "owner.pid";

    static async Task<PrivateCluster> StartAsync()
    {
        await StaleClusters.SweepAsync(Prefix, OwnerFile);
        var folder = Directory.CreateTempSubdirectory(Prefix).FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        // Whose cluster this is: a test process killed by a time-out never reaches ProcessExit below, and the next
        // run's sweep stops and deletes the clusters whose owner is gone (each is ~2 GB; they once filled the disk).
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cluster = new PrivateCluster(Path.Combine(folder, "pg"), FreePort(), durable: false);
        await cluster.EnsureStartedAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        return cluster;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string Sanitise(string purpose) =>
        new string(purpose.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()).Trim('_') is { Length: > 0 } s
            ? "t_" + s[..Math.Min(s.Length, 40)]
            : "t";
}
