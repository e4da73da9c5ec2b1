using System.Diagnostics;
using Dapper;
using MapDashboard.Data.Background;
using Npgsql;

namespace MapDashboard.Data.Coverage;

/// <summary>
/// Folds new pings into tracks, covers, visits (<see cref="HourBatch"/>) and grid-days (<see cref="GridDayBatch"/>: patrol_refresh_grid_days, Schema/41_coverage_store.sql),
/// a batch per transaction so that a backlog (a day's pings loaded at once) never holds one huge transaction. Run
/// periodically by the server and before every coverage read, so a read sees every ping committed before it.
/// A batch that fails by itself (not because the database is away) is tried again one unit at a time, and the
/// unit that still fails is set aside as a dead letter (<see cref="Background.DeadLetters"/>): one poisoned
/// worker-hour must neither stop the chore nor hold up the hours queued behind it.
/// </summary>
public static class CoverageRefresher
{
    static readonly string ApplySql = SqlResource.Beside<CoverageSettings>("apply_settings.sql");
    static readonly string PendingSql = SqlResource.Beside<CoverageSettings>("pending_hours.sql");
    static readonly string PendingGridDaysSql = SqlResource.Beside<CoverageSettings>("pending_grid_days.sql");
    static readonly string SetAsideHourSql = SqlResource.Beside<CoverageSettings>("set_aside_hour.sql");
    static readonly string SetAsideGridDaySql = SqlResource.Beside<CoverageSettings>("set_aside_grid_day.sql");

    /// <summary>A read folds the queue in itself up to this many worker-hours; more is the periodic chore's.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// Worker-hours (or grid-days) per transaction while draining: about a second of work each. Several drains
    /// (server nodes, the benchmark's connections) split a backlog batch by batch, so the batch is what one of
    /// them may still have to do after the others ran out of work: at 500 that was several seconds of a
    /// city-day drain with one core idle.
    /// </summary>
    public const int DrainBatchSize = 100;

