using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.IntegrationTests.Api;

namespace MapDashboard.IntegrationTests.Incidents;

/// <summary>
/// A finding opened as a case becomes an incident dispatched to the finding's default owner, is followed through
/// the ordinary workflow, and closing it re-checks the finding: still detected, it is open again (the closed case
/// in its history); gone, it is resolved. Incidents in a finding show it.
/// </summary>
[Collection(IncidentCollection.Name)]
public class FindingCaseTests(IncidentHost host)
{
    readonly HttpClient _http = host.CreateRealClient();

    // The planted gaps of two communities (data/demo/manifest.json); each test takes its own finding.
    Task<long> GapIn(string community) => host.ScalarAsync<long>(
        "select id from finding where kind = 'gap' and unit_codes[1] = @community and present", ("community", community));

    async Task<JsonElement> OpenCase(long finding, object? body = null)
    {
        var response = await _http.PostAsJsonAsync($"api/findings/{finding}/case", body ?? new { actor = "leader 张" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("properties");
    }

    // Revealed (a district account may): the tests read the names people typed in the history.
    Task<JsonElement> Incident(string code) => _http.GetFromJsonAsync<JsonElement>($"api/incidents/{code}?reveal=true");

    [Fact]
    public async Task Opening_a_gap_as_a_case_creates_an_incident_in_the_gap_dispatched_to_the_default_owner()
    {
        var gap = await GapIn("620102001003");
        var finding = await OpenCase(gap);
        var code = finding.GetProperty("caseIncidentCode").GetString()!;
        var owner = finding.GetProperty("defaultOwner").GetProperty("code").GetString();
        Assert.Equal("620102001003", owner);
        Assert.Equal("assigned", finding.GetProperty("status").GetString());
        Assert.Equal(owner, finding.GetProperty("assignee").GetString());

        var incident = await Incident(code);
        Assert.Equal("ownership_unclear", incident.GetProperty("category").GetProperty("code").GetString());
        Assert.Equal("dispatched", incident.GetProperty("stage").GetString());
        Assert.Equal("finding", incident.GetProperty("source").GetString());
        Assert.Equal(owner, incident.GetProperty("responsibleUnit").GetProperty("code").GetString());
        Assert.Equal("community", incident.GetProperty("escalation").GetString());
        Assert.True(incident.GetProperty("ownershipUnclear").GetBoolean());
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("grid").ValueKind); // a gap: no grid holds the point
        Assert.Equal(gap, incident.GetProperty("caseOf").GetProperty("id").GetInt64());
        // The incident's point lies in the gap, so the incident shows the finding it came from.
        Assert.Contains(incident.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetInt64() == gap);
        Assert.True(await host.ScalarAsync<bool>(
            "select ST_Covers(f.geom, i.location) from finding f, incident i where f.id = @gap and i.code = @code",
            ("gap", gap), ("code", code)));
        var steps = incident.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()!).ToArray();
        Assert.Equal(["reported", "dispatched"], steps);
        Assert.Equal("leader 张", incident.GetProperty("history")[1].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Closing_the_case_while_the_gap_remains_leaves_the_finding_open_and_its_history_records_the_closed_case()
    {
        var gap = await GapIn("620102001002");
        var code = (await OpenCase(gap)).GetProperty("caseIncidentCode").GetString()!;
        foreach (var (action, body) in new (string, object)[]
                 {
                     ("accept", new { actor = "community 李" }), ("resolve", new { actor = "community 李", note = "merged into 01" }),
                     ("rate", new { actor = "resident", rating = 4 }),
                 })
        {
            (await _http.PostAsJsonAsync($"api/incidents/{code}/{action}", body)).EnsureSuccessStatusCode();
            Assert.Equal("assigned", await host.ScalarAsync<string>("select status from finding where id = @gap", ("gap", gap)));
        }
        // Nobody moved a boundary: the gap is still there when the case closes.
        (await _http.PostAsJsonAsync($"api/incidents/{code}/close", new { actor = "dispatcher" })).EnsureSuccessStatusCode();

        var finding = await _http.GetFromJsonAsync<JsonElement>($"api/findings/{gap}");
        var properties = finding.GetProperty("properties");
        Assert.Equal("new", properties.GetProperty("status").GetString()); // its status before the case
        Assert.True(properties.GetProperty("present").GetBoolean());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("caseIncidentCode").ValueKind);
        var last = finding.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("assigned", "new", "system:case", "case_closed", code, true),
            (last.GetProperty("from").GetString(), last.GetProperty("to").GetString(), last.GetProperty("actor").GetString(),
             last.GetProperty("event").GetString(), last.GetProperty("params").GetProperty("incident").GetString(),
             last.GetProperty("params").GetProperty("stillDetected").GetBoolean()));
        // The map keeps showing it: the findings layer and list hold new and assigned findings.
        var listed = await _http.GetFromJsonAsync<JsonElement>("api/findings?unit=620102001002&kind=gap");
        Assert.Contains(listed.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetInt64() == gap);
        Assert.Equal(1L, await host.ScalarAsync<long>(
            "select count(*) from change_log where layer = 'findings' and feature_id = @gap and op = 'upsert' and (feature -> 'properties' ->> 'status') = 'new' and seq = (select max(seq) from change_log where layer = 'findings' and feature_id = @gap)",
            ("gap", gap)));
        // The closed incident still names the finding it was opened from, and a new case can be opened.
        Assert.Equal(gap, (await Incident(code)).GetProperty("caseOf").GetProperty("id").GetInt64());
        var again = (await OpenCase(gap)).GetProperty("caseIncidentCode").GetString();
        Assert.NotEqual(code, again);
    }

