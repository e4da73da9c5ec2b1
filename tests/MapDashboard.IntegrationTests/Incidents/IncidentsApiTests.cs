using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Live;

namespace MapDashboard.IntegrationTests.Incidents;

[Collection(IncidentCollection.Name)]
public class IncidentsApiTests(IncidentHost host)
{
    readonly HttpClient _http = host.CreateRealClient();

    async Task<JsonElement> Report(string category, int microGrid, string description = "test report")
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", microGrid);
        var response = await _http.PostAsJsonAsync("api/incidents", new { category, lat = at.Lat, lon = at.Lon, description, contact = "13900000000" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incident");
    }

    async Task<HttpResponseMessage> Step(string code, string action, object body) =>
        await _http.PostAsJsonAsync($"api/incidents/{code}/{action}", body);

    [Fact]
    public async Task A_report_is_routed_and_readable_with_its_history_but_without_the_reporter_s_contact()
    {
        var incident = await Report("roof_leak", 10);
        var code = incident.GetProperty("code").GetString()!;

        var read = await _http.GetFromJsonAsync<JsonElement>($"api/incidents/{code}");
        Assert.Equal("reported", read.GetProperty("stage").GetString());
        Assert.Equal("grid", read.GetProperty("escalation").GetString());
        Assert.False(read.GetProperty("ownershipUnclear").GetBoolean());
        Assert.Equal(read.GetProperty("grid").GetProperty("code").GetString(), read.GetProperty("responsibleUnit").GetProperty("code").GetString());
        Assert.True(read.GetProperty("stageDueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(100)); // roof_leak: 2 h to dispatch
        var first = Assert.Single(read.GetProperty("history").EnumerateArray());
        Assert.Equal(("reported", "reporter"), (first.GetProperty("to").GetString(), first.GetProperty("actor").GetString()));
        // What the system did is a code the client words in its reader's language, not an English sentence.
        Assert.Equal(("reported", "api", ""), (first.GetProperty("event").GetString(),
            first.GetProperty("params").GetProperty("source").GetString(), first.GetProperty("note").GetString()));
        Assert.DoesNotContain("13900000000", read.GetRawText());
    }

    [Fact]
    public async Task The_whole_loop_records_every_step_with_who_and_note_and_ends_closed()
    {
        var code = (await Report("sanitation", 11)).GetProperty("code").GetString()!;
        (await Step(code, "dispatch", new { actor = "dispatcher 王", note = "to the grid worker" })).EnsureSuccessStatusCode();
        (await Step(code, "accept", new { actor = "worker 李" })).EnsureSuccessStatusCode();
        (await Step(code, "resolve", new { actor = "worker 李", note = "cleared" })).EnsureSuccessStatusCode();
        (await Step(code, "rate", new { actor = "resident", rating = 5 })).EnsureSuccessStatusCode();
        var closed = await (await Step(code, "close?reveal=true", new { actor = "dispatcher 王" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("closed", closed.GetProperty("stage").GetString());
        Assert.Equal(5, closed.GetProperty("rating").GetInt32());
        var history = closed.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["reported", "dispatched", "accepted", "resolved", "rated", "closed"], history.Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("dispatcher 王", history[1].GetProperty("actor").GetString());
        Assert.Equal("to the grid worker", history[1].GetProperty("note").GetString());
        // The rating is a coded event (worded by the client); no note was typed.
        Assert.Equal(("rated", 5, false, ""), (history[4].GetProperty("event").GetString(), history[4].GetProperty("params").GetProperty("rating").GetInt32(),
            history[4].GetProperty("params").GetProperty("reopened").GetBoolean(), history[4].GetProperty("note").GetString()));
    }

    [Fact]
    public async Task A_step_out_of_order_is_refused_with_409_and_changes_nothing()
    {
        var code = (await Report("parking", 12)).GetProperty("code").GetString()!;
        var before = await host.WrittenRowsAsync();
        await ProblemAssert.IsProblem(await Step(code, "resolve", new { actor = "worker" }), HttpStatusCode.Conflict,
            "cannot resolve an incident that is reported: resolve needs it to be accepted");
        Assert.Equal(before, await host.WrittenRowsAsync());
    }

    [Fact]
    public async Task A_low_rating_reopens_the_incident_for_dispatch()
    {
        var code = (await Report("blocked_drain", 13)).GetProperty("code").GetString()!;
        foreach (var action in new[] { "dispatch", "accept", "resolve" })
            (await Step(code, action, new { actor = "someone" })).EnsureSuccessStatusCode();
        var reopened = await (await Step(code, "rate", new { actor = "resident", rating = 2, note = "still blocked" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("dispatched", reopened.GetProperty("stage").GetString());
        // The rating and the reopening are a coded event; the resident's own words stay the note.
        var rated = reopened.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("rated", 2, true, "still blocked"), (rated.GetProperty("event").GetString(), rated.GetProperty("params").GetProperty("rating").GetInt32(),
            rated.GetProperty("params").GetProperty("reopened").GetBoolean(), rated.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task Reporting_the_same_problem_again_links_to_the_open_incident_instead_of_creating_one()
    {
        var first = await Report("water_supply", 14);
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 14);
        var incidents = await host.ScalarAsync<long>("select count(*) from incident");

        var again = await _http.PostAsJsonAsync("api/incidents", new { category = "water_supply", lat = at.Lat + 0.0001, lon = at.Lon, description = "no water on floor 5" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("duplicate").GetBoolean());
        var code = first.GetProperty("code").GetString()!;
        Assert.Equal(code, body.GetProperty("incident").GetProperty("code").GetString());
        Assert.Contains($"already open as {code}", body.GetProperty("notice").GetString());
        Assert.Equal(2, body.GetProperty("incident").GetProperty("reports").GetInt32());
        Assert.Equal(incidents, await host.ScalarAsync<long>("select count(*) from incident"));
    }

    [Theory]
    [InlineData("""{"category":"roof_leak","description":"x"}""", "a location is required")]
    [InlineData("""{"category":"roof_leak","lat":39.9,"lon":116.4}""", "is outside the district")]
    [InlineData("""{"category":"roof_leak","lat":103.83,"lon":36.05}""", "latitude and longitude look swapped")]
    [InlineData("""{"category":"potholes","lat":36.05,"lon":103.83}""", "category 'potholes' is not a known category")]
    [InlineData("""{"category":"roof_leak","lat":36.05,"lon":103.83,"photoUrl":"javascript:alert(1)"}""", "photoUrl must be an absolute http or https URL")]
    public async Task A_bad_report_gets_400_naming_the_problem_and_writes_nothing(string body, string detail)
    {
        var before = await host.WrittenRowsAsync();
        var response = await _http.PostAsync("api/incidents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, detail);
        Assert.Equal(before, await host.WrittenRowsAsync());
    }

    [Fact]
    public async Task An_over_long_description_is_refused_and_writes_nothing()
    {
        var before = await host.WrittenRowsAsync();
        var response = await _http.PostAsJsonAsync("api/incidents", new { category = "roof_leak", lat = 36.05, lon = 103.83, description = new string('漏', 4001) });
        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "description has 4001 characters; at most 4000");
        Assert.Equal(before, await host.WrittenRowsAsync());
    }

    [Fact]
    public async Task The_list_filters_by_unit_and_stage_and_an_unknown_unit_is_404()
    {
        var incident = await Report("food_safety", 15);
        var grid = incident.GetProperty("grid").GetProperty("code").GetString()!;
        var list = await _http.GetFromJsonAsync<JsonElement>($"api/incidents?unit={grid}&stage=reported&open=true");
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("code").GetString() == incident.GetProperty("code").GetString());
        Assert.All(list.EnumerateArray(), i => Assert.Equal("reported", i.GetProperty("stage").GetString()));
        await ProblemAssert.IsProblem(await _http.GetAsync("api/incidents?unit=NOPE"), HttpStatusCode.NotFound, "no district, street, community or grid has code 'NOPE'");
        await ProblemAssert.IsProblem(await _http.GetAsync("api/incidents?stage=lost"), HttpStatusCode.BadRequest, "stage 'lost' is not one of");
    }

    [Fact]
    public async Task Indicators_count_a_grid_s_incidents_and_rates_over_the_last_30_days()
    {
        var code = (await Report("gas_safety", 16)).GetProperty("code").GetString()!;
        var grid = await host.ScalarAsync<string>("select g.code from incident i join territory_unit g on g.id = i.grid_id where i.code = @c", ("c", code));
        foreach (var (action, body) in new (string, object)[] { ("dispatch", new { actor = "d" }), ("accept", new { actor = "w" }), ("resolve", new { actor = "w" }),
                     ("rate", new { actor = "r", rating = 4 }), ("close", new { actor = "d" }) })
            (await Step(code, action, body)).EnsureSuccessStatusCode();

        var ind = await _http.GetFromJsonAsync<JsonElement>($"api/indicators/{grid}");
        Assert.Equal(grid, ind.GetProperty("unit").GetProperty("code").GetString());
        Assert.Equal(1, ind.GetProperty("reportedToday").GetInt32());
        Assert.Equal(0, ind.GetProperty("open").GetInt32());
        Assert.Equal(1m, ind.GetProperty("closureRate").GetDecimal());
        Assert.Equal(1m, ind.GetProperty("onTimeClosureRate").GetDecimal());
        Assert.Equal(4m, ind.GetProperty("averageRating").GetDecimal());
        Assert.Equal(30, ind.GetProperty("daily").GetArrayLength());
        Assert.Equal(1, ind.GetProperty("daily")[29].GetProperty("closed").GetInt32());
        Assert.Equal("gas_safety", Assert.Single(ind.GetProperty("byCategory").EnumerateArray()).GetProperty("category").GetString());
        var district = await _http.GetFromJsonAsync<JsonElement>("api/indicators/620102");
        Assert.True(district.GetProperty("reportedToday").GetInt32() >= 1);
        await ProblemAssert.IsProblem(await _http.GetAsync("api/indicators/NOPE"), HttpStatusCode.NotFound, "'NOPE'");
    }

    [Fact]
    public async Task Closure_rate_and_satisfaction_are_counted_over_the_same_incidents_of_the_same_period()
    {
        // One micro-grid, three reports: one closed and rated 5, one rated 5 but not closed yet, one still open.
        var closed = (await Report("roof_leak", 30)).GetProperty("code").GetString()!;
        var ratedOnly = (await Report("parking", 30)).GetProperty("code").GetString()!;
        var open = await Report("gas_safety", 30);
        var grid = open.GetProperty("grid").GetProperty("code").GetString()!;
        foreach (var code in new[] { closed, ratedOnly })
            foreach (var (action, body) in new (string, object)[] { ("dispatch", new { actor = "d" }), ("accept", new { actor = "w" }),
                         ("resolve", new { actor = "w" }), ("rate", new { actor = "r", rating = 5 }) })
                (await Step(code, action, body)).EnsureSuccessStatusCode();
        (await Step(closed, "close", new { actor = "d" })).EnsureSuccessStatusCode();

        var ind = await _http.GetFromJsonAsync<JsonElement>($"api/indicators/{grid}");
        Assert.Equal(30, ind.GetProperty("period").GetProperty("days").GetInt32());
        Assert.Equal((3, 1, 1), (ind.GetProperty("reported30d").GetInt32(), ind.GetProperty("closed30d").GetInt32(), ind.GetProperty("closedOnTime30d").GetInt32()));
        Assert.Equal(0.3333m, ind.GetProperty("closureRate").GetDecimal());
        Assert.Equal(0.3333m, ind.GetProperty("onTimeClosureRate").GetDecimal());
        // Satisfaction is over the closed ones of that same set: the rating of the case still open for closing is not in it.
        Assert.Equal((1, 1), (ind.GetProperty("rated30d").GetInt32(), ind.GetProperty("satisfied30d").GetInt32()));
        Assert.Equal(1m, ind.GetProperty("satisfactionRate").GetDecimal());

        // Rated but nothing closed: no satisfaction to show beside a closure rate of 0 (it read 100 % there before).
        var lone = await Report("neighbour_dispute", 31);
        var loneGrid = lone.GetProperty("grid").GetProperty("code").GetString()!;
        foreach (var (action, body) in new (string, object)[] { ("dispatch", new { actor = "d" }), ("accept", new { actor = "w" }),
                     ("resolve", new { actor = "w" }), ("rate", new { actor = "r", rating = 5 }) })
            (await Step(lone.GetProperty("code").GetString()!, action, body)).EnsureSuccessStatusCode();
        var quiet = await _http.GetFromJsonAsync<JsonElement>($"api/indicators/{loneGrid}");
        Assert.Equal(0m, quiet.GetProperty("closureRate").GetDecimal());
        Assert.Equal(JsonValueKind.Null, quiet.GetProperty("satisfactionRate").ValueKind);
    }
}
