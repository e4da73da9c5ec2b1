using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Photos;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Field;

/// <summary>
/// The field page posts its GPS pings with the worker's session (cookie and CSRF token, as the page does); a field
/// device posts them with its device credential. One ingest, one rule for both: a worker, or its device, pings only
/// as itself — another worker's ping, alone or in a batch with its own, is 403 and nothing is written.
/// </summary>
[Collection(PhotoCollection.Name)]
public class FieldPingCredentialTests(PhotoHost host)
{
    const string PingCounts = """
        select format('own %s, other %s, batches %s',
            (select count(*) from patrol_ping k join person p on p.id = k.worker_id where p.code = @own),
            (select count(*) from patrol_ping k join person p on p.id = k.worker_id where p.code = @other),
            (select count(*) from audit_entry where target_table = 'patrol_ping'))
        """;

    /// <summary>The field page's way in: signed in with the session cookie, the CSRF token of the sign-in answer on every write.</summary>
    async Task<HttpClient> SessionAsync()
    {
        var browser = host.CreateCookieClient();
        var signedIn = await browser.PostAsJsonAsync("api/auth/signin",
            new { userName = TestAccounts.UserNameOf("worker"), password = TestAccounts.PasswordOf("worker") });
        var body = (await signedIn.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(signedIn.IsSuccessStatusCode, body.ToJsonString());
        browser.DefaultRequestHeaders.Add("X-CSRF-TOKEN", (string)body["csrfToken"]!);
        return browser;
    }

    /// <summary>A field device of the test worker: its credential, issued by the admin.</summary>
    async Task<HttpClient> DeviceAsync()
    {
        using var admin = host.CreateClientAs("admin");
        var created = await admin.PostAsJsonAsync("api/devices", new { worker = TestAccounts.UserNameOf("worker"), name = $"phone {Guid.NewGuid():N}" });
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return host.CreateClientWithToken((string)body["accessToken"]!);
    }

    [Theory]
    [InlineData("session")]
    [InlineData("device")]
    public async Task A_worker_pings_as_themself_and_never_as_another_worker_with_either_credential(string credential)
    {
        await host.Accounts.EnsureAsync("worker");
        var own = await host.ScalarAsync<string>("select p.code from account a join person p on p.id = a.person_id where a.user_name = 'test-worker'");
        var other = await host.ScalarAsync<string>("""
            select p.code from person p join territory_unit g on g.grid_worker_id = p.id where p.code <> @own order by g.code limit 1
            """, ("own", own));
        var lon = await host.ScalarAsync<double>("select ST_X(ST_PointOnSurface(g.boundary)) from territory_unit g join person p on p.id = g.grid_worker_id where p.code = @own order by g.code limit 1", ("own", own));
        var lat = await host.ScalarAsync<double>("select ST_Y(ST_PointOnSurface(g.boundary)) from territory_unit g join person p on p.id = g.grid_worker_id where p.code = @own order by g.code limit 1", ("own", own));
        using var http = credential == "session" ? await SessionAsync() : await DeviceAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(-40).AddMilliseconds(credential.Length);
        object Ping(string worker, int i) => new { worker, recordedAt = at.AddSeconds(i * 10).ToString("O"), lon = lon + i * 0.00003, lat, accuracy = 6.0 };
        Task<string> Counts() => host.ScalarAsync<string>(PingCounts, ("own", own), ("other", other));
        var before = await Counts();

        // Another worker's ping, alone or beside the worker's own: refused whole, nothing written (no ping, no audit row).
        await ProblemAssert.IsProblem(await http.PostAsJsonAsync("api/patrols/pings", new { pings = new[] { Ping(other, 0) } }),
            HttpStatusCode.Forbidden, $"may post pings only for {own}, not for {other}");
        await ProblemAssert.IsProblem(await http.PostAsJsonAsync("api/patrols/pings", new { pings = new[] { Ping(own, 0), Ping(other, 1) } }),
            HttpStatusCode.Forbidden, "nothing was stored");
        Assert.Equal(before, await Counts());

        // Its own: stored.
        var accepted = await http.PostAsJsonAsync("api/patrols/pings", new { pings = new[] { Ping(own, 0), Ping(own, 1) } });
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        Assert.Equal(2, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());
        Assert.NotEqual(before, await Counts());
    }
}
