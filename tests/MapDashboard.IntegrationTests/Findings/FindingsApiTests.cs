using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Findings;

/// <summary>/api/findings on the demo district: lists, explanations, the status workflow and indicators (cases: Incidents/FindingCaseTests).</summary>
[Collection(DemoDistrictCollection.Name)]
public class FindingsApiTests(DashboardHost host)
{
    async Task<JsonNode> GetAsync(string path)
    {
        using var http = host.CreateRealClient();
        var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    async Task<long> IdOfAsync(string key) =>
        (long)(await host.Db.CreateCommand($"select id from finding where finding_key = '{key}'").ExecuteScalarAsync())!;

    [Fact]
    public async Task A_communitys_findings_are_listed_largest_first_with_plain_words_in_both_languages()
    {
        var features = (await GetAsync("api/findings?unit=620102002003"))["features"]!.AsArray();
        Assert.Contains(features, f => (string?)f!["properties"]!["kind"] == "gap");
        var areas = features.Select(f => (double?)f!["properties"]!["areaM2"] ?? 0).ToList();
        Assert.Equal(areas.OrderDescending(), areas);
        var gap = features.First(f => (string?)f!["properties"]!["kind"] == "gap"
                                      && (string?)f["properties"]!["units"]![0] == "620102002003")!["properties"]!;
        Assert.Contains("3,856 m² strip inside community 620102002003", (string?)gap["explanation"]!["en"]);
        Assert.Contains("不属于任何网格；按属地兜底，默认由", (string?)gap["explanation"]!["zh"]);
        Assert.Equal("620102002003", (string?)gap["defaultOwner"]!["code"]);
        Assert.Equal("merge_into", (string?)gap["suggestedFix"]!["action"]);
    }

    [Fact]
    public async Task A_finding_moves_from_new_to_assigned_to_resolved_and_its_history_names_who_did_it()
    {
        var id = await IdOfAsync("disputed:B001267");
        using var http = host.CreateRealClient();
        (await http.PostAsJsonAsync($"api/findings/{id}/assign", new { assignee = "620102001001", actor = "lead-1", note = "red-line maps" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"api/findings/{id}/resolve", new { actor = "lead-1" })).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblem(await http.PostAsJsonAsync($"api/findings/{id}/assign", new { assignee = "x" }),
            HttpStatusCode.Conflict, "is 'resolved'; assign needs it to be new or assigned");

        var finding = await GetAsync($"api/findings/{id}?reveal=true"); // the names people typed, revealed (a district account may)
        Assert.Equal("resolved", (string?)finding["properties"]!["status"]);
        var history = finding["history"]!.AsArray();
        Assert.Equal(["new", "assigned", "resolved"], history.Select(h => (string)h!["to"]!).ToArray());
        Assert.Equal("lead-1", (string?)history[1]!["actor"]);
        Assert.Equal("red-line maps", (string?)history[1]!["note"]);
    }

    [Fact]
    public async Task Indicators_give_unclear_area_and_counts_per_street_and_community_with_a_daily_series()
    {
        var units = (await GetAsync("api/findings/indicators?days=30"))["units"]!.AsArray();
        Assert.Equal(8, units.Count); // 2 streets, 6 communities
        var community = units.First(u => (string?)u!["code"] == "620102002003")!;
        Assert.True((double)community["areaM2"]! > 3856);
        Assert.True((int)community["byKind"]!["gap"]! >= 1);
        var series = community["series"]!.AsArray();
        Assert.Equal(30, series.Count);
        Assert.Equal((int)community["count"]!, (int)series[^1]!["count"]!);
        Assert.Null(series[0]!["count"]); // nothing was recorded 29 days ago
    }

    [Fact]
    public async Task Unknown_kinds_units_and_findings_are_refused_with_a_problem()
    {
        using var http = host.CreateRealClient();
        await ProblemAssert.IsProblem(await http.GetAsync("api/findings?kind=nope"), HttpStatusCode.BadRequest, "kind 'nope' is not one of");
        await ProblemAssert.IsProblem(await http.GetAsync("api/findings?unit=NOPE"), HttpStatusCode.NotFound, "no territory unit has code 'NOPE'");
        await ProblemAssert.IsProblem(await http.GetAsync("api/findings/999999"), HttpStatusCode.NotFound, "no finding has id 999999");
    }
}
