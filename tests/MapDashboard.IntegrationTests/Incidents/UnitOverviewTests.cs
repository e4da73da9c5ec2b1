using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Live;

namespace MapDashboard.IntegrationTests.Incidents;

/// <summary>
/// GET /api/territory/{code}/overview (issue 18, item 6): a community's totals are the figures the other endpoints
/// give for the same community — incidents as /api/indicators and /api/incidents?unit= count them, grids by colour
/// as the tree colours them, findings by kind as /api/findings?unit= lists them — and its open incidents carry what
/// happened and where. A grid or an unknown code is a problem naming why.
/// </summary>
[Collection(IncidentCollection.Name)]
public class UnitOverviewTests(IncidentHost host)
{
    readonly HttpClient _http = host.CreateRealClient();

    [Theory]
    [InlineData("620102001001")] // a community
    [InlineData("620102001")]    // a street
    public async Task The_overview_s_totals_equal_the_API_s_figures_for_the_same_unit(string code)
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 2); // in 天庆嘉园社区, so in its street too
        var reported = await _http.PostAsJsonAsync("api/incidents", new { category = "sanitation", lat = at.Lat, lon = at.Lon, description = "楼道堆放杂物" });
        reported.EnsureSuccessStatusCode(); // 200 when the other case reported it first: linked as the same problem
        var incident = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incident").GetProperty("code").GetString()!;

        var overview = await _http.GetFromJsonAsync<JsonElement>($"api/territory/{code}/overview");
        var indicators = await _http.GetFromJsonAsync<JsonElement>($"api/indicators/{code}");
        var open = await _http.GetFromJsonAsync<JsonElement[]>($"api/incidents?unit={code}&open=true&limit=500");
        Assert.Equal(code, overview.GetProperty("code").GetString());
        Assert.Equal(indicators.GetProperty("open").GetInt32(), overview.GetProperty("incidents").GetProperty("open").GetInt32());
        Assert.Equal(indicators.GetProperty("overdue").GetInt32(), overview.GetProperty("incidents").GetProperty("overdue").GetInt32());
        Assert.Equal(open!.Length, overview.GetProperty("incidents").GetProperty("open").GetInt32());
        Assert.Equal(open.Select(i => i.GetProperty("code").GetString()).Order(),
            overview.GetProperty("openIncidents").EnumerateArray().Select(i => i.GetProperty("code").GetString()).Order());

        // The reported incident: what happened, where (its grid's name), its stage and due time.
        var row = overview.GetProperty("openIncidents").EnumerateArray().Single(i => i.GetProperty("code").GetString() == incident);
        Assert.Equal("楼道堆放杂物", row.GetProperty("description").GetString());
        Assert.Equal("reported", row.GetProperty("stage").GetString());
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("stageDueAt").ValueKind);
        Assert.StartsWith("天庆嘉园", row.GetProperty("grid").GetProperty("name").GetString());

        // Grids by colour: the tree's grids under the unit, by their colour.
        var tree = (await _http.GetFromJsonAsync<JsonElement[]>("api/territory"))!;
        var parents = tree.ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("parentCode").GetString());
        bool Under(string unit) { for (string? u = unit; u is not null; u = parents.GetValueOrDefault(u)) if (u == code) return true; return false; }
        var grids = tree.Where(u => u.GetProperty("kind").GetString() is "community_grid" or "dedicated_grid" && Under(u.GetProperty("code").GetString()!)).ToList();
        var colours = overview.GetProperty("grids");
        Assert.Equal(grids.Count, colours.GetProperty("total").GetInt32());
        foreach (var colour in new[] { "red", "yellow", "blue" })
            Assert.Equal(grids.Count(g => g.GetProperty("status").GetString() == colour), colours.GetProperty(colour).GetInt32());

        // Each grid with its colour and the reasons stored beside it (what the wall legend counts by reason): the
        // reported incident's grid is at least yellow, with a reason.
        await using var stored = host.Db.CreateCommand("select code, status, status_reasons::text from territory_unit where code = any(@codes)");
        stored.Parameters.AddWithValue("codes", grids.Select(g => g.GetProperty("code").GetString()!).ToArray());
        var rows = new Dictionary<string, (string Status, JsonElement Reasons)>();
        await using (var reader = await stored.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows[reader.GetString(0)] = (reader.GetString(1), JsonDocument.Parse(reader.GetString(2)).RootElement);
        var list = colours.GetProperty("list").EnumerateArray().ToList();
        Assert.Equal(rows.Keys.Order(), list.Select(g => g.GetProperty("code").GetString()!).Order());
        foreach (var g in list)
        {
            var (status, reasons) = rows[g.GetProperty("code").GetString()!];
            Assert.Equal(status, g.GetProperty("status").GetString());
            Assert.Equal(reasons.GetRawText(), g.GetProperty("reasons").GetRawText());
        }
        Assert.Contains(list, g => g.GetProperty("reasons").GetArrayLength() > 0);

        // Findings by kind: what the findings list of the unit holds.
        var findings = (await _http.GetFromJsonAsync<JsonElement>($"api/findings?unit={code}")).GetProperty("features").EnumerateArray()
            .GroupBy(f => f.GetProperty("properties").GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        var byKind = overview.GetProperty("findings").GetProperty("byKind").EnumerateArray()
            .ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("count").GetInt32());
        Assert.Equal(findings.OrderBy(k => k.Key), byKind.OrderBy(k => k.Key));
        Assert.Equal(findings.Values.Sum(), overview.GetProperty("findings").GetProperty("total").GetInt32());

        // Workers: every grid's own worker counted once; no names anywhere in the answer.
        var staffed = 0;
        foreach (var grid in grids)
            if ((await _http.GetFromJsonAsync<JsonElement>($"api/grids/{grid.GetProperty("code").GetString()}")).GetProperty("grid").GetProperty("gridWorker").ValueKind == JsonValueKind.Object)
                staffed++;
        Assert.Equal(staffed, overview.GetProperty("workers").GetProperty("total").GetInt32());
        await using var names = host.Db.CreateCommand("select array_agg(name) from person");
        var people = (string[])(await names.ExecuteScalarAsync())!;
        Assert.DoesNotContain(people, p => overview.GetRawText().Contains(p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_grid_or_an_unknown_code_gets_a_problem_that_says_why()
    {
        await ProblemAssert.IsProblem(await _http.GetAsync("api/territory/620102001001-01/overview"), HttpStatusCode.BadRequest, "GET /api/grids/620102001001-01");
        await ProblemAssert.IsProblem(await _http.GetAsync("api/territory/NO-SUCH/overview"), HttpStatusCode.NotFound, "NO-SUCH");
    }
}
