using MapDashboard.Data.Coverage;
using MapDashboard.Server.Hosting;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Coverage;

/// <summary>
/// Writes the coverage settings at start (a changed radius re-queues every stored hour), then every
/// Patrols:Coverage:RefreshSeconds folds the worker-hours new pings made dirty into tracks, covers, visits and
/// grid-days, in short batches with a rest after each (Patrols:Coverage:BusyShare), so that it never takes a core
/// from ping ingest for long. Any node may run it: the drain takes the queue's rows under lock.
/// </summary>
public sealed class CoverageRefreshService(NpgsqlDataSource db, IOptions<CoverageOptions> options, IOptions<IncidentOptions> incidents,
    BackgroundHealth health, ILogger<CoverageRefreshService> log) : PeriodicDatabaseService(health, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RefreshSeconds);

    protected override string Name => "Coverage refresh";

    public override async Task StartAsync(CancellationToken cancel)
    {
        var o = options.Value;
        var requeued = await CoverageRefresher.ApplySettingsAsync(db,
            new CoverageSettings(o.VisitRadiusMetres, o.TrackGapSeconds, o.TrackMaxSpeedMetresPerSecond, incidents.Value.TimeZone), cancel);
        if (requeued > 0) log.LogInformation("Coverage settings changed: {Hours} worker-hours queued for recomputation", requeued);
        await base.StartAsync(cancel);
    }

    protected override async Task RunOnceAsync(CancellationToken stop)
    {
        var o = options.Value;
        var done = await CoverageRefresher.DrainAsync(db, DrainPace.Sharing(o.BusyShare, o.BatchSize), stop,
            (unit, error) => log.LogError(error, "Coverage of {Unit} failed and was set aside (see /api/health/dead-letters)", unit.Key));
        if (done > 0) log.LogDebug("Coverage: {Hours} worker-hours recomputed", done);
    }
}
