using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.Domain.Permissions;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// The JSON answers that name people, read as a signed-in account: masked by default (even inside the
/// jurisdiction), unmasked with ?reveal=true by an entitled account for its own people only, removed outside
/// its jurisdiction, and never anything personal for the wall display.
/// </summary>
[Collection(PermissionCollection.Name)]
public class PersonalDataJsonTests(PermissionDistrict district)
{
    readonly PermissionHost _host = district.Host;

    async Task<JsonNode> GetAsync(Dictionary<string, string> account, string url)
    {
        using var http = _host.As(account);
        return (await http.GetFromJsonAsync<JsonNode>(url))!;
    }

    [Fact]
    public async Task A_grid_panel_shows_its_worker_masked_inside_revealed_on_request_and_to_nobody_outside()
    {
        var url = $"api/grids/{_host.Inside.Grid}";
        var masked = (await GetAsync(_host.InsideLeader(), url))["grid"]!["gridWorker"]!;
        Assert.Equal(_host.Inside.Worker, (string?)masked["code"]);
        Assert.Equal(Masking.Name(_host.Inside.WorkerName), (string?)masked["name"]);
        var phone = (string?)(await GetAsync(_host.InsideLeader(), url + "?reveal=true"))["grid"]!["gridWorker"]!["phone"];
        Assert.False(string.IsNullOrEmpty(phone));
        Assert.Equal(Masking.Phone(phone!), (string?)masked["phone"]);
        Assert.Contains("****", (string?)masked["phone"]);
        Assert.Equal(_host.Inside.WorkerName, (string?)(await GetAsync(_host.InsideLeader(), url + "?reveal=true"))["grid"]!["gridWorker"]!["name"]);

        foreach (var account in new[] { _host.OutsideLeader(), _host.OutsideLeader("street"), PermissionHost.Display })
        {
            var worker = (await GetAsync(account, url + "?reveal=true"))["grid"]!["gridWorker"]!.AsObject();
            Assert.Equal(["code"], worker.Select(p => p.Key));
        }
        // The map still reads: buildings, counts, the boundary.
        Assert.NotEmpty((await GetAsync(PermissionHost.Display, url))["features"]!.AsArray());
    }

    [Fact]
    public async Task Workers_and_tracks_name_only_the_leader_s_own_people()
    {
        var workers = (await GetAsync(_host.InsideLeader(), "api/patrols/workers")).AsArray().Select(w => w!.AsObject()).ToList();
        var own = workers.Single(w => (string?)w["code"] == _host.Inside.Worker);
        var other = workers.Single(w => (string?)w["code"] == _host.Outside.Worker);
        Assert.Equal(Masking.Name(_host.Inside.WorkerName), (string?)own["name"]);
        Assert.False(other.ContainsKey("name"));
        Assert.Equal(_host.Outside.Grid, (string?)other["grid"]);

        var revealed = (await GetAsync(_host.InsideLeader(), "api/patrols/workers?reveal=true")).AsArray();
        Assert.Equal(_host.Inside.WorkerName, (string?)revealed.Single(w => (string?)w!["code"] == _host.Inside.Worker)!["name"]);
        Assert.False(revealed.Single(w => (string?)w!["code"] == _host.Outside.Worker)!.AsObject().ContainsKey("name"));
        Assert.All((await GetAsync(PermissionHost.Display, "api/patrols/workers?reveal=true")).AsArray(), w => Assert.False(w!.AsObject().ContainsKey("name")));

        var track = (await GetAsync(_host.InsideLeader(), $"api/patrols/tracks?worker={_host.Inside.Worker}&reveal=true"))["features"]![0]!["properties"]!;
        Assert.Equal(_host.Inside.WorkerName, (string?)track["workerName"]);
        var walled = (await GetAsync(PermissionHost.Display, $"api/patrols/tracks?worker={_host.Inside.Worker}&reveal=true"))["features"]![0]!["properties"]!;
        Assert.False(walled.AsObject().ContainsKey("workerName"));
        Assert.Equal(_host.Inside.Worker, (string?)walled["worker"]);
    }

