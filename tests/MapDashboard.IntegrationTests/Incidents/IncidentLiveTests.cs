using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapDashboard.Data.Incidents;
using MapDashboard.IntegrationTests.Live;

namespace MapDashboard.IntegrationTests.Incidents;

[Collection(IncidentCollection.Name)]
public class IncidentLiveTests(IncidentHost host)
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_reported_incident_streams_to_a_subscribed_client_and_its_grid_turns_red_when_it_goes_overdue()
    {
        // A blue micro-grid with no hazards: its colour changes only because of this incident.
        var quiet = await host.ScalarAsync<long>("""
            select count(*) from territory_unit g where g.kind = 'micro_grid' and g.code < (
                select min(code) from territory_unit m where m.kind = 'micro_grid' and m.code > '620102002'
                  and not exists (select 1 from hazard h where ST_Covers(m.boundary, h.location)))
            """);
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", (int)quiet);
        var since = await LiveSql.NewestSeqAsync(host.Db);
        await using var client = RecordingLiveClient.Start(host, new { layers = new[] { "incidents", "grids" }, sinceSeq = since });
        await client.SubscribedAsync();

        using var http = host.CreateRealClient();
        var created = await (await http.PostAsJsonAsync("api/incidents", new { category = "fire_safety", lat = at.Lat, lon = at.Lon, contact = "13700000000" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var code = created.GetProperty("incident").GetProperty("code").GetString()!;
        var grid = created.GetProperty("incident").GetProperty("grid").GetProperty("code").GetString()!;
        Assert.Equal(at.Code, grid);

        var arrived = Item(await client.WaitForAsync(e => Has(e, "incidents", code), Wait, $"incident {code}"), "incidents", code);
        var properties = arrived["feature"]!["properties"]!;
        Assert.Equal(("reported", false), ((string?)properties["stage"], (bool)properties["overdue"]!));
        Assert.DoesNotContain("13700000000", arrived.ToJsonString());
        await client.WaitForAsync(e => HasGrid(e, grid, "yellow"), Wait, $"grid {grid} turning yellow for its open incident");

        // Time passes: the dispatch limit runs out; one escalation pass notices.
        await host.ScalarAsync<int>("update incident set stage_due_at = now() - interval '1 minute' where code = @c returning 1", ("c", code));
        await EscalationSweep.RunOnceAsync(host.Db);

        await client.WaitForAsync(e => HasGrid(e, grid, "red"), Wait, $"grid {grid} turning red");
        var escalated = await client.WaitForAsync(e => Has(e, "incidents", code) && (string?)Item(e, "incidents", code)["feature"]!["properties"]!["escalation"] == "community",
            Wait, $"incident {code} streaming as escalated to the community");
        Assert.True((bool)Item(escalated, "incidents", code)["feature"]!["properties"]!["overdue"]!);
    }

    static bool Has(JsonObject e, string layer, string code) =>
        (string?)e["event"] == "changes" && e["items"]!.AsArray().Any(i => (string?)i!["layer"] == layer && (string?)i["code"] == code);

    static JsonNode Item(JsonObject e, string layer, string code) =>
        e["items"]!.AsArray().Last(i => (string?)i!["layer"] == layer && (string?)i["code"] == code)!;

    static bool HasGrid(JsonObject e, string code, string status) =>
        Has(e, "grids", code) && (string?)Item(e, "grids", code)["feature"]!["properties"]!["status"] == status;
}
