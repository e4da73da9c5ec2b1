namespace MapDashboard.Server.Hosting.Cluster;

/// <summary>
/// Where the run command keeps its cluster. The preferred place is a git-ignored
/// folder of the checkout; when the checkout sits under a home directory the
/// postgres user cannot enter (e.g. /root), the cluster moves to a stable folder
/// outside it, named after the checkout so two checkouts never share data.
/// </summary>
public static class ClusterLocation
{
    public static string Choose(string preferred)
    {
        var full = Path.GetFullPath(preferred);
        if (!Environment.IsPrivilegedProcess || ParentsAreWorldEnterable(full)) return full;
        var id = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(full)))[..12].ToLowerInvariant();
        return Path.Combine("/var/lib/mapdashboard", id, "pg");
    }

    static bool ParentsAreWorldEnterable(string path)
    {
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (!Directory.Exists(dir)) continue;
            if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) == 0) return false;
        }
        return true;
    }
}
