namespace MapDashboard.Tools.Bench;

/// <summary>
/// A process's resident memory from /proc: now (VmRSS) and its peak (VmHWM), which can be reset between phases
/// (writing 5 to clear_refs, Linux ≥ 4.0), so each phase reports its own peak. Resident memory counts managed and
/// native memory alike (SkiaSharp's bitmaps are native).
/// </summary>
public static class ProcessMemory
{
    public static long ResidentBytes(int pid) => Field(pid, "VmRSS:");

    public static long PeakResidentBytes(int pid) => Field(pid, "VmHWM:");

    /// <summary>Starts a new peak from the present resident size.</summary>
    public static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    static long Field(int pid, string name) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).FirstOrDefault();
}
