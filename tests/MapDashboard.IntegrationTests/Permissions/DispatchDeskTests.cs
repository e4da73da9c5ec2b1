using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Patrols;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// The dispatch desk (issue 15) as a community leader uses it: whom to send an incident to (the own grid's worker
/// first, then the others nearest first, masked inside the jurisdiction and nameless outside it; 403 for an incident
/// outside), dispatch to a chosen one, reassign, escalate, link a duplicate; every illegal step refused with a
/// problem body and nothing written.
/// </summary>
[Collection(PermissionCollection.Name)]
public class DispatchDeskTests(PermissionDistrict district)
{
    readonly PermissionHost _host = district.Host;

    async Task<string> ReportInsideAsync() => (string)(await PermissionActions.ReportAsync(_host, _host.Inside))["code"]!;

    async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = await _host.Db.OpenConnectionAsync();
        return await conn.ScalarAsync<T>(sql);
    }

    /// <summary>The grid worker of the (named) grid the incident lies in, read straight from the tables.</summary>
    Task<string> OwnWorkerAsync(string code) => ScalarAsync<string>($"""
        select p.code from incident i
        join territory_unit g on g.id = i.grid_id
        join territory_unit n on n.id = case when g.kind = 'micro_grid' then g.parent_id else g.id end
        join person p on p.id = n.grid_worker_id
        where i.code = '{code}'
        """);

    static JsonArray Candidates(JsonNode answer) => answer["candidates"]!.AsArray();

    [Fact]
    public async Task The_own_grid_s_worker_comes_first_then_the_others_by_their_distance_each_measured_as_said()
    {
        var code = await ReportInsideAsync();
        using var leader = _host.As(_host.InsideLeader());
        var answer = (await leader.GetFromJsonAsync<JsonNode>($"api/incidents/{code}/assignees"))!;
        var candidates = Candidates(answer);

        var first = candidates[0]!;
        Assert.Equal("grid_worker", (string?)first["kind"]);
        Assert.Equal(await OwnWorkerAsync(code), (string?)first["person"]!["code"]);
        Assert.True((bool)first["ownGrid"]!);
        Assert.Equal((string?)answer["grid"]!["code"], (string?)first["grid"]!["code"]);

        // Every distance is the one PostGIS measures from what the answer says it measured from.
        foreach (var c in candidates)
        {
            var measured = (string)c!["measuredFrom"]!;
            var who = c["person"] is { } person ? (string)person["code"]! : (string)c["organisation"]!["code"]!;
            var expected = await ScalarAsync<double>(measured == "position"
                ? $"""
                  select ST_Distance(w.location::geography, i.location::geography) from worker_position w, person p, incident i
                  where w.worker_id = p.id and p.code = '{who}' and i.code = '{code}'
                  """
                : $"""
                  select ST_Distance(g.boundary::geography, i.location::geography) from territory_unit g, incident i
                  where g.code = '{(string)c["grid"]!["code"]!}' and i.code = '{code}'
                  """);
            Assert.True(Math.Abs(expected - (int)c["distanceM"]!) <= 1, $"{who}: {(int)c["distanceM"]!} m, PostGIS says {expected:0.0} m");
        }

        // After the own grid's people (its worker, then the volunteer who looks after its micro-grid, if it lies in one), nearest first.
        var micro = await ScalarAsync<string?>($"""
            select p.code from incident i join territory_unit g on g.id = i.grid_id and g.kind = 'micro_grid'
            join person p on p.id = g.grid_worker_id where i.code = '{code}'
            """);
        if (micro is not null) Assert.Equal(micro, (string?)candidates[1]!["person"]!["code"]);
        var others = candidates.Skip(micro is null ? 1 : 2).Select(c => (int)c!["distanceM"]!).ToList();
        Assert.True(others.Count >= 5, $"only {others.Count} others suggested");
        Assert.Equal(others.OrderBy(d => d), others);
        Assert.Contains(candidates, c => (string?)c!["kind"] == "volunteer");

        // Co-building units are offered by their organisation's name (not personal data), people masked (a shared screen).
        var unit = candidates.First(c => (string?)c!["kind"] == "co_building_unit")!;
        var unitCode = (string)unit["organisation"]!["code"]!;
        Assert.Equal(await ScalarAsync<string>($"select name from organisation where code = '{unitCode}' and kind = 'co_building_unit'"),
            (string?)unit["organisation"]!["name"]);
        var realName = await ScalarAsync<string>($"select name from person where code = '{(string)first["person"]!["code"]!}'");
        Assert.NotEqual(realName, (string?)first["person"]!["name"]);
        Assert.Contains("*", (string)first["person"]!["name"]!);
    }

    [Fact]
    public async Task A_person_outside_the_leader_s_jurisdiction_is_suggested_without_a_name_and_an_incident_outside_is_refused()
    {
        var code = await ReportInsideAsync();
        // A grid worker of another street, who has never sent a position, is standing at the incident now.
        var outsider = await ScalarAsync<string>($"""
            select p.code from person p join territory_unit g on g.id = p.unit_id
            where p.role = 'grid_worker' and not unit_in_jurisdiction(g.id, '{_host.Inside.Street}')
              and not exists (select 1 from patrol_ping x where x.worker_id = p.id)
            order by p.code limit 1
            """);
        var at = await ScalarAsync<double[]>($"select array[ST_X(location), ST_Y(location)] from incident where code = '{code}'");
        using (var duty = _host.As(PermissionActions.District))
            await PingPoster.AcceptedAsync(duty, new PingPoster.Ping(outsider, DateTimeOffset.UtcNow.AddSeconds(-5), at[0], at[1]));

        using var leader = _host.As(_host.InsideLeader());
        var candidates = Candidates((await leader.GetFromJsonAsync<JsonNode>($"api/incidents/{code}/assignees"))!);
        var seen = candidates.Single(c => (string?)c!["person"]?["code"] == outsider)!;
        Assert.Equal("position", (string?)seen["measuredFrom"]);
        Assert.True((int)seen["distanceM"]! <= 1);
        Assert.Null(seen["person"]!["name"]); // outside the jurisdiction: no name at all
        Assert.All(candidates.Where(c => c!["person"] is not null && c["grid"]!["code"]!.ToString().StartsWith(_host.Inside.Community, StringComparison.Ordinal)),
            c => Assert.Contains("*", (string)c!["person"]!["name"]!));

        // An incident of another street: the community leader may not dispatch it, so is not told whom to.
        var outside = (string)(await PermissionActions.ReportAsync(_host, _host.Outside))["code"]!;
        var refused = await leader.GetAsync($"api/incidents/{outside}/assignees");
        await ProblemAssert.IsProblem(refused, HttpStatusCode.Forbidden, $"incident {outside}");
        // Nor may a planner of the same community, inside it.
        using var planner = _host.As(TestSignIn.As("planner", _host.Inside.Community));
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.GetAsync($"api/incidents/{code}/assignees")).StatusCode);
    }

    [Fact]
    public async Task The_leader_dispatches_to_a_suggested_volunteer_reassigns_escalates_and_the_history_names_each_step()
    {
        var code = await ReportInsideAsync();
        using var leader = _host.As(_host.InsideLeader());
        var candidates = Candidates((await leader.GetFromJsonAsync<JsonNode>($"api/incidents/{code}/assignees"))!);
        var volunteer = (string)candidates.First(c => (string?)c!["kind"] == "volunteer")!["person"]!["code"]!;
        var unit = (string)candidates.First(c => (string?)c!["kind"] == "co_building_unit")!["organisation"]!["code"]!;

        var dispatched = await Ok(leader.PostAsJsonAsync($"api/incidents/{code}/dispatch", new { actor = "leader", assignee = volunteer }));
        Assert.Equal("dispatched", (string?)dispatched["stage"]);
        Assert.Equal(volunteer, (string?)dispatched["worker"]!["code"]);
        Assert.Equal("volunteer", (string?)dispatched["worker"]!["role"]);

        var reassigned = await Ok(leader.PostAsJsonAsync($"api/incidents/{code}/reassign", new { actor = "leader", assignee = unit, note = "楼院由共建单位包抓" }));
        Assert.Equal("dispatched", (string?)reassigned["stage"]);
        Assert.Null(reassigned["worker"]);
        Assert.Equal(unit, (string?)reassigned["organisation"]!["code"]);

        var escalated = await Ok(leader.PostAsJsonAsync($"api/incidents/{code}/escalate", new { actor = "leader" }));
        Assert.Equal("community", (string?)escalated["escalation"]);
        Assert.Equal(_host.Inside.Community, (string?)escalated["responsibleUnit"]!["code"]);
        Assert.False((bool)escalated["overdue"]!); // escalating by hand is not being late

        var history = escalated["history"]!.AsArray();
        var events = history.Select(h => (string?)h!["event"]).ToList();
        Assert.Equal(["reported", "dispatched_to", "reassigned", "escalated_by_hand"], events);
        Assert.Equal(volunteer, (string?)history[1]!["assignedPerson"]!["code"]);
        Assert.Contains("*", (string)history[1]!["assignedPerson"]!["name"]!); // a person's name, masked as everywhere
        Assert.Equal(unit, (string?)history[2]!["assignedOrganisation"]!["code"]);
        Assert.Equal("楼院由共建单位包抓", (string?)history[2]!["note"]);
        Assert.Equal(("grid", "community"), ((string?)history[3]!["params"]!["from"], (string?)history[3]!["params"]!["to"]));
    }

    [Fact]
    public async Task A_duplicate_closes_into_the_incident_it_repeats_which_takes_its_reports()
    {
        var original = await ReportInsideAsync();
        var copy = await ReportInsideAsync();
        using var leader = _host.As(_host.InsideLeader());
        var closed = await Ok(leader.PostAsJsonAsync($"api/incidents/{copy}/link", new { actor = "leader", duplicateOf = original }));
        Assert.Equal("closed", (string?)closed["stage"]);
        Assert.Equal(original, (string?)closed["duplicateOf"]);
        Assert.Equal("linked_as_duplicate", (string?)closed["history"]!.AsArray().Last()!["event"]);

        var kept = (await leader.GetFromJsonAsync<JsonNode>($"api/incidents/{original}"))!;
        Assert.Equal(2, (int)kept["reports"]!);
        var line = kept["history"]!.AsArray().Last()!;
        Assert.Equal(("duplicate_linked", copy), ((string?)line["event"], (string?)line["params"]!["incident"]));
    }

    [Fact]
    public async Task Illegal_desk_steps_are_refused_naming_why_and_write_nothing()
    {
        var reported = await ReportInsideAsync();
        var other = await ReportInsideAsync();
        var outside = (string)(await PermissionActions.ReportAsync(_host, _host.Outside))["code"]!;
        using var leader = _host.As(_host.InsideLeader());
        var worker = await OwnWorkerAsync(reported);
        await using (var conn = await _host.Db.OpenConnectionAsync())
            await conn.ExecuteAsync($"update incident set escalation_level = 2 where code = '{other}'");

        var refusals = new (string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status, string Says)[]
        {
            ("reassign before dispatch", () => Post(leader, reported, "reassign", new { actor = "leader", assignee = worker }), HttpStatusCode.Conflict, "dispatch it first"),
            ("reassign without whom", () => Post(leader, reported, "reassign", new { actor = "leader" }), HttpStatusCode.BadRequest, "reassign needs an assignee"),
            ("dispatch to no such one", () => Post(leader, reported, "dispatch", new { actor = "leader", assignee = "nobody-9" }), HttpStatusCode.BadRequest, "is not a grid worker, a party-member volunteer or a co-building unit"),
            ("assignee on accept", () => Post(leader, reported, "accept", new { actor = "leader", assignee = worker }), HttpStatusCode.BadRequest, "only dispatch and reassign take an assignee"),
            ("escalate at the street", () => Post(leader, other, "escalate", new { actor = "leader" }), HttpStatusCode.Conflict, "already at the street"),
            ("link to itself", () => Post(leader, reported, "link", new { actor = "leader", duplicateOf = reported }), HttpStatusCode.Conflict, "cannot be linked to itself"),
            ("link to nothing", () => Post(leader, reported, "link", new { actor = "leader", duplicateOf = "I999999" }), HttpStatusCode.NotFound, "I999999"),
            ("link without what", () => Post(leader, reported, "link", new { actor = "leader" }), HttpStatusCode.BadRequest, "link needs duplicateOf"),
            ("link to an incident outside", () => Post(leader, reported, "link", new { actor = "leader", duplicateOf = outside }), HttpStatusCode.Forbidden, $"incident {outside}"),
            ("escalate outside", () => Post(leader, outside, "escalate", new { actor = "leader" }), HttpStatusCode.Forbidden, "outside your jurisdiction"),
            ("reassign outside", () => Post(leader, outside, "reassign", new { actor = "leader", assignee = worker }), HttpStatusCode.Forbidden, "outside your jurisdiction"),
        };
        foreach (var (what, send, status, says) in refusals)
        {
            var before = await _host.RowCountsAsync();
            var response = await send();
            try { await ProblemAssert.IsProblem(response, status, says); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"{what}: {e.Message}"); }
            Assert.True(before == await _host.RowCountsAsync(), $"{what} wrote something");
        }

        // A closed incident takes no desk step, and a copy cannot be linked to a closed one.
        await Ok(leader.PostAsJsonAsync($"api/incidents/{other}/link", new { actor = "leader", duplicateOf = reported }));
        await ProblemAssert.IsProblem(await Post(leader, other, "escalate", new { actor = "leader" }), HttpStatusCode.Conflict, "closed");
        var third = await ReportInsideAsync();
        var closedBefore = await _host.RowCountsAsync();
        await ProblemAssert.IsProblem(await Post(leader, third, "link", new { actor = "leader", duplicateOf = other }), HttpStatusCode.Conflict,
            $"{other} is itself a duplicate of {reported}");
        Assert.Equal(closedBefore, await _host.RowCountsAsync());
    }

    static Task<HttpResponseMessage> Post(HttpClient http, string code, string action, object body) =>
        http.PostAsJsonAsync($"api/incidents/{code}/{action}", body);

    static async Task<JsonNode> Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
