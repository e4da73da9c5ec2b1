using MapDashboard.Data;
using MapDashboard.Data.Background;
using MapDashboard.Data.Coverage;
using MapDashboard.Data.Patrols;
using MapDashboard.Domain.Patrols;
using MapDashboard.Domain.Projection;
using MapDashboard.Server.Hosting;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;
using System.Diagnostics;

namespace MapDashboard.Server.Patrols.Simulation;

/// <summary>
/// Makes the demo district's live map move: every Demo:PatrolSimulatorSeconds
/// each grid worker walks on through their own grid and their fixes are posted
/// as one batch through the same <see cref="PingIngest"/> as the API (so the
/// simulator is validated, flagged and streamed like a real device). Into a
/// database with no recent pings it first backfills the last
/// Demo:PatrolSimulatorBackfillMinutes (a patrol day and a little: the 24 h coverage window must have run for
/// coverage to count, GridStatusRule), so the wall opens on coverage in its steady state, not on a morning's walk.
/// Seeded per worker code: the same district walks the same plans.
/// A failing tick is logged and shown in /api/health, and the walk goes on.
/// Demo:PatrolSimulator=false switches it off.
/// </summary>
public sealed class PatrolSimulator(
    NpgsqlDataSource db, PingIngest ingest, PingBulkLoad bulk, IOptions<DemoOptions> options, TimeProvider clock, BackgroundHealth health,
    ILogger<PatrolSimulator> log) : SupervisedBackgroundService(health, log)
{
    static readonly string GridsSql = SqlResource.Beside<PatrolSimulator>("simulated_grids.sql");
    static readonly string LastPingSql = SqlResource.Beside<PatrolSimulator>("last_ping.sql");
    const double BackfillStepSeconds = 30;
    /// <summary>Pings per COPY (one transaction): the statement triggers' transition tables hold one chunk, not the day.</summary>
    const int BackfillChunk = 50_000;

    sealed record SimulatedGrid(string Worker, string Grid, NetTopologySuite.Geometries.Geometry Boundary, double[] Entrances);

    protected override string Name => "Patrol simulator";

    protected override async Task RunAsync(CancellationToken stop)
    {
        if (!options.Value.PatrolSimulator) return;
        var seconds = Math.Max(0.2, options.Value.PatrolSimulatorSeconds);
        List<SimulatedWalker>? walkers = null;
        Task catchUp = Task.CompletedTask;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                if (walkers is null)
                {
                    walkers = await LoadAsync(stop);
                    if (walkers.Count == 0) { walkers = null; continue; } // no district loaded (yet)
                    if (await BackfillAsync(walkers, stop)) catchUp = CatchUpCoverageAsync(stop);
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
        await catchUp;
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

    /// <returns>whether it walked the past (false: the database had recent pings)</returns>
    async Task<bool> BackfillAsync(List<SimulatedWalker> walkers, CancellationToken stop)
    {
        var window = TimeSpan.FromMinutes(Math.Max(0, options.Value.PatrolSimulatorBackfillMinutes));
        var now = clock.GetUtcNow();
        await using var cmd = db.CreateCommand(LastPingSql);
        if (window == TimeSpan.Zero || await cmd.ExecuteScalarAsync(stop) is DateTime last && last > (now - window).UtcDateTime) return false;

        // The past is walked like the present but recorded every BackfillStepSeconds (the track's gap is minutes, so
        // the line and the visits along it are the same) and stored by COPY: a day of a city's workers is millions of
        // pings, which the ingest path's batches took minutes over. Nothing is stored after `now - window`, so the
        // load can neither meet a duplicate nor a stored neighbour.
        var started = Stopwatch.GetTimestamp();
        var ids = await new WorkerDirectory(db).ResolveAsync(walkers.Select(w => w.Worker), stop);
        var chunk = new List<ValidPing>(BackfillChunk + walkers.Count);
        var stored = 0;
        var storing = TimeSpan.Zero;
        for (var at = now - window; at < now; at = at.AddSeconds(BackfillStepSeconds))
        {
            foreach (var walker in walkers)
                if (ids.TryGetValue(walker.Worker, out var id) && walker.Step(BackfillStepSeconds, at) is { Lon: { } lon, Lat: { } lat } p)
                    chunk.Add(new ValidPing(id, at, lon, lat, p.Accuracy));
            if (chunk.Count < BackfillChunk) continue;
            (stored, storing) = await StoreAsync(chunk, stored, storing, stop);
        }
        if (chunk.Count > 0) (stored, storing) = await StoreAsync(chunk, stored, storing, stop);
        log.LogInformation("Patrol simulator backfilled {Minutes} min for {Workers} workers: {Pings} pings in {Seconds:F1} s ({Storing:F1} s of it storing)",
            window.TotalMinutes, walkers.Count, stored, Stopwatch.GetElapsedTime(started).TotalSeconds, storing.TotalSeconds);
        return true;
    }

    async Task<(int Stored, TimeSpan Storing)> StoreAsync(List<ValidPing> chunk, int stored, TimeSpan storing, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        stored += await bulk.LoadAsync(chunk, stop);
        chunk.Clear();
        return (stored, storing + Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// The backfilled day's worker-hours folded into coverage at full speed beside the walk (the periodic chore rests
    /// three quarters of its time so as never to slow ingest, which would leave a city's day young for a quarter of
    /// an hour; at the demo's start nothing else needs the machine). The chore drains beside it: the queue's locks
    /// keep the two apart.
    /// </summary>
    async Task CatchUpCoverageAsync(CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var hours = await CoverageRefresher.DrainAsync(db, DrainPace.FullSpeed, stop,
                (unit, error) => log.LogError(error, "Coverage of {Unit} failed and was set aside (see /api/health/dead-letters)", unit.Key));
            log.LogInformation("Patrol simulator: the backfilled day's coverage is in ({Units} worker-hours and grid-days) after {Seconds:F1} s",
                hours, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception e)
        {
            // The periodic chore drains what is left; only the start is slower.
            log.LogWarning(e, "Patrol simulator: catching up the backfilled coverage failed; the coverage chore carries on");
        }
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
