using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MapDashboard.IntegrationTests.Live;

public class ChangeStreamTests(LiveHost host) : IClassFixture<LiveHost>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_change_written_with_plain_SQL_reaches_a_subscribed_client_and_leaving_the_area_arrives_as_delete()
    {
        var community = await LiveSql.PointInsideAsync(host.Db, "community", 0);
        var elsewhere = await LiveSql.PointInsideAsync(host.Db, "community", 3);
        var since = await LiveSql.NewestSeqAsync(host.Db);
        await using var client = RecordingLiveClient.Start(host,
            new { layers = new[] { "hazards" }, area = new { kind = "community", id = community.Code }, sinceSeq = since });
        await client.SubscribedAsync();

        var insideId = await LiveSql.InsertHazardAsync(host.Db, "LIVE-IN", (community.Lon, community.Lat));
        await LiveSql.InsertHazardAsync(host.Db, "LIVE-OUT", (elsewhere.Lon, elsewhere.Lat));
        await LiveSql.MoveHazardAsync(host.Db, "LIVE-IN", (elsewhere.Lon, elsewhere.Lat));
        await client.WaitForAsync(e => HasItem(e, "delete", insideId), Wait, "the delete of the hazard that left the area");

        var items = client.ChangeItems();
        var logged = await LiveSql.LoggedSeqsAsync(host.Db, "hazards", since); // insert in, insert out, move out
        Assert.Equal(3, logged.Count);
        Assert.Equal(2, items.Count);
        Assert.Equal(logged[0], (long)items[0]["seq"]!);
        Assert.Equal("upsert", (string?)items[0]["op"]);
        Assert.Equal("hazards", (string?)items[0]["layer"]);
        Assert.Equal("LIVE-IN", (string?)items[0]["code"]);
        var coordinates = items[0]["feature"]!["geometry"]!["coordinates"]!.AsArray();
        Assert.Equal(community.Lon, (double)coordinates[0]!, 6);
        Assert.Equal(community.Lat, (double)coordinates[1]!, 6);
        Assert.Equal(logged[2], (long)items[1]["seq"]!);
        Assert.Equal(insideId, (long)items[1]["id"]!);
        Assert.DoesNotContain(items, i => (string?)i["code"] == "LIVE-OUT");
    }

    [Fact]
    public async Task A_client_subscribing_from_an_older_seq_first_receives_what_it_missed_in_order()
    {
        var grid = await LiveSql.PointInsideAsync(host.Db, "community_grid", 5);
        var since = await LiveSql.NewestSeqAsync(host.Db);
        for (var i = 0; i < 3; i++)
            await LiveSql.InsertHazardAsync(host.Db, $"MISSED-{i}", (grid.Lon + i * 1e-5, grid.Lat));

        await using var client = RecordingLiveClient.Start(host,
            new { layers = new[] { "hazards" }, area = new { kind = "grid", id = grid.Code }, sinceSeq = since });
        var subscribed = await client.SubscribedAsync();

        Assert.Equal(3, (int)subscribed["replayed"]!);
        Assert.Equal(["MISSED-0", "MISSED-1", "MISSED-2"], client.ChangeItems().Select(i => (string)i["code"]!).ToArray());
        var seqs = client.ChangeItems().Select(i => (long)i["seq"]!).ToList();
        Assert.Equal(seqs.Order(), seqs);
    }

    [Fact]
    public async Task A_status_changed_through_the_API_streams_like_any_other_change()
    {
        var since = await LiveSql.NewestSeqAsync(host.Db);
        await using var client = RecordingLiveClient.Start(host, new { layers = new[] { "hazards" }, sinceSeq = since });
        await client.SubscribedAsync();
        var code = await FirstHazardCode();

        using var http = host.CreateRealClient();
        var response = await http.PatchAsJsonAsync($"api/hazards/{code}", new { status = "mitigating" });
        response.EnsureSuccessStatusCode();

        var batch = await client.WaitForAsync(e => (string?)e["event"] == "changes"
            && e["items"]!.AsArray().Any(i => (string?)i!["code"] == code), Wait, $"hazard {code}'s change");
        var item = batch["items"]!.AsArray().First(i => (string?)i!["code"] == code)!;
        Assert.Equal("mitigating", (string?)item["feature"]!["properties"]!["status"]);
    }

    [Theory]
    [InlineData("{\"layers\":[\"nope\"]}", "unknown layer 'nope'")]
    [InlineData("{\"area\":{\"kind\":\"bbox\",\"bbox\":[36.0,103.7,36.1,103.9]}}", "latitude and longitude look swapped")]
    [InlineData("{\"area\":{\"kind\":\"community\",\"id\":\"NOPE\"}}", "no community has code 'NOPE'")]
    [InlineData("{\"area\":{\"kind\":\"county\",\"id\":\"X\"}}", "area kind 'county' is unknown")]
    public async Task A_bad_subscription_is_refused_with_a_message_naming_what_is_wrong(string request, string message)
    {
        await using var client = RecordingLiveClient.Start(host, JsonNode.Parse(request)!);
        var error = await client.WaitForAsync(e => (string?)e["event"] == "error", Wait, "the refusal");
        Assert.Contains(message, (string?)error["message"]);
    }

    static bool HasItem(JsonObject e, string op, long id) =>
        (string?)e["event"] == "changes" && e["items"]!.AsArray().Any(i => (string?)i!["op"] == op && (long)i["id"]! == id);

    async Task<string> FirstHazardCode()
    {
        await using var cmd = host.Db.CreateCommand("select code from hazard where status = 'open' order by code limit 1");
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
