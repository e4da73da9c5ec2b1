using Npgsql;

namespace MapDashboard.Server.Hosting;

/// <summary>
/// A chore that runs against the database every <see cref="Interval"/> on
/// every node. A failed run (PostgreSQL restarting, a timeout) is logged and
/// the next tick tries again: one bad minute must not stop the chore for good.
/// </summary>
public abstract class PeriodicDatabaseService(ILogger log) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the chore is called in the log when it fails.</summary>
    protected abstract string Name { get; }

    protected abstract Task RunOnceAsync(CancellationToken stop);

    protected sealed override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : Interval);
        while (!stop.IsCancellationRequested)
        {
            try { await timer.WaitForNextTickAsync(stop); }
            catch (OperationCanceledException) { return; }
            try { await RunOnceAsync(stop); }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                log.LogWarning("{Chore} failed, retrying in {Interval}: {Error}", Name, Interval, e.Message);
            }
        }
    }
}
