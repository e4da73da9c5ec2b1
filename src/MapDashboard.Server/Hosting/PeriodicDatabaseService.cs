using MapDashboard.Data;

namespace MapDashboard.Server.Hosting;

/// <summary>
/// A chore that runs against the database every <see cref="Interval"/> on every node. A run that fails is
/// logged and shown in /api/health, and the chore carries on: while the database is away (restarting, a
/// timeout) the next tick simply tries again; a run that fails by itself waits longer each time (the interval
/// doubled per failure, at most 32 intervals or five minutes) so that a persistent fault is not retried in a
/// tight loop. Units of work a chore can name (a worker-hour, an incident) are set aside by the chore itself.
/// </summary>
public abstract class PeriodicDatabaseService(BackgroundHealth health, ILogger log) : SupervisedBackgroundService(health, log)
{
    static readonly TimeSpan LongestBackoff = TimeSpan.FromMinutes(5);

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken stop);

    protected sealed override async Task RunAsync(CancellationToken stop)
    {
        var interval = Interval < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : Interval;
        using var timer = new PeriodicTimer(interval);
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try { await timer.WaitForNextTickAsync(stop); }
            catch (OperationCanceledException) { return; }
            try
            {
                await RunOnceAsync(stop);
                Health.Succeeded(Name);
                failures = 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e) when (DatabaseErrors.IsTransient(e))
            {
                Log.LogWarning("{Chore} failed, retrying in {Interval}: {Error}", Name, interval, e.Message);
                Health.Failed(Name, e, transient: true);
            }
            catch (Exception e)
            {
                failures++;
                var backoff = Backoff(interval, failures);
                Log.LogError(e, "{Chore} failed ({Failures} in a row); next run in {Backoff}", Name, failures, backoff);
                Health.Failed(Name, e, transient: false);
                try { await Task.Delay(backoff - interval, stop); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    static TimeSpan Backoff(TimeSpan interval, int failures)
    {
        var doubled = interval * Math.Pow(2, Math.Min(failures, 5));
        return doubled < LongestBackoff ? doubled : (interval > LongestBackoff ? interval : LongestBackoff);
    }
}
