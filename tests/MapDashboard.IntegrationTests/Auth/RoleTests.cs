using System.Net;
using System.Net.Http.Json;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Doors;

namespace MapDashboard.IntegrationTests.Auth;

/// <summary>Role policies: the display is read-only, and each write needs its role; a refusal writes nothing.</summary>
[Collection(AuthCollection.Name)]
public sealed class RoleTests(AuthHost host)
{
    [Fact]
    public async Task The_display_reads_the_map_but_every_write_is_refused_with_403_writing_nothing()
    {
        using var display = host.CreateClientAs("display");
        await host.Accounts.TokenForRoleAsync("display"); // issued before the rows are counted
        var hazard = await host.ScalarAsync<string>("select code from hazard order by code limit 1");
        var grid = await host.ScalarAsync<string>("select code from territory_unit where kind = 'community_grid' order by code limit 1");
        var worker = await host.ScalarAsync<string>("select code from person where role = 'grid_worker' order by code limit 1");
        var before = await host.RowCountsAsync();
        var seq = await host.ScalarAsync<long>("select coalesce(max(seq), 0) from change_log");

        Assert.Equal(HttpStatusCode.OK, (await display.GetAsync("api/territory")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await display.GetAsync($"api/grids/{grid}")).StatusCode);
        var writes = new (string Method, string Url, object Body)[]
        {
            ("PATCH", $"api/hazards/{hazard}", new { severity = "critical" }),
            ("POST", "api/incidents", new { category = "roof_leak", lat = 36.05, lon = 103.83 }),
            ("POST", "api/routes", new { name = "r", path = new { type = "LineString", coordinates = new[] { new[] { 103.83, 36.05 }, new[] { 103.831, 36.05 } } } }),
            ("PUT", "api/findings/settings", new { minAreaM2 = 1 }),
            ("POST", "api/findings/recompute", new { }),
            ("PUT", $"api/territory/{grid}/boundary", new { type = "Polygon", coordinates = Array.Empty<object>() }),
            ("POST", "api/patrols/pings", new { pings = new[] { new { worker, recordedAt = DateTimeOffset.UtcNow.ToString("O"), lon = 103.83, lat = 36.05 } } }),
        };
        foreach (var (method, url, body) in writes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(body) };
            await ProblemAssert.IsProblem(await display.SendAsync(request), HttpStatusCode.Forbidden, "the display account is read-only");
        }

        Assert.Equal("", DoorHost.Changed(before, await host.RowCountsAsync()));
        Assert.Equal(seq, await host.ScalarAsync<long>("select coalesce(max(seq), 0) from change_log"));
    }

    [Fact]
    public async Task Street_and_community_leaders_may_not_tune_the_district_findings()
    {
        using var community = host.CreateClientAs("community");

        var response = await community.PutAsJsonAsync("api/findings/settings", new { minAreaM2 = 1 });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "it needs one of: admin, district");
    }

    [Fact]
    public async Task A_worker_accepts_and_resolves_but_does_not_dispatch_or_close()
    {
        using var worker = host.CreateClientAs("worker");

        var dispatch = await worker.PostAsJsonAsync("api/incidents/I000001/dispatch", new { actor = "w" });
        var close = await worker.PostAsJsonAsync("api/incidents/I000001/close", new { actor = "w" });
        var accept = await worker.PostAsJsonAsync("api/incidents/NO-SUCH/accept", new { actor = "w" });

        await ProblemAssert.IsProblem(dispatch, HttpStatusCode.Forbidden, "a worker account may only accept, decline or resolve an incident, not 'dispatch'");
        await ProblemAssert.IsProblem(close, HttpStatusCode.Forbidden, "not 'close'");
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode); // allowed through: the incident is unknown
    }

    [Fact]
    public async Task A_leader_below_the_district_may_not_post_a_workers_pings()
    {
        using var street = host.CreateClientAs("street");
        var worker = await host.ScalarAsync<string>("select code from person where role = 'grid_worker' order by code limit 1");

        var response = await street.PostAsJsonAsync("api/patrols/pings", new { pings = new[] { new { worker, recordedAt = DateTimeOffset.UtcNow.ToString("O"), lon = 103.83, lat = 36.05 } } });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "role 'street' may not POST /api/patrols/pings");
    }
}
