namespace MapDashboard.Server.Hosting;

/// <summary>
/// A background service whose loop is started again when it escapes with an error, after a growing pause
/// (1 s doubling to a minute), instead of stopping the host: the wall display must stay live for days, and a bug
/// met by one input in one chore must not take the map, the API and every other chore down with it. Each
/// restart is logged as an error and shown in /api/health. The host's own rule for an escaped exception is set
/// to Ignore as well (<see cref="BackgroundHostingRegistration"/>), so a service that does not derive from this
/// one cannot stop the server either.
/// </summary>
public abstract class SupervisedBackgroundService(BackgroundHealth health, ILogger log) : BackgroundService
{
    static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1), LongestPause = TimeSpan.FromMinutes(1);

    /// <summary>How the service is named in the log and in /api/health.</summary>
    protected abstract string Name { get; }

    protected BackgroundHealth Health => health;

    protected ILogger Log => log;

    /// <summary>The service's loop; returns when <paramref name="stop"/> is cancelled (or when it has nothing to do).</summary>
    protected abstract Task RunAsync(CancellationToken stop);

    protected sealed override async Task ExecuteAsync(CancellationToken stop)
    {
        var pause = FirstPause;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stop);
                return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogError(e, "{Service} stopped on an unexpected error; starting it again in {Pause}", Name, pause);
                health.Restarted(Name, e);
                try { await Task.Delay(pause, stop); }
                catch (OperationCanceledException) { return; }
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
        }
    }
}
