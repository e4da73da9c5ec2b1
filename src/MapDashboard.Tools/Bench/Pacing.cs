using System.Diagnostics;

namespace MapDashboard.Tools.Bench;

/// <summary>Waiting for the moment a paced load's next step is due.</summary>
public static class Pacing
{
    /// <summary>
    /// Waits until <paramref name="clock"/> reads <paramref name="due"/>; returns at once when it is past. The clock is
    /// read once: read twice ("if due > Elapsed, wait due − Elapsed"), a thread descheduled between the two reads on a
    /// loaded machine computed a negative delay, Task.Delay threw, and the load's loop died without a word (a wall soak
    /// lost its hazard changes for its last 37 minutes so).
    /// </summary>
    public static Task UntilAsync(Stopwatch clock, TimeSpan due, CancellationToken cancel = default)
    {
        var wait = due - clock.Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancel) : Task.CompletedTask;
    }
}
