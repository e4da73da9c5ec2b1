using Npgsql;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// How much of a measured step the server's coverage chore was running: pg_stat_activity sampled every 50 ms on a
/// connection of its own (the share of samples with a refresh batch active). Ingest measured beside a chore that
/// happened to be idle says little about ingest beside a busy one, so the benchmark prints it with every step.
/// </summary>
public sealed class ChoreSampler
{
    // An hour batch holds its worker-hours' advisory locks ('PCOV') for its whole transaction, C# work included;
    // a grid-day batch is one statement.
    const string ActiveSql = """
        select exists (select 1 from pg_locks where locktype = 'advisory' and classid = 1347572803)
            or exists (select 1 from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and query like '%select patrol_refresh_grid_days(%')
        """;

    readonly CancellationTokenSource _stop = new();
    readonly Task<double> _share;

    ChoreSampler(NpgsqlDataSource db) => _share = SampleAsync(db, _stop.Token);

    public static ChoreSampler Start(NpgsqlDataSource db) => new(db);

    /// <summary>Stops sampling; the share (0–1) of samples that saw the chore at work.</summary>
    public async Task<double> StopAsync()
    {
        await _stop.CancelAsync();
        return await _share;
    }

    static async Task<double> SampleAsync(NpgsqlDataSource db, CancellationToken stop)
    {
        await using var conn = await db.OpenConnectionAsync(CancellationToken.None);
        await using var cmd = new NpgsqlCommand(ActiveSql, conn);
        int busy = 0, samples = 0;
        while (!stop.IsCancellationRequested)
        {
            if (await cmd.ExecuteScalarAsync(CancellationToken.None) is true) busy++;
            samples++;
            try { await Task.Delay(50, stop); } catch (OperationCanceledException) { break; }
        }
        return samples == 0 ? 0 : busy / (double)samples;
    }
}