    [Fact]
    public async Task Closing_the_case_after_the_owner_is_recorded_leaves_the_finding_resolved()
    {
        var ownerless = await host.ScalarAsync<long>("select id from finding where finding_key = 'ownerless:B000870'");
        var code = (await OpenCase(ownerless)).GetProperty("caseIncidentCode").GetString()!;
        // The owner is settled (as psql or QGIS would record it): detection no longer finds the ownerless building.
        await host.ScalarAsync<int>("update building set owner_id = (select id from organisation order by id limit 1) where code = 'B000870'; select 1");
        Assert.Equal("resolved", await host.ScalarAsync<string>("select status from finding where id = @id", ("id", ownerless)));
        foreach (var action in new[] { "accept", "resolve", "rate", "close" })
            (await _http.PostAsJsonAsync($"api/incidents/{code}/{action}", new { actor = "street 王", rating = action == "rate" ? 5 : (int?)null })).EnsureSuccessStatusCode();

        var finding = await _http.GetFromJsonAsync<JsonElement>($"api/findings/{ownerless}");
        Assert.Equal("resolved", finding.GetProperty("properties").GetProperty("status").GetString());
        Assert.False(finding.GetProperty("properties").GetProperty("present").GetBoolean());
        var last = finding.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("case_closed", false), (last.GetProperty("event").GetString(), last.GetProperty("params").GetProperty("stillDetected").GetBoolean()));
    }

    [Fact]
    public async Task A_case_s_history_is_codes_worded_by_the_client_not_english_sentences()
    {
        var straddle = await host.ScalarAsync<long>("select id from finding where finding_key = 'straddle:B000964'");
        var finding = await OpenCase(straddle);
        var code = finding.GetProperty("caseIncidentCode").GetString()!;
        var owner = finding.GetProperty("defaultOwner");
        var history = (await Incident(code)).GetProperty("history").EnumerateArray().ToArray();
        Assert.Equal(("opened_from_finding", straddle, "straddle", ""),
            (history[0].GetProperty("event").GetString(), history[0].GetProperty("params").GetProperty("finding").GetInt64(),
             history[0].GetProperty("params").GetProperty("kind").GetString(), history[0].GetProperty("note").GetString()));
        var unit = history[1].GetProperty("params").GetProperty("unit");
        Assert.Equal(("dispatched_to_default_owner", owner.GetProperty("code").GetString(), owner.GetProperty("name").GetString(), ""),
            (history[1].GetProperty("event").GetString(), unit.GetProperty("code").GetString(), unit.GetProperty("name").GetString(),
             history[1].GetProperty("note").GetString()));
        var opened = (await _http.GetFromJsonAsync<JsonElement>($"api/findings/{straddle}")).GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("new", "assigned", "case_opened", code, ""),
            (opened.GetProperty("from").GetString(), opened.GetProperty("to").GetString(), opened.GetProperty("event").GetString(),
             opened.GetProperty("params").GetProperty("incident").GetString(), opened.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task A_finding_has_one_case_and_a_resolved_one_none_and_refusals_write_nothing()
    {
        var straddle = await host.ScalarAsync<long>("select id from finding where finding_key = 'straddle:B000239'");
        var code = (await OpenCase(straddle)).GetProperty("caseIncidentCode").GetString()!;
        var resolved = await host.ScalarAsync<long>("select id from finding where finding_key = 'straddle:B000445'");
        (await _http.PostAsJsonAsync($"api/findings/{resolved}/resolve", new { actor = "lead" })).EnsureSuccessStatusCode();
        var before = await host.WrittenRowsAsync();

        await ProblemAssert.IsProblem(await _http.PostAsJsonAsync($"api/findings/{straddle}/case", new { }),
            HttpStatusCode.Conflict, $"already followed up by incident {code}");
        await ProblemAssert.IsProblem(await _http.PostAsJsonAsync($"api/findings/{resolved}/case", new { }),
            HttpStatusCode.Conflict, "is 'resolved'; a case can be opened only for a new or assigned finding");
        var other = await host.ScalarAsync<long>("select id from finding where finding_key = 'straddle:B000492'");
        await ProblemAssert.IsProblem(await _http.PostAsJsonAsync($"api/findings/{other}/case", new { incidentCode = "I999999" }),
            HttpStatusCode.NotFound, "no incident has code 'I999999'");
        await ProblemAssert.IsProblem(await _http.PostAsJsonAsync("api/findings/999999/case", new { }),
            HttpStatusCode.NotFound, "no finding has id 999999");

        Assert.Equal(before, await host.WrittenRowsAsync());
        Assert.Equal("new", await host.ScalarAsync<string>("select status from finding where id = @other", ("other", other)));
    }

    [Fact]
    public async Task A_finding_can_follow_an_existing_report_of_the_same_problem()
    {
        var at = await host.ScalarAsync<string>(
            "select ST_X(ST_PointOnSurface(geom)) || ',' || ST_Y(ST_PointOnSurface(geom)) from finding where finding_key = 'straddle:B000938'");
        var (lon, lat) = (double.Parse(at.Split(',')[0]), double.Parse(at.Split(',')[1]));
        var report = await _http.PostAsJsonAsync("api/incidents", new { category = "unsafe_wall", lon, lat, description = "wall between two grids" });
        var code = (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incident").GetProperty("code").GetString()!;
        var finding = await host.ScalarAsync<long>("select id from finding where finding_key = 'straddle:B000938'");

        var linked = await OpenCase(finding, new { incidentCode = code, actor = "leader" });
        Assert.Equal(code, linked.GetProperty("caseIncidentCode").GetString());
        var incident = await Incident(code);
        Assert.Equal("unsafe_wall", incident.GetProperty("category").GetProperty("code").GetString()); // not replaced
        Assert.Equal(finding, incident.GetProperty("caseOf").GetProperty("id").GetInt64());
    }
}
