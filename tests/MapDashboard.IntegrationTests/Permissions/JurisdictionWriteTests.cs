using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Api;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// Writes as a signed-in account: inside its jurisdiction accepted, outside (or without the capability) refused
/// with 403 and a problem body naming why, and then nothing is written — incidents, their transitions, the change
/// log, routes, hazards, finding history and every territory boundary are as they were.
/// </summary>
[Collection(PermissionCollection.Name)]
public class JurisdictionWriteTests(PermissionDistrict district)
{
    readonly PermissionHost _host = district.Host;

    [Fact]
    public async Task Outside_the_jurisdiction_every_write_is_refused_naming_why_and_nothing_is_written()
    {
        var incident = (string)(await PermissionActions.ReportAsync(_host, _host.Outside))["code"]!;
        var finding = await PermissionActions.FindingAsync(_host, _host.Inside.Community, inside: false);
        var hazard = await PermissionActions.HazardAsync(_host, _host.Inside.Community, inside: false);
        var route = await PermissionActions.SavedRouteAsync(_host, _host.Outside, "outside route");
        var boundary = await PermissionActions.BoundaryAsync(_host, _host.Outside.Grid);
        using var leader = _host.As(_host.InsideLeader());

        var writes = new (string What, Func<Task<HttpResponseMessage>> Send, string Names)[]
        {
            ("dispatch", () => leader.PostAsJsonAsync($"api/incidents/{incident}/dispatch", new { actor = "lead" }), $"incident {incident}"),
            ("close", () => leader.PostAsJsonAsync($"api/incidents/{incident}/close", new { actor = "lead" }), $"incident {incident}"),
            ("assign", () => leader.PostAsJsonAsync($"api/findings/{finding}/assign", new { assignee = "620102", actor = "lead" }), $"finding {finding}"),
            ("case", () => leader.PostAsJsonAsync($"api/findings/{finding}/case", new { actor = "lead" }), $"finding {finding}"),
            ("hazard", () => leader.PatchAsJsonAsync($"api/hazards/{hazard}", new { status = "resolved" }), $"hazard {hazard}"),
            ("new route", () => leader.PostAsJsonAsync("api/routes", PermissionActions.Route(_host.Outside, "refused")), _host.Outside.Grid),
            ("route here, line there", () => leader.PostAsJsonAsync("api/routes", PermissionActions.Route(_host.Outside, "refused", grid: _host.Inside.Grid)), "the route's line"),
            ("route update", () => leader.PutAsJsonAsync($"api/routes/{route}", PermissionActions.Route(_host.Inside, "moved in")), $"route {route}"),
            ("route delete", () => leader.DeleteAsync($"api/routes/{route}"), $"route {route}"),
            ("boundary", () => leader.PutAsync($"api/territory/{_host.Outside.Grid}/boundary", new StringContent(boundary, Encoding.UTF8, "application/json")), _host.Outside.Grid),
        };
        foreach (var (what, send, names) in writes)
        {
            var before = await _host.RowCountsAsync();
            var response = await send();
            await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "outside your jurisdiction");
            Assert.Contains(names, (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.ToString());
            Assert.True(before == await _host.RowCountsAsync(), $"{what} wrote something");
        }
        Assert.Equal("reported", (string?)(await leader.GetFromJsonAsync<JsonObject>($"api/incidents/{incident}"))!["stage"]);
    }

