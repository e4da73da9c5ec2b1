using MapDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace MapDashboard.IntegrationTests.Patrols;

/// <summary>The demo district with the patrol simulator on, quick and with a short backfill.</summary>
public sealed class SimulatorHost : DashboardHost
{
    protected override bool DemoPatrolSimulator => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:PatrolSimulatorSeconds", "0.5");
        builder.UseSetting("Demo:PatrolSimulatorBackfillMinutes", "10");
    }
}

public class PatrolSimulatorTests(SimulatorHost host) : IClassFixture<SimulatorHost>
{
    async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await host.ScalarAsync<object>(sql));

    [Fact]
    public async Task Every_grid_worker_walks_in_their_own_grid_with_some_grids_covered_far_more_than_others()
    {
        var workers = await ScalarAsync("select count(*) from person p where role = 'grid_worker' and exists (select 1 from territory_unit where grid_worker_id = p.id)");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        // The backfill (10 min at 30 s) gives each worker ~20 pings; wait for it and a few live ticks.
        while (await ScalarAsync("select count(distinct worker_id) from patrol_ping where recorded_at > now() - interval '5 seconds'") < workers
               && DateTime.UtcNow < deadline)
            await Task.Delay(500);

        Assert.Equal(workers, await ScalarAsync("select count(distinct worker_id) from patrol_ping"));
        Assert.Equal(workers, await ScalarAsync("select count(distinct worker_id) from patrol_ping where recorded_at > now() - interval '5 seconds'"));
        // Trusted fixes lie in the worker's own grid (a few metres of GPS noise allowed).
        Assert.Equal(0, await ScalarAsync("""
            select count(*) from patrol_ping p join territory_unit g on g.grid_worker_id = p.worker_id
            where p.flag is null and not ST_DWithin(g.boundary::geography, p.location::geography, 25)
            """));
        // A few poor fixes are simulated, and flagged rather than trusted.
        Assert.True(await ScalarAsync("select count(*) from patrol_ping where flag = 'poor_accuracy'") > 0);
        // Coverage differs between grids: the spread of each worker's fixes over their own grid varies widely.
        var shares = await ScalarAsync("""
            select round(100 * max(s) / greatest(min(s), 0.001)) from (
                select ST_Area(ST_Buffer(ST_Collect(p.location)::geography, 30)) / ST_Area(g.boundary::geography) s
                from patrol_ping p join territory_unit g on g.grid_worker_id = p.worker_id
                where p.flag is null group by g.id, g.boundary) per_grid
            """);
        Assert.True(shares > 300, $"the best covered grid is only {shares / 100.0:F1}× the least covered");
    }
}
