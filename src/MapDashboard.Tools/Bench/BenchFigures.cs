namespace MapDashboard.Tools.Bench;

/// <summary>The figures the database benchmarks report the same way: medians of runs, a backend's peak memory.</summary>
public static class BenchFigures
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>/proc/loadavg: the machine is shared, and a figure means little without the load it was measured under.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>VmHWM of a PostgreSQL backend in kB: the high-water mark of its resident set (shared buffers it touched included).</summary>
    public static long PeakResidentKb(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:"))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])).FirstOrDefault();
}
