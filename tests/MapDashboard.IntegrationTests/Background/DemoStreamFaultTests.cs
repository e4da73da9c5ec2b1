using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace MapDashboard.IntegrationTests.Background;

/// <summary>The demo server with its incident stream on and sped up (a tick every 50 ms).</summary>
public sealed class FastDemoStreamHost : DashboardHost
{
    protected override bool DemoIncidentStream => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:IncidentStreamSeconds", "0.05");
    }
}

/// <summary>
/// The default run's demo stream used to stop the whole server: a random point just outside every street was
/// routed nowhere, and the exception escaped its BackgroundService (StopHost). Each test here makes such
/// failures certain instead of one in ~37 reports.
/// </summary>
public sealed class DemoStreamFaultTests(FastDemoStreamHost host) : IClassFixture<FastDemoStreamHost>
{
    [Fact]
    public async Task Land_in_no_street_neither_stops_the_server_nor_the_stream()
    {
        // One street and its communities shrink to a dot while their grids stay: a report the stream picks in those
        // grids is in no street and no community, which routing cannot place.
        var since = await host.ScalarAsync<DateTime>("select now()");
        await host.ScalarAsync<int>("""
            update territory_unit set boundary = ST_Multi(ST_Buffer(ST_PointOnSurface(boundary), 0.00001))
            where kind in ('street', 'community')
              and (id = (select id from territory_unit where kind = 'street' order by code limit 1)
                   or parent_id = (select id from territory_unit where kind = 'street' order by code limit 1));
            select 1
            """);
        var before = await host.ScalarAsync<long>("select count(*) from incident");
        await Task.Delay(TimeSpan.FromSeconds(6));

        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/territory")).StatusCode);
        Assert.True(await host.ScalarAsync<long>("select count(*) from incident") > before, "the stream kept reporting");
        // Skipping what the API would refuse is not a failure of the stream.
        Assert.Equal("ok", (string?)(await StreamStateAsync())?["status"]);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from incident where street_id is null and reported_at > @since", ("since", since)));
    }

    [Fact]
    public async Task A_stream_whose_every_tick_fails_keeps_running_and_recovers_when_the_fault_is_gone()
    {
        await host.ScalarAsync<int>("""
            create function test_refuse_incident() returns trigger language plpgsql as $$
            begin raise exception 'incident refused for the test'; end $$;
            create trigger test_refuse_incident before insert or update on incident for each row execute function test_refuse_incident();
            select 1
            """);
        try
        {
            await WaitForAsync(async () => await StreamStateAsync() is { } state && (string?)state["status"] == "failing"
                                           && ((string?)state["lastError"] ?? "").Contains("refused for the test"));
        }
        finally
        {
            await host.ScalarAsync<int>("drop trigger test_refuse_incident on incident; drop function test_refuse_incident(); select 1");
        }
        var before = await host.ScalarAsync<long>("select count(*) from incident_transition");
        await WaitForAsync(async () => await host.ScalarAsync<long>("select count(*) from incident_transition") > before);
        await WaitForAsync(async () => (string?)(await StreamStateAsync())?["status"] == "ok");
    }

    [Fact]
    public async Task The_stream_never_steps_an_ownership_case_by_itself()
    {
        // Only the case is open at first, so a stream that stepped any open incident would soon step it.
        await host.ScalarAsync<int>("delete from incident where stage <> 'closed'; select 1");
        var gap = await host.ScalarAsync<long>("select id from finding where kind = 'gap' and present and status in ('new', 'assigned') and case_incident_code is null order by id limit 1");
        using var http = host.CreateClient();
        var opened = await http.PostAsJsonAsync($"/api/findings/{gap}/case", new { actor = "leader" });
        opened.EnsureSuccessStatusCode();
        var code = (string)(await opened.Content.ReadFromJsonAsync<JsonObject>())!["properties"]!["caseIncidentCode"]!;
        var stepsBefore = await host.ScalarAsync<long>("select count(*) from incident_transition where incident_id <> (select id from incident where code = @code)", ("code", code));

        // The stream reports and steps other incidents meanwhile (a tick every 50 ms).
        await WaitForAsync(async () => await host.ScalarAsync<long>(
            "select count(*) from incident_transition where incident_id <> (select id from incident where code = @code)", ("code", code)) > stepsBefore + 40);
        Assert.Equal(["reported", "dispatched"], (await http.GetFromJsonAsync<JsonObject>($"/api/incidents/{code}"))!["history"]!.AsArray()
            .Select(h => (string)h!["to"]!).ToArray());
        Assert.Equal(0L, await host.ScalarAsync<long>(
            "select count(*) from incident i join incident_transition t on t.incident_id = i.id where i.category_code = 'ownership_unclear' and t.actor like 'demo:%'"));
    }

    async Task<JsonNode?> StreamStateAsync()
    {
        var health = await host.CreateClient().GetFromJsonAsync<JsonObject>("/api/health");
        return health!["background"]!.AsArray().FirstOrDefault(s => (string?)s!["name"] == "Demo incident stream");
    }

    static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("the condition did not hold within 30 s");
            await Task.Delay(100);
        }
    }
}