    /// <summary>Stores the settings; returns how many worker-hours a changed radius or track rule put back in the queue.</summary>
    public static async Task<int> ApplySettingsAsync(NpgsqlDataSource db, CoverageSettings s, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition(ApplySql,
            new { radius = s.VisitRadiusMetres, gap = s.TrackGapSeconds, speed = s.TrackMaxSpeedMetresPerSecond, tz = s.TimeZone },
            cancellationToken: cancel));
    }

    /// <summary>
    /// What a read does first: drains the queue when it is short (the pings of the last seconds), so the answer
    /// includes them. A long queue (a backlog after an outage, a bulk import) is the periodic chore's to drain:
    /// a request would otherwise wait for minutes; it answers from what is stored meanwhile.
    /// </summary>
    public static async Task<int> CatchUpAsync(NpgsqlConnection conn, CancellationToken cancel = default)
    {
        var pending = await conn.ExecuteScalarAsync<int>(new CommandDefinition(PendingSql, new { limit = BatchSize + 1 }, cancellationToken: cancel));
        return pending > BatchSize ? 0 : await DrainAsync(conn, cancel: cancel);
    }

    public static async Task<int> CatchUpAsync(NpgsqlDataSource db, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await CatchUpAsync(conn, cancel);
    }

    /// <summary>The chore name of coverage dead letters.</summary>
    public const string Chore = "coverage";

    /// <summary>Drains the queue of changed worker-hours (at full speed unless paced); returns how many were recomputed.</summary>
    public static async Task<int> DrainAsync(NpgsqlDataSource db, DrainPace? pace = null, CancellationToken cancel = default,
        Action<CoverageUnit, Exception>? setAside = null)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await DrainAsync(conn, pace, cancel, setAside);
    }

    /// <summary>
    /// The worker-hours queued when it starts, in batches, and then the grid-days queued once those are done.
    /// Pings keep arriving while it runs (2,000 workers never pause) and re-queue hours it has just rebuilt, so
    /// "until empty" would never stop, nor would "until a batch comes back less than full" at city scale: the
    /// hours would be rebuilt back to back and the grid-days never reached. What arrives meanwhile is the next
    /// drain's.
    /// </summary>
    /// <param name="setAside">told of each unit set aside, for the caller's log</param>
    public static async Task<int> DrainAsync(NpgsqlConnection conn, DrainPace? pace = null, CancellationToken cancel = default,
        Action<CoverageUnit, Exception>? setAside = null) =>
        await DrainHoursAsync(conn, pace, cancel, setAside) + await DrainGridDaysAsync(conn, pace, cancel, setAside);

    /// <summary>
    /// The first half of a drain: the worker-hours queued when it starts. Several connections draining one backlog
    /// together (a recomputed day) should all finish this half before any starts the grid-days: a grid-day
    /// recomputed while another connection still rebuilds hours that reach it is queued again and done twice, and
    /// the connection that finished its hours first would stop at the grid-days queued so far, leaving the rest to
    /// one connection.
    /// </summary>
    public static Task<int> DrainHoursAsync(NpgsqlConnection conn, DrainPace? pace = null, CancellationToken cancel = default,
        Action<CoverageUnit, Exception>? setAside = null) =>
        DrainQueueAsync(conn, HourBatch.RunAsync, PendingSql, pace ?? DrainPace.FullSpeed, setAside, cancel);

    /// <summary>The second half of a drain: the grid-days queued when it starts.</summary>
    public static Task<int> DrainGridDaysAsync(NpgsqlConnection conn, DrainPace? pace = null, CancellationToken cancel = default,
        Action<CoverageUnit, Exception>? setAside = null) =>
        DrainQueueAsync(conn, GridDayBatch.RunAsync, PendingGridDaysSql, pace ?? DrainPace.FullSpeed, setAside, cancel);

    static async Task<int> DrainQueueAsync(NpgsqlConnection conn, Func<NpgsqlConnection, int, CancellationToken, Task<int>> batch,
        string pendingSql, DrainPace pace, Action<CoverageUnit, Exception>? setAside, CancellationToken cancel)
    {
        var standing = await conn.ExecuteScalarAsync<int>(new CommandDefinition(pendingSql, new { limit = int.MaxValue }, cancellationToken: cancel));
        var total = 0;
        int done;
        do
        {
            var started = Stopwatch.GetTimestamp();
            try { done = await batch(conn, pace.BatchSize, cancel); }
            catch (CoverageBatchFailedException failed)
            {
                // The batch rolled back: its units are queued again. Done one at a time, the healthy ones commit and
                // the one at fault fails alone. The count keeps the loop going as a full batch would have.
                done = await OneByOneAsync(conn, batch, failed.Units.Count, setAside, cancel);
                done = Math.Max(done, failed.Units.Count);
            }
            total += done;
            if (done == pace.BatchSize && pace.RestPerBusy > 0)
                await Task.Delay(Stopwatch.GetElapsedTime(started) * pace.RestPerBusy, cancel);
        } while (done == pace.BatchSize && total < standing);
        return total;
    }

    static async Task<int> OneByOneAsync(NpgsqlConnection conn, Func<NpgsqlConnection, int, CancellationToken, Task<int>> batch,
        int count, Action<CoverageUnit, Exception>? setAside, CancellationToken cancel)
    {
        var done = 0;
        for (var i = 0; i < count; i++)
        {
            try
            {
                if (await batch(conn, 1, cancel) == 0) break;
                done++;
            }
            catch (CoverageBatchFailedException failed)
            {
                foreach (var unit in failed.Units)
                {
                    await SetAsideAsync(conn, unit, failed.InnerException ?? failed, cancel);
                    setAside?.Invoke(unit, failed.InnerException ?? failed);
                }
            }
        }
        return done;
    }

    /// <summary>Takes the unit out of its queue and records it as a dead letter, in one transaction.</summary>
    static async Task SetAsideAsync(NpgsqlConnection conn, CoverageUnit unit, Exception cause, CancellationToken cancel)
    {
        await using var tx = await conn.BeginTransactionAsync(cancel);
        var (sql, args) = unit switch
        {
            WorkerHour h => (SetAsideHourSql, (object)new { worker_id = h.WorkerId, hour_epoch = h.HourEpoch }),
            GridDay d => (SetAsideGridDaySql, new { grid_id = d.GridId, day = d.Day }),
            _ => throw new ArgumentOutOfRangeException(nameof(unit)),
        };
        await conn.ExecuteAsync(sql, args, tx);
        await DeadLetters.SetAsideAsync(conn, Chore, unit.Key, cause, tx);
        await tx.CommitAsync(cancel);
    }
}
