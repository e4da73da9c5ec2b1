using MapDashboard.Data;
using MapDashboard.Data.Background;
using MapDashboard.Data.Patrols;
using MapDashboard.Domain.Patrols;
using MapDashboard.Domain.Projection;
using MapDashboard.Server.Hosting;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Patrols.Simulation;

/// <summary>
/// Makes the demo district's live map move: every Demo:PatrolSimulatorSeconds
/// each grid worker walks on through their own grid and their fixes are posted
/// as one batch through the same <see cref="PingIngest"/> as the API (so the
/// simulator is validated, flagged and streamed like a real device). Into a
/// database with no recent pings it first backfills the last
/// Demo:PatrolSimulatorBackfillMinutes, so coverage is there from the first look.
/// Seeded per worker code: the same district walks the same plans.
/// A failing tick is logged and shown in /api/health, and the walk goes on.
/// Demo:PatrolSimulator=false switches it off.
/// </summary>
public sealed class PatrolSimulator(
    NpgsqlDataSource db, PingIngest ingest, IOptions<DemoOptions> options, TimeProvider clock, BackgroundHealth health,
    ILogger<PatrolSimulator> log) : SupervisedBackgroundService(health, log)
{
    static readonly string GridsSql = SqlResource.Beside<PatrolSimulator>("simulated_grids.sql");
    static readonly string LastPingSql = SqlResource.Beside<PatrolSimulator>("last_ping.sql");
    const double BackfillStepSeconds = 5;
    const int BatchSize = 2000;

    sealed record SimulatedGrid(string Worker, string Grid, NetTopologySuite.Geometries.Geometry Boundary, double[] Entrances);

    protected override string Name => "Patrol simulator";

    protected override async Task RunAsync(CancellationToken stop)
    {
        if (!options.Value.PatrolSimulator) return;
        var seconds = Math.Max(0.2, options.Value.PatrolSimulatorSeconds);
        List<SimulatedWalker>? walkers = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                if (walkers is null)
                {
                    walkers = await LoadAsync(stop);
                    if (walkers.Count == 0) { walkers = null; continue; } // no district loaded (yet)
                    await BackfillAsync(walkers, stop);
                }
                var now = clock.GetUtcNow();
                await PostAsync(walkers.Select(w => w.Step(seconds, now)).ToList(), stop);
                Health.Succeeded(Name);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e) when (DatabaseErrors.IsTransient(e))
            {
                log.LogWarning("Patrol simulator: {Error}", e.Message);
                Health.Failed(Name, e, transient: true);
            }
            catch (Exception e)
            {
                // The walkers keep their place; the next tick walks on from there.
                log.LogError(e, "Patrol simulator tick failed");
                Health.Failed(Name, e, transient: false);
            }
        } while (await Tick(timer, stop));
    }

    async Task<List<SimulatedWalker>> LoadAsync(CancellationToken stop)
    {
        var walkers = new List<SimulatedWalker>();
        var failed = new List<(string Grid, Exception Error)>();
        await using var cmd = db.CreateCommand(GridsSql);
        await using var reader = await cmd.ExecuteReaderAsync(stop);
        while (await reader.ReadAsync(stop))
        {
            var grid = new SimulatedGrid(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<NetTopologySuite.Geometries.Geometry>(2), reader.GetFieldValue<double[]>(3));
            var random = new Random(StableSeed(grid.Worker));
            try { walkers.Add(new SimulatedWalker(grid.Worker, WalkPlan.Waypoints(grid.Boundary, grid.Entrances, random),
                MetricFrame.ForSrid(grid.Boundary.SRID), random)); }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or NetTopologySuite.Geometries.TopologyException)
            {
                // One grid whose boundary cannot be walked (a broken polygon) leaves its worker standing; the rest walk.
                failed.Add((grid.Grid, e));
            }
        }
        await reader.DisposeAsync();
        foreach (var (grid, e) in failed)
        {
            log.LogError(e, "Patrol simulator: grid {Grid} cannot be walked; its worker is left out", grid);
            await DeadLetters.SetAsideAsync(db, "patrol-simulator", $"grid {grid}", e, stop);
        }
        return walkers;
    }

    async Task BackfillAsync(List<SimulatedWalker> walkers, CancellationToken stop)
    {
        var window = TimeSpan.FromMinutes(Math.Max(0, options.Value.PatrolSimulatorBackfillMinutes));
        var now = clock.GetUtcNow();
        await using var cmd = db.CreateCommand(LastPingSql);
        if (window == TimeSpan.Zero || await cmd.ExecuteScalarAsync(stop) is DateTime last && last > (now - window).UtcDateTime) return;

        var batch = new List<PingInput>();
        for (var at = now - window; at < now; at = at.AddSeconds(BackfillStepSeconds))
        {
            batch.AddRange(walkers.Select(w => w.Step(BackfillStepSeconds, at)));
            if (batch.Count + walkers.Count > BatchSize) { await PostAsync(batch, stop); batch = []; }
        }
        if (batch.Count > 0) await PostAsync(batch, stop);
        log.LogInformation("Patrol simulator backfilled {Minutes} min for {Workers} workers", window.TotalMinutes, walkers.Count);
    }

    async Task PostAsync(List<PingInput> pings, CancellationToken stop)
    {
        var outcome = await ingest.IngestAsync(pings, stop);
        if (outcome.Rejected) log.LogWarning("Patrol simulator batch rejected: {Error}", outcome.Errors[0].Message);
    }

    /// <summary>string.GetHashCode differs per process; the walk must not.</summary>
    static int StableSeed(string code) => code.Aggregate(17, (h, c) => unchecked(h * 31 + c));

    static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stop)
    {
        try { return await timer.WaitForNextTickAsync(stop); }
        catch (OperationCanceledException) { return false; }
    }
}
