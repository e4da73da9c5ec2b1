using MapDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace MapDashboard.IntegrationTests.Demo;

/// <summary>The demo district started as the run command starts it: the patrol simulator backfills its patrol day.</summary>
public sealed class PatrolDayHost : DashboardHost
{
    protected override bool DemoPatrolSimulator => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The default backfill (Demo:PatrolSimulatorBackfillMinutes, a day and ten minutes) is what is under test;
        // the chore runs often so the live ticks' hours do not wait on it.
        builder.UseSetting("Patrols:Coverage:RefreshSeconds", "2");
    }
}

/// <summary>
/// A fresh demo wall is in its steady state: the simulator walked the last patrol day, its coverage is computed
/// (not "young"), and most grids are blue, the few red ones each red for a reason (GridStatusRule).
/// </summary>
public sealed class RealisticStartTests(PatrolDayHost host, ITestOutputHelper output) : IClassFixture<PatrolDayHost>
{
    const string Grids = "kind in ('community_grid', 'dedicated_grid')";

    [Fact]
    public async Task A_fresh_demo_starts_with_a_full_patrol_day_and_mostly_blue_grids_the_red_ones_each_for_a_reason()
    {
        await PatrolDay.WaitSteadyAsync(host, TimeSpan.FromMinutes(6));

        var history = await host.ScalarAsync<double>("select patrol_history_hours()");
        Assert.True(history >= 24, $"the patrol record is {history:F1} h old: the backfill should reach a full day back");
        // Every grid worker walked through the whole day: pings in the first and in the last hour of the window.
        var workers = await host.ScalarAsync<long>("select count(*) from person p where role = 'grid_worker' and exists (select 1 from territory_unit where grid_worker_id = p.id)");
        Assert.Equal(workers, await host.ScalarAsync<long>("select count(distinct worker_id) from patrol_ping where recorded_at < now() - interval '23 hours 30 minutes'"));
        Assert.Equal(workers, await host.ScalarAsync<long>("select count(distinct worker_id) from patrol_ping where recorded_at > now() - interval '1 hour'"));

        var total = await host.ScalarAsync<long>($"select count(*) from territory_unit where {Grids}");
        var blue = await host.ScalarAsync<long>($"select count(*) from territory_unit where {Grids} and status = 'blue'");
        var red = await host.ScalarAsync<long>($"select count(*) from territory_unit where {Grids} and status = 'red'");
        var reasons = await host.ScalarAsync<string>($"""
            select coalesce(string_agg(code || ' ' || status || ' ' || status_reasons::text, E'\n' order by status, code), '')
            from territory_unit where {Grids} and status <> 'blue'
            """);
        output.WriteLine($"{blue} blue, {red} red of {total} grids; history {history:F1} h\n{reasons}");

        Assert.True(blue * 2 > total, $"only {blue} of {total} grids are blue after a fresh start:\n{reasons}");
        Assert.True(red * 3 < total, $"{red} of {total} grids are red after a fresh start:\n{reasons}");
        // Coverage counts (the window has run) and colours somebody: the simulated day has neglected grids.
        Assert.Equal(0L, await host.ScalarAsync<long>($"select count(*) from territory_unit, jsonb_array_elements(status_reasons) r where {Grids} and r->>'rule' = 'coverage_young'"));
        Assert.True(await host.ScalarAsync<long>($"select count(*) from territory_unit, jsonb_array_elements(status_reasons) r where {Grids} and r->>'rule' in ('coverage_low', 'coverage_thin')") > 0,
            $"no grid is short of coverage: the demo should show a neglected grid or two\n{reasons}");
        // Each grid that is not blue says why, with a rule of its own colour.
        Assert.Equal(0L, await host.ScalarAsync<long>($"""
            select count(*) from territory_unit where {Grids} and status <> 'blue'
              and not exists (select 1 from jsonb_array_elements(status_reasons) r
                              where r->>'rule' = any(case status when 'red' then array['overdue', 'open_incidents_many', 'coverage_low']
                                                                  else array['open_incidents', 'open_hazards', 'coverage_thin'] end))
            """));
    }
}
