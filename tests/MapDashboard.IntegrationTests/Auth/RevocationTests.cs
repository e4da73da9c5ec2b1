using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Live;
using MapDashboard.IntegrationTests.Patrols;

namespace MapDashboard.IntegrationTests.Auth;

/// <summary>Signing out and revoking take effect at once: the next request is 401 and open hub connections are closed.</summary>
[Collection(AuthCollection.Name)]
public sealed class RevocationTests(AuthHost host)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    RecordingLiveClient HubClient(string token) =>
        RecordingLiveClient.Start(host.BaseUrl, new { layers = new[] { "hazards" } }, accessToken: () => Task.FromResult<string?>(token));

    static Task Closed(RecordingLiveClient client) =>
        client.WaitForAsync(e => (string?)e["event"] == "closed", Patience, "the hub connection to be closed");

    [Fact]
    public async Task Signing_out_ends_the_token_and_closes_its_hub_connection()
    {
        var token = await host.Accounts.NewTokenForRoleAsync("street");
        using var http = host.CreateClientWithToken(token);
        await using var hub = HubClient(token);
        await hub.SubscribedAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync("api/auth/signout", null)).StatusCode);

        await Closed(hub);
        await ProblemAssert.IsProblem(await http.GetAsync("api/territory"), HttpStatusCode.Unauthorized, "revoked");
    }

    [Fact]
    public async Task Revoking_an_account_refuses_its_next_request_and_closes_its_hub_connections()
    {
        const string password = "a-long-password-1";
        var userName = await host.CreateAccountAsync("community", password);
        var token = await host.TokenAsync(userName, password);
        using var http = host.CreateClientWithToken(token);
        await using var hub = HubClient(token);
        await hub.SubscribedAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/territory")).StatusCode);

        using var admin = host.CreateClientAs("admin");
        var revoked = await admin.PostAsync($"api/accounts/{userName}/revoke", null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await Closed(hub);
        await ProblemAssert.IsProblem(await http.GetAsync("api/territory"), HttpStatusCode.Unauthorized, "revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostTokenAsync(userName, password)).StatusCode);
    }

    [Fact]
    public async Task A_revocation_made_in_the_database_closes_the_hub_connection_at_the_next_recheck()
    {
        var token = await host.Accounts.NewTokenForRoleAsync("planner");
        await using var hub = HubClient(token);
        await hub.SubscribedAsync();

        await host.ScalarAsync<int>("update access_token set revoked_at = now() where token_hash = sha256(convert_to(@t, 'UTF8')) returning 1", ("t", token));

        await Closed(hub);
    }

    [Fact]
    public async Task A_revocation_made_in_the_database_refuses_the_next_requests_on_every_node_once_notified()
    {
        var token = await host.Accounts.NewTokenForRoleAsync("planner");
        using var http = host.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/territory")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/territory")).StatusCode);

        await host.ScalarAsync<int>("update access_token set revoked_at = now() where token_hash = sha256(convert_to(@t, 'UTF8')) returning 1", ("t", token));

        // The server kept the credential in memory (CredentialCache, for 5 minutes at most); only the NOTIFY from the
        // table's trigger can end it sooner, within the time a notification takes to arrive.
        var until = DateTime.UtcNow + Patience;
        HttpStatusCode status;
        while ((status = (await http.GetAsync("api/territory")).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < until)
            await Task.Delay(50);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Only_an_admin_creates_accounts_and_devices()
    {
        using var district = host.CreateClient();
        var account = await district.PostAsJsonAsync("api/accounts", new { userName = "x", role = "admin", unit = "x", password = "a-long-password-1" });
        var device = await district.PostAsJsonAsync("api/devices", new { worker = "test-worker", name = "phone" });

        await ProblemAssert.IsProblem(account, HttpStatusCode.Forbidden, "role 'district' may not POST /api/accounts");
        await ProblemAssert.IsProblem(device, HttpStatusCode.Forbidden, "it needs one of: admin");
    }

    [Fact]
    public async Task A_device_posts_pings_only_for_its_own_worker_and_is_refused_once_revoked()
    {
        await host.Accounts.EnsureAsync("worker");
        var own = await host.ScalarAsync<string>("select p.code from account a join person p on p.id = a.person_id where a.user_name = 'test-worker'");
        var other = await host.ScalarAsync<string>("select code from person where role = 'grid_worker' and code <> @c order by code limit 1", ("c", own));
        var (lon, lat) = (await host.ScalarAsync<double>("select ST_X(ST_PointOnSurface(boundary)) from territory_unit where kind = 'district'"),
                          await host.ScalarAsync<double>("select ST_Y(ST_PointOnSurface(boundary)) from territory_unit where kind = 'district'"));
        using var admin = host.CreateClientAs("admin");
        var created = (await (await admin.PostAsJsonAsync("api/devices", new { worker = "test-worker", name = "phone 1" })).Content.ReadFromJsonAsync<JsonObject>())!;
        using var device = host.CreateClientWithToken((string)created["accessToken"]!);
        var pings = await host.ScalarAsync<long>("select count(*) from patrol_ping");

        var forOther = await PingPoster.PostAsync(device, new PingPoster.Ping(other, DateTimeOffset.UtcNow.AddSeconds(-30), lon, lat));
        var mixed = await PingPoster.PostAsync(device, new PingPoster.Ping(own, DateTimeOffset.UtcNow.AddSeconds(-20), lon, lat),
            new PingPoster.Ping(other, DateTimeOffset.UtcNow.AddSeconds(-20), lon, lat));

        await ProblemAssert.IsProblem(forOther, HttpStatusCode.Forbidden, $"may post pings only for {own}, not for {other}");
        await ProblemAssert.IsProblem(mixed, HttpStatusCode.Forbidden, $"device {(int)created["id"]!} of worker {own}");
        Assert.Equal(pings, await host.ScalarAsync<long>("select count(*) from patrol_ping"));
        await PingPoster.AcceptedAsync(device, new PingPoster.Ping(own, DateTimeOffset.UtcNow.AddSeconds(-10), lon, lat));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"api/devices/{(int)created["id"]!}/revoke", null)).StatusCode);
        await ProblemAssert.IsProblem(await PingPoster.PostAsync(device, new PingPoster.Ping(own, DateTimeOffset.UtcNow, lon, lat)),
            HttpStatusCode.Unauthorized, "revoked");
    }
}
