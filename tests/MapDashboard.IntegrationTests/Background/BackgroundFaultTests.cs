using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.Data.Incidents;
using MapDashboard.Server.Live;
using Microsoft.Extensions.DependencyInjection;

namespace MapDashboard.IntegrationTests.Background;

/// <summary>
/// One unit of background work that fails must not stop the server nor the chore: it is logged, set aside as a
/// dead letter (shown in /api/health), and the chore carries on with the rest.
/// </summary>
public sealed class BackgroundFaultTests(BackgroundFaultHost host) : IClassFixture<BackgroundFaultHost>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_ping_stored_at_minus_infinity_is_set_aside_and_the_other_hours_are_still_folded_in()
    {
        var (poisoned, healthy) = await TwoWorkersAsync(offset: 0);
        await host.ScalarAsync<int>($"""
            insert into patrol_ping (worker_id, recorded_at, location, accuracy_m)
            select {poisoned.Id}, '-infinity', location, 5 from (select ST_SetSRID(ST_MakePoint({poisoned.Lon}, {poisoned.Lat}), 4326) as location) p;
            insert into patrol_ping (worker_id, recorded_at, location, accuracy_m)
            select {healthy.Id}, now() - interval '2 minutes' + i * interval '5 seconds', ST_SetSRID(ST_MakePoint({healthy.Lon} + i * 0.00002, {healthy.Lat}), 4326), 5
            from generate_series(0, 2) i;
            select 1
            """);

        await WaitForAsync("the -infinity hour set aside", async () =>
            await host.ScalarAsync<long>("select count(*) from background_dead_letter where chore = 'coverage' and unit_key like @k",
                ("k", $"worker {poisoned.Id} hour -%")) == 1);
        await WaitForAsync("the healthy worker's hour folded in", async () =>
            await host.ScalarAsync<long>("select count(*) from patrol_track where worker_id = @w", ("w", healthy.Id)) > 0);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from patrol_coverage_dirty where worker_id = @w", ("w", poisoned.Id)));

        var health = await HealthAsync();
        Assert.Equal("degraded", (string?)health["status"]);
        Assert.True((int)health["deadLetters"]! >= 1);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/api/territory")).StatusCode);
    }

    [Fact]
    public async Task A_PostgreSQL_error_in_one_worker_hour_sets_that_hour_aside_and_the_chore_keeps_working()
    {
        var (poisoned, healthy) = await TwoWorkersAsync(offset: 2);
        await host.ScalarAsync<int>($"""
            create function test_refuse_track() returns trigger language plpgsql as $$
            begin
                if new.worker_id = {poisoned.Id} then raise exception 'track of worker % refused for the test', new.worker_id; end if;
                return new;
            end $$;
            create trigger test_refuse_track before insert on patrol_track for each row execute function test_refuse_track();
            select 1
            """);
        try
        {
            using var http = host.CreateClient();
            var at = DateTimeOffset.UtcNow.AddMinutes(-1);
            var pings = new[] { poisoned, healthy }.SelectMany(w => Enumerable.Range(0, 3).Select(i => new
            {
                worker = w.Code, recordedAt = at.AddSeconds(i * 5), lon = w.Lon + i * 0.00002, lat = w.Lat, accuracy = 5.0,
            }));
            var posted = await http.PostAsJsonAsync("/api/patrols/pings", new { pings });
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

            await WaitForAsync("the refused hour set aside", async () =>
                await host.ScalarAsync<long>("select count(*) from background_dead_letter where chore = 'coverage' and unit_key like @k and error like '%refused for the test%'",
                    ("k", $"worker {poisoned.Id} hour %")) == 1);
            await WaitForAsync("the other worker's hour folded in", async () =>
                await host.ScalarAsync<long>("select count(*) from patrol_track where worker_id = @w and ended_at >= @at", ("w", healthy.Id), ("at", at.UtcDateTime)) > 0);

            // Later pings of a healthy worker still reach coverage: the chore was not stopped by the failure.
            var later = await http.PostAsJsonAsync("/api/patrols/pings", new
            {
                pings = new[] { new { worker = healthy.Code, recordedAt = DateTimeOffset.UtcNow.AddSeconds(-5), lon = healthy.Lon, lat = healthy.Lat + 0.00003, accuracy = 5.0 } },
            });
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
            await WaitForAsync("a later ping folded in", async () =>
                await host.ScalarAsync<long>("select count(*) from patrol_coverage_dirty where worker_id = @w", ("w", healthy.Id)) == 0);
        }
        finally
        {
            await host.ScalarAsync<int>("drop trigger test_refuse_track on patrol_track; drop function test_refuse_track(); select 1");
        }
    }

    [Fact]
    public async Task An_incident_whose_escalation_fails_is_set_aside_and_the_others_still_escalate()
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        var codes = new List<string>();
        foreach (var i in new[] { 3, 4 })
        {
            var (lon, lat) = await PointInGridAsync(i);
            codes.Add(await host.ScalarAsync<string>($"""
                insert into incident (category_code, description, location, source, grid_id, responsible_unit_id, stage, stage_entered_at, stage_due_at)
                select (select code from category where for_incidents order by code limit 1), 'test', ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326), 'api',
                       g.id, g.id, 'reported', now() - interval '3 days', now() - interval '1 day'
                from territory_unit g where g.kind = 'community_grid' order by g.code offset {i} limit 1
                returning code
                """));
        }
        await host.ScalarAsync<int>($"""
            create function test_refuse_escalation() returns trigger language plpgsql as $$
            begin
                if new.code = '{codes[0]}' and new.escalation_level <> old.escalation_level then raise exception 'escalation refused for the test'; end if;
                return new;
            end $$;
            create trigger test_refuse_escalation before update on incident for each row execute function test_refuse_escalation();
            select 1
            """);
        try
        {
            var first = await EscalationSweep.RunOnceAsync(host.Db);
            Assert.Equal(1, first.SetAside);
            Assert.True(first.Escalated >= 1);
            Assert.Equal(1, await host.ScalarAsync<short>("select escalation_level from incident where code = @c", ("c", codes[1])));
            Assert.Equal(0, await host.ScalarAsync<short>("select escalation_level from incident where code = @c", ("c", codes[0])));

            // Set aside, not retried every pass: the next sweep leaves it alone until an admin resolves it.
            var second = await EscalationSweep.RunOnceAsync(host.Db);
            Assert.Equal(0, second.SetAside);
            Assert.Equal(1, await host.ScalarAsync<int>("select attempts from background_dead_letter where chore = 'escalation' and unit_key = @c", ("c", codes[0])));
        }
        finally
        {
            await host.ScalarAsync<int>("drop trigger test_refuse_escalation on incident; drop function test_refuse_escalation(); select 1");
        }
    }

    [Fact]
    public async Task A_change_that_cannot_be_streamed_is_set_aside_and_the_feed_goes_on()
    {
        var feed = host.Services.GetRequiredService<ChangeFeed>();
        // A curve: valid PostGIS, but no map client (nor the feed's geometry reader) takes curves.
        var poison = await host.ScalarAsync<long>("""
            insert into change_log (seq, layer, feature_id, op, feature, geom)
            values (nextval('change_log_seq'), 'hazards', -1, 'upsert', '{"type":"Feature","properties":{}}',
                    ST_SetSRID('CIRCULARSTRING(103.83 36.05, 103.831 36.051, 103.832 36.05)'::geometry, 4326))
            returning seq
            """);
        await host.ScalarAsync<int>("select 1 from (select pg_notify('map_changes', '')) n");
        var after = await host.ScalarAsync<long>("""
            update hazard set status = case status when 'open' then 'mitigating' else 'open' end where id = (select min(id) from hazard);
            select max(seq) from change_log
            """);
        Assert.True(after > poison);

        await WaitForAsync("the feed past the poisoned change", () => Task.FromResult(feed.Position >= after));
        Assert.Equal(1L, await host.ScalarAsync<long>("select count(*) from background_dead_letter where chore = 'change-feed' and unit_key = @k",
            ("k", $"seq {poison}")));
    }

    [Fact]
    public async Task A_background_loop_that_throws_is_started_again_and_an_unsupervised_one_does_not_stop_the_server()
    {
        await WaitForAsync("the crashed loop started again", () => Task.FromResult(BackgroundFaultHost.CrashesOnceService.Runs >= 2));
        var health = await HealthAsync();
        var service = health["background"]!.AsArray().Single(s => (string?)s!["name"] == "Test crash once")!;
        Assert.Equal("restarted", (string?)service["status"]);
        Assert.Equal(1, (int)service["restarts"]!);
        Assert.Contains("a bug met by one input", (string?)service["lastError"]);
        Assert.Equal("degraded", (string?)health["status"]);
        // The unsupervised service failed at start; the host's rule (Ignore) kept the server serving.
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/api/territory")).StatusCode);
    }

    sealed record Worker(int Id, string Code, double Lon, double Lat);

    /// <summary>Two grid workers with a point inside each one's grid; <paramref name="offset"/> keeps tests on different grids.</summary>
    async Task<(Worker, Worker)> TwoWorkersAsync(int offset)
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand($"""
            select p.id, p.code, ST_X(ST_PointOnSurface(g.boundary)), ST_Y(ST_PointOnSurface(g.boundary))
            from territory_unit g join person p on p.id = g.grid_worker_id
            where g.kind = 'community_grid' order by g.code offset {offset} limit 2
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var workers = new List<Worker>();
        while (await reader.ReadAsync()) workers.Add(new(reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3)));
        return (workers[0], workers[1]);
    }

    async Task<(double Lon, double Lat)> PointInGridAsync(int offset)
    {
        var lon = await host.ScalarAsync<double>($"select ST_X(ST_PointOnSurface(boundary)) from territory_unit where kind = 'community_grid' order by code offset {offset} limit 1");
        var lat = await host.ScalarAsync<double>($"select ST_Y(ST_PointOnSurface(boundary)) from territory_unit where kind = 'community_grid' order by code offset {offset} limit 1");
        return (lon, lat);
    }

    async Task<JsonObject> HealthAsync() =>
        (await host.CreateClient().GetFromJsonAsync<JsonObject>("/api/health"))!;

    static async Task WaitForAsync(string what, Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"waited {Patience.TotalSeconds} s for {what}");
            await Task.Delay(200);
        }
    }
}