    [Fact]
    public async Task An_incident_s_people_are_masked_for_the_desk_and_gone_for_the_wall_and_the_reporter_s_contact_is_never_read_out()
    {
        var code = (string)(await PermissionActions.ReportAsync(_host, _host.Inside))["code"]!;
        var url = $"api/incidents/{code}";
        var desk = await GetAsync(_host.InsideLeader(), url);
        Assert.Equal(Masking.Name("reporter"), (string?)desk["history"]![0]!["actor"]);
        if (desk["worker"] is JsonObject worker) Assert.Contains("*", (string?)worker["name"]);

        var wall = await GetAsync(PermissionHost.Display, url + "?reveal=true");
        Assert.All(wall["history"]!.AsArray(), h => Assert.False(h!.AsObject().ContainsKey("actor")));
        if (wall["worker"] is JsonObject shown) Assert.False(shown.ContainsKey("name"));
        Assert.Equal("reported", (string?)wall["stage"]);

        var revealed = await GetAsync(_host.InsideLeader(), url + "?reveal=true");
        Assert.Equal("reporter", (string?)revealed["history"]![0]!["actor"]);
        Assert.DoesNotContain("13912345678", revealed.ToJsonString());

        using var open311 = _host.As(PermissionHost.Display);
        var requests = await open311.GetStringAsync($"open311/v2/requests.json?service_request_id={code}");
        Assert.DoesNotContain("13912345678", requests);
        Assert.DoesNotContain("reporter", requests);
    }

    [Fact]
    public async Task A_finding_s_assignee_and_history_are_masked_inside_and_gone_outside()
    {
        var id = await PermissionActions.FindingAsync(_host, _host.Inside.Community, inside: true);
        using (var leader = _host.As(_host.InsideLeader()))
        {
            var assigned = await leader.PostAsJsonAsync($"api/findings/{id}/assign", new { assignee = "王小明", actor = "李书记" });
            var answer = (await assigned.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.Equal("王**", (string?)answer["properties"]!["assignee"]);
            Assert.Equal("李**", (string?)answer["history"]!.AsArray().Last()!["actor"]);
        }
        Assert.Equal("王小明", (string?)(await GetAsync(_host.InsideLeader(), $"api/findings/{id}?reveal=true"))["properties"]!["assignee"]);
        var outside = await GetAsync(_host.OutsideLeader(), $"api/findings/{id}?reveal=true");
        Assert.False(outside["properties"]!.AsObject().ContainsKey("assignee"));
        Assert.All(outside["history"]!.AsArray(), h => Assert.False(h!.AsObject().ContainsKey("actor")));

        var listed = (await GetAsync(PermissionHost.Display, $"api/findings?unit={_host.Inside.Community}&status=assigned"))["features"]!.AsArray();
        Assert.Contains(listed, f => (long)f!["id"]! == id);
        Assert.All(listed, f => Assert.False(f!["properties"]!.AsObject().ContainsKey("assignee")));
    }

    [Fact]
    public async Task Saved_routes_name_their_worker_only_for_the_route_s_own_leaders()
    {
        var route = await PermissionActions.SavedRouteAsync(_host, _host.Inside, "named route");
        Feature(await GetAsync(_host.InsideLeader(), "api/routes"), route, out var inside);
        Feature(await GetAsync(_host.OutsideLeader(), "api/routes?reveal=true"), route, out var outside);
        Assert.Equal(Masking.Name(_host.Inside.WorkerName), (string?)inside["workerName"]);
        Assert.False(outside.ContainsKey("workerName"));
        Assert.Equal(_host.Inside.Worker, (string?)outside["worker"]);

        static void Feature(JsonNode collection, long id, out JsonObject properties) =>
            properties = collection["features"]!.AsArray().Single(f => (long)f!["id"]! == id)!["properties"]!.AsObject();
    }
}
