using MapDashboard.Server.Hosting.Cluster;

namespace MapDashboard.TestSupport;

/// <summary>
/// Clears the test clusters left by test processes that died without their cleanup (killed by a time-out, a crash):
/// their PostgreSQL is stopped and their folder deleted. A cluster is left alone while the process named in its owner
/// file lives, and so is a folder without an owner file (made by something else, or being made right now).
/// </summary>
public static class StaleClusters
{
    public static async Task SweepAsync(string prefix, string ownerFile)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
        {
            if (!int.TryParse(ReadOrNull(Path.Combine(folder, ownerFile)), out var owner) || IsAlive(owner)) continue;
            try
            {
                var data = Path.Combine(folder, "pg");
                // Stopping needs no port (pg_ctl finds the postmaster by its data folder).
                if (File.Exists(Path.Combine(data, "PG_VERSION"))) await new PrivateCluster(data, 0, durable: false).StopAsync();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another test process may be sweeping the same folder at the same moment; the next run tries again.
                Console.Error.WriteLine($"test clusters: could not clear {folder}: {e.Message}");
            }
        }
    }

    static string? ReadOrNull(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (IOException) { return null; }
    }

    static bool IsAlive(int pid)
    {
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }
}
