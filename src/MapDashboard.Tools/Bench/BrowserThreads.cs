namespace MapDashboard.Tools.Bench;

/// <summary>
/// CPU time of every thread of the chromium this benchmark started (its processes descend from this one, through
/// Playwright's driver), grouped by process type and thread name, from /proc. The page's main thread is one of them:
/// with software rendering the compositing of the page's layers (the renderer's compositor and raster threads, the
/// GPU process' display compositor) runs beside it and takes the same two cores, yet no in-page figure sees it.
/// </summary>
public static class BrowserThreads
{
    const double TicksPerSecond = 100; // USER_HZ: /proc/*/stat counts CPU time in ticks of 1/100 s on Linux
    const int Shown = 6;

    /// <summary>CPU milliseconds so far per "process type / thread name" (empty where /proc is missing).</summary>
    public static Dictionary<string, double> Sample()
    {
        var totals = new Dictionary<string, double>();
        if (!Directory.Exists("/proc")) return totals;
        foreach (var pid in ChromiumDescendants())
        {
            var type = ProcessType(pid);
            foreach (var task in SafeDirectories($"/proc/{pid}/task"))
            {
                var ms = CpuMs($"{task}/stat");
                if (ms is null) continue;
                var name = Read($"{task}/comm")?.Trim() ?? "?";
                // Numbered pools (CompositorTileW1, ThreadPoolForeg3…) counted as one.
                var key = $"{type}/{name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')}";
                totals[key] = totals.GetValueOrDefault(key) + ms.Value;
            }
        }
        return totals;
    }

    /// <summary>One line: the whole browser's CPU ms a second over the window, then its largest threads.</summary>
    public static string Describe(Dictionary<string, double> before, Dictionary<string, double> after, double seconds)
    {
        var used = after.Select(a => (a.Key, Ms: a.Value - before.GetValueOrDefault(a.Key))).Where(u => u.Ms > 0)
            .OrderByDescending(u => u.Ms).ToList();
        if (used.Count == 0) return "browser CPU: not read (no /proc)";
        var top = string.Join(", ", used.Take(Shown).Select(u => $"{u.Key} {u.Ms / seconds:F0}"));
        return $"browser CPU, all threads: {used.Sum(u => u.Ms) / seconds:F0} ms/s; largest (ms/s): {top}";
    }

    static IEnumerable<int> ChromiumDescendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in SafeDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var stat = Read($"{dir}/stat");
            if (stat is null) continue;
            // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            parents[pid] = int.Parse(fields[1]);
        }
        var self = Environment.ProcessId;
        bool Descends(int pid)
        {
            for (var p = pid; parents.TryGetValue(p, out var parent) && p > 1; p = parent)
                if (parent == self) return true;
            return false;
        }
        return parents.Keys.Where(p => Descends(p) && Read($"/proc/{p}/comm")?.Trim() is "chromium" or "chrome");
    }

    static string ProcessType(int pid)
    {
        // Chromium rewrites its command line as one space-separated title: split on both.
        var args = Read($"/proc/{pid}/cmdline")?.Split('\0', ' ') ?? [];
        var type = args.FirstOrDefault(a => a.StartsWith("--type="));
        return type is null ? "browser" : type["--type=".Length..];
    }

    static double? CpuMs(string statPath)
    {
        var stat = Read(statPath);
        if (stat is null) return null;
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime: fields 14 and 15 of stat, at 11 and 12 once "pid (comm) " is cut off.
        return (long.Parse(fields[11]) + long.Parse(fields[12])) * 1000 / TicksPerSecond;
    }

    static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; } // the process or thread ended meanwhile
        catch (UnauthorizedAccessException) { return null; }
    }

    static IEnumerable<string> SafeDirectories(string path)
    {
        try { return Directory.GetDirectories(path); }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }
}
