using System.Text.Json.Nodes;
using MapDashboard.Domain.Permissions;
using MapDashboard.IntegrationTests.Live;
using MapDashboard.IntegrationTests.Patrols;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// The live hub with the .NET SignalR client, signed in: a subscription to the whole district is clipped to what
/// the account may see. Every change still flows (geometry, colours), but a route's worker name arrives masked
/// inside the leader's unit, unmasked only on an entitled reveal, and not at all outside it or to the wall.
/// </summary>
[Collection(PermissionCollection.Name)]
public class PersonalDataLiveTests(PermissionDistrict district)
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    readonly PermissionHost _host = district.Host;

    [Fact]
    public async Task A_community_leader_watching_the_whole_district_gets_names_masked_inside_and_none_outside()
    {
        var (inside, outside) = await WatchTwoRoutesAsync(_host.InsideLeader(), reveal: false);
        Assert.Equal(Masking.Name(_host.Inside.WorkerName), WorkerName(inside));
        Assert.NotEqual(_host.Inside.WorkerName, WorkerName(inside));
        Assert.Null(WorkerName(outside));
        Assert.False(Properties(outside).ContainsKey("workerName"));
        // The map still draws it: geometry, grid, worker code.
        Assert.Equal(_host.Outside.Grid, (string?)Properties(outside)["grid"]);
        Assert.Equal("LineString", (string?)outside["feature"]!["geometry"]!["type"]);
    }

    [Fact]
    public async Task Revealing_shows_the_leader_s_own_people_and_still_nobody_else()
    {
        var (inside, outside) = await WatchTwoRoutesAsync(_host.InsideLeader("street"), reveal: true);
        Assert.Equal(_host.Inside.WorkerName, WorkerName(inside));
        Assert.False(Properties(outside).ContainsKey("workerName"));
    }

    [Fact]
    public async Task The_wall_display_never_receives_personal_data_even_asking_to_reveal()
    {
        var (inside, outside) = await WatchTwoRoutesAsync(PermissionHost.Display, reveal: true);
        Assert.False(Properties(inside).ContainsKey("workerName"));
        Assert.False(Properties(outside).ContainsKey("workerName"));
        Assert.DoesNotContain(_host.Inside.WorkerName, inside.ToJsonString());
    }

    [Fact]
    public async Task The_district_s_duty_officer_sees_every_name_masked_and_revealed_on_request()
    {
        var district = TestSignIn.As("district", "620102");
        var (inside, outside) = await WatchTwoRoutesAsync(district, reveal: false);
        Assert.Equal(Masking.Name(_host.Inside.WorkerName), WorkerName(inside));
        Assert.Equal(Masking.Name(_host.Outside.WorkerName), WorkerName(outside));
        (inside, outside) = await WatchTwoRoutesAsync(district, reveal: true);
        Assert.Equal(_host.Outside.WorkerName, WorkerName(outside));
    }

    [Fact]
    public async Task Live_worker_positions_carry_the_name_only_through_the_lens()
    {
        var since = await LiveSql.NewestSeqAsync(_host.Db);
        await using var display = RecordingLiveClient.Start(_host.BaseUrl, new { layers = new[] { "workers" }, sinceSeq = since },
            headers: PermissionHost.Display);
        await using var leader = RecordingLiveClient.Start(_host.BaseUrl, new { layers = new[] { "workers" }, sinceSeq = since },
            headers: _host.InsideLeader());
        await display.SubscribedAsync();
        await leader.SubscribedAsync();

        using var http = _host.CreateRealClient();
        var (lon, lat) = PingPoster.Offset(_host.Inside.Lon, _host.Inside.Lat, 10, 10);
        await PingPoster.AcceptedAsync(http, new PingPoster.Ping(_host.Inside.Worker, DateTimeOffset.UtcNow.AddSeconds(-1), lon, lat));

        bool Moved(JsonObject e) => (string?)e["event"] == "positions" && e["items"]!.AsArray().Any(i => (string?)i!["code"] == _host.Inside.Worker);
        JsonObject Position(JsonObject e) => e["items"]!.AsArray().First(i => (string?)i!["code"] == _host.Inside.Worker)!.AsObject();
        var seenByDisplay = Position(await display.WaitForAsync(Moved, Wait, "the worker's position on the wall"));
        var seenByLeader = Position(await leader.WaitForAsync(Moved, Wait, "the worker's position on the leader's map"));
        Assert.False(Properties(seenByDisplay).ContainsKey("name"));
        Assert.Equal(Masking.Name(_host.Inside.WorkerName), (string?)Properties(seenByLeader)["name"]);
    }

    /// <summary>Subscribes to routes everywhere as the account, then saves one route in each community with plain SQL.</summary>
    async Task<(JsonObject Inside, JsonObject Outside)> WatchTwoRoutesAsync(Dictionary<string, string> account, bool reveal)
    {
        var since = await LiveSql.NewestSeqAsync(_host.Db);
        await using var client = RecordingLiveClient.Start(_host.BaseUrl, new { layers = new[] { "routes" }, sinceSeq = since, reveal }, headers: account);
        await client.SubscribedAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await InsertRouteAsync($"in-{tag}", _host.Inside);
        await InsertRouteAsync($"out-{tag}", _host.Outside);
        JsonObject Named(string name) => client.ChangeItems().First(i => (string?)i["feature"]?["properties"]?["name"] == name);
        await client.WaitForAsync(_ => client.ChangeItems().Any(i => (string?)i["feature"]?["properties"]?["name"] == $"out-{tag}"), Wait, "both routes");
        return (Named($"in-{tag}"), Named($"out-{tag}"));
    }

    async Task InsertRouteAsync(string name, PermissionHost.Place place)
    {
        var (lon, lat) = PingPoster.Offset(place.Lon, place.Lat, 20, 0);
        await using var cmd = _host.Db.CreateCommand("""
            insert into patrol_route (name, path, grid_id, worker_id)
            select @name, ST_SetSRID(ST_MakeLine(ST_MakePoint(@lon0, @lat0), ST_MakePoint(@lon1, @lat1)), 4326), g.id, g.grid_worker_id
            from territory_unit g where g.code = @grid
            """);
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("lon0", place.Lon);
        cmd.Parameters.AddWithValue("lat0", place.Lat);
        cmd.Parameters.AddWithValue("lon1", lon);
        cmd.Parameters.AddWithValue("lat1", lat);
        cmd.Parameters.AddWithValue("grid", place.Grid);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    static JsonObject Properties(JsonObject item) => item["feature"]!["properties"]!.AsObject();

    static string? WorkerName(JsonObject item) => (string?)Properties(item)["workerName"];
}
