using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Live;

namespace MapDashboard.IntegrationTests.Patrols;

[Collection(PatrolCollection.Name)]
public class RoutesLiveTests(PatrolHost host)
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_saved_route_reaches_another_planner_on_the_routes_layer_and_its_deletion_too()
    {
        var (worker, grid, lon, lat) = await host.WorkerInGridAsync(1);
        var since = await LiveSql.NewestSeqAsync(host.Db);
        await using var planner = RecordingLiveClient.Start(host, new { layers = new[] { "routes" }, sinceSeq = since });
        await planner.SubscribedAsync();

        using var http = host.CreateRealClient();
        var created = await http.PostAsJsonAsync("api/routes", new
        {
            name = "实时路线", grid, worker,
            path = new { type = "LineString", coordinates = new[] { new[] { lon, lat }, new[] { lon + 0.001, lat + 0.0005 } } },
        });
        created.EnsureSuccessStatusCode();
        var id = (long)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;

        var upsert = await planner.WaitForAsync(e => Items(e).Any(i => (long)i["id"]! == id && (string?)i["op"] == "upsert"), Wait, "the saved route");
        var feature = Items(upsert).First(i => (long)i["id"]! == id)["feature"]!;
        Assert.Equal("routes", (string?)Items(upsert).First(i => (long)i["id"]! == id)["layer"]);
        Assert.Equal("实时路线", (string?)feature["properties"]!["name"]);
        Assert.Equal(worker, (string?)feature["properties"]!["worker"]);
        Assert.Equal(grid, (string?)feature["properties"]!["grid"]);
        Assert.True((double)feature["properties"]!["metres"]! > 0);
        Assert.Equal(lon, (double)feature["geometry"]!["coordinates"]![0]![0]!, 6);

        (await http.DeleteAsync($"api/routes/{id}")).EnsureSuccessStatusCode();
        await planner.WaitForAsync(e => Items(e).Any(i => (long)i["id"]! == id && (string?)i["op"] == "delete"), Wait, "the deleted route");
    }

    static IEnumerable<JsonNode> Items(JsonObject e) =>
        (string?)e["event"] == "changes" ? e["items"]!.AsArray().Select(i => i!) : [];
}