    [Fact]
    public async Task Inside_the_jurisdiction_the_same_writes_are_accepted()
    {
        var incident = (string)(await PermissionActions.ReportAsync(_host, _host.Inside))["code"]!;
        var finding = await PermissionActions.FindingAsync(_host, _host.Inside.Community, inside: true);
        var hazard = await PermissionActions.HazardAsync(_host, _host.Inside.Community, inside: true);
        var boundary = await PermissionActions.BoundaryAsync(_host, _host.Inside.Grid);
        using var leader = _host.As(_host.InsideLeader());

        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"api/incidents/{incident}/dispatch", new { actor = "lead" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"api/findings/{finding}/assign", new { assignee = "620102", actor = "lead" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PatchAsJsonAsync($"api/hazards/{hazard}", new { status = "mitigating" })).StatusCode);
        var created = await leader.PostAsJsonAsync("api/routes", PermissionActions.Route(_host.Inside, "inside route"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var route = (long)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal($"/api/routes/{route}", created.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await leader.PutAsJsonAsync($"api/routes/{route}", PermissionActions.Route(_host.Inside, "renamed"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await leader.DeleteAsync($"api/routes/{route}")).StatusCode);
        var edit = await leader.PutAsync($"api/territory/{_host.Inside.Grid}/boundary?dryRun=true", new StringContent(boundary, Encoding.UTF8, "application/json"));
        Assert.True(edit.StatusCode == HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());

        // A street leader acts in every community of the street.
        using var street = _host.As(_host.InsideLeader("street"));
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsJsonAsync($"api/incidents/{incident}/accept", new { actor = "street lead" })).StatusCode);
    }

    [Fact]
    public async Task A_boundary_that_would_take_land_outside_the_editor_s_unit_is_refused()
    {
        // The community grown by 20 m into its neighbours, but still inside its street: the parent check passes.
        var community = _host.Inside.Community;
        var grown = await PermissionActions.BoundaryAsync(_host, community, "ST_Intersection(ST_Buffer(b, 0.0002), parent)");
        using var leader = _host.As(_host.InsideLeader());
        var before = await _host.RowCountsAsync();
        var response = await leader.PutAsync($"api/territory/{community}/boundary", new StringContent(grown, Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "outside your jurisdiction");
        Assert.Contains("m²", (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.ToString());
        Assert.Equal(before, await _host.RowCountsAsync());

        // Its own land, redrawn as it is: allowed. The grown one, by the district (whose reach is the district): allowed.
        var same = await PermissionActions.BoundaryAsync(_host, community);
        Assert.Equal(HttpStatusCode.OK, (await leader.PutAsync($"api/territory/{community}/boundary?dryRun=true",
            new StringContent(same, Encoding.UTF8, "application/json"))).StatusCode);
        using var district = _host.As(PermissionActions.District);
        Assert.Equal(HttpStatusCode.OK, (await district.PutAsync($"api/territory/{community}/boundary?dryRun=true",
            new StringContent(grown, Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(before, await _host.RowCountsAsync());
    }

    [Fact]
    public async Task A_role_without_the_capability_is_refused_everywhere_naming_its_role()
    {
        var incident = (string)(await PermissionActions.ReportAsync(_host, _host.Inside))["code"]!;
        using var display = _host.As(PermissionHost.Display);
        using var planner = _host.As(TestSignIn.As("planner", _host.Inside.Community));
        using var community = _host.As(_host.InsideLeader());
        var before = await _host.RowCountsAsync();

        await ProblemAssert.IsProblem(await display.PostAsJsonAsync($"api/incidents/{incident}/dispatch", new { actor = "wall" }),
            HttpStatusCode.Forbidden, "the display account is read-only"); // refused by its role policy before the rule is asked
        await ProblemAssert.IsProblem(await display.PostAsJsonAsync("api/incidents", new { category = "roof_leak", lat = _host.Inside.Lat, lon = _host.Inside.Lon }),
            HttpStatusCode.Forbidden, "the display account is read-only");
        await ProblemAssert.IsProblem(await planner.PostAsJsonAsync($"api/incidents/{incident}/dispatch", new { actor = "planner" }),
            HttpStatusCode.Forbidden, "role 'planner' may not"); // the role policies answer before the jurisdiction rule
        await ProblemAssert.IsProblem(await community.PutAsJsonAsync("api/findings/settings", new { minAreaM2 = 1 }),
            HttpStatusCode.Forbidden, "role 'community' may not");
        await ProblemAssert.IsProblem(await community.PostAsync("api/findings/recompute", null),
            HttpStatusCode.Forbidden, "recompute");
        Assert.Equal(before, await _host.RowCountsAsync());

        // A planner plans routes inside their unit.
        var created = await planner.PostAsJsonAsync("api/routes", PermissionActions.Route(_host.Inside, "planned"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await ProblemAssert.IsProblem(await planner.PostAsJsonAsync("api/routes", PermissionActions.Route(_host.Outside, "planned")),
            HttpStatusCode.Forbidden, "outside your jurisdiction");
    }

    [Fact]
    public async Task A_worker_accepts_and_resolves_only_incidents_assigned_to_them()
    {
        var detail = await PermissionActions.ReportAsync(_host, _host.Inside);
        var (incident, assigned) = ((string)detail["code"]!, (string)detail["worker"]!["code"]!);
        using var desk = _host.As(_host.InsideLeader());
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsJsonAsync($"api/incidents/{incident}/dispatch", new { actor = "desk" })).StatusCode);

        using var other = _host.As(TestSignIn.As("worker", _host.Inside.Grid, person: assigned == _host.Inside.Worker ? _host.Outside.Worker : _host.Inside.Worker));
        var before = await _host.RowCountsAsync();
        await ProblemAssert.IsProblem(await other.PostAsJsonAsync($"api/incidents/{incident}/accept", new { actor = "someone" }),
            HttpStatusCode.Forbidden, "is not assigned to the worker");
        Assert.Equal(before, await _host.RowCountsAsync());

        using var worker = _host.As(TestSignIn.As("worker", _host.Inside.Grid, person: assigned));
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"api/incidents/{incident}/accept", new { actor = "worker" })).StatusCode);
        await ProblemAssert.IsProblem(await worker.PostAsJsonAsync($"api/incidents/{incident}/close", new { actor = "worker" }),
            HttpStatusCode.Forbidden, "a worker account");
    }
}
