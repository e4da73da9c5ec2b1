using MapDashboard.Data.Incidents;

namespace MapDashboard.TestSupport;

/// <summary>The demo's backfilled patrol day (Demo:PatrolSimulatorBackfillMinutes), as a test waits for it.</summary>
public static class PatrolDay
{
    /// <summary>
    /// Waits (up to <paramref name="limit"/>) until the day's coverage is in — the patrol record a day old (the
    /// backfill's oldest hour is rebuilt last) and no hour before the last two waiting for the chore — then colours
    /// every grid by it, as the run command's escalation sweep does every 30 s (a test host's sweep is off).
    /// </summary>
    public static async Task WaitSteadyAsync(DashboardHost host, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !await host.ScalarAsync<bool>("""
                   select coalesce(patrol_history_hours() >= 24, false)
                      and not exists (select 1 from patrol_coverage_dirty where hour_start < date_trunc('hour', now()) - interval '1 hour')
                   """))
            await Task.Delay(1000);
        await using var conn = await host.Db.OpenConnectionAsync();
        await GridStatusRefresher.RefreshAsync(conn, null);
    }
}
