using System.Diagnostics;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// Runs a command to its end as a child process and measures it the same way whatever it is (our import, ogr2ogr):
/// wall time from start to exit, and peak resident memory — the child's VmHWM, read from /proc every 10 ms while it
/// runs. VmHWM only grows, so the last reading is the peak but for what the last 10 ms added (a process's exit
/// allocates nothing); it cannot be read after the exit, as .NET reaps its children at once.
/// </summary>
public static class MeasuredProcess
{
    public sealed record Run(int ExitCode, double Seconds, long PeakBytes, string Output, string Errors)
    {
        public double PeakMiB => PeakBytes / 1048576.0;
    }

    public static async Task<Run> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        long peak = 0;
        while (!exited.IsCompleted)
        {
            try { peak = Math.Max(peak, ProcessMemory.PeakResidentBytes(process.Id)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // exited between the check and the read
            await Task.WhenAny(exited, Task.Delay(10));
        }
        await exited;
        var seconds = clock.Elapsed.TotalSeconds;
        return new Run(process.ExitCode, seconds, peak, await output, await errors);
    }

    /// <summary>Throws with the command's own words when it failed: a benchmark of a failed run measures nothing.</summary>
    public static Run Succeeded(this Run run, string what) => run.ExitCode == 0 ? run
        : throw new InvalidOperationException($"{what} exited with {run.ExitCode}: {run.Errors}{run.Output}".Trim());
}
