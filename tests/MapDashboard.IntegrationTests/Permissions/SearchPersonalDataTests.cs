using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.Domain.Permissions;
using MapDashboard.IntegrationTests.Api;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// The search finds people by name only where the account may see them (issue 18, item 5): inside its jurisdiction
/// the hit shows the name masked; an account outside the worker's unit, and the wall display, find nobody by that name
/// — not even a masked hit — while units, buildings and incidents stay searchable for everyone. Bad input is a problem.
/// </summary>
[Collection(PermissionCollection.Name)]
public class SearchPersonalDataTests(PermissionDistrict district)
{
    readonly PermissionHost _host = district.Host;

    async Task<JsonArray> SearchAsync(Dictionary<string, string> account, string q)
    {
        using var http = _host.As(account);
        return (await http.GetFromJsonAsync<JsonNode>("api/territory/search?q=" + Uri.EscapeDataString(q)))!.AsArray();
    }

    static IEnumerable<JsonNode> People(JsonArray hits) => hits.OfType<JsonNode>().Where(h => (string?)h["match"] == "person");

    [Fact]
    public async Task A_worker_is_found_masked_inside_the_jurisdiction_and_not_at_all_outside_it()
    {
        var name = _host.Inside.WorkerName;
        var inside = People(await SearchAsync(_host.InsideLeader(), name)).Single(h => (string?)h["code"] == _host.Inside.Worker);
        Assert.Equal(Masking.Name(name), (string?)inside["person"]!["name"]);
        Assert.Equal(_host.Inside.Grid, (string?)inside["grid"]!["code"]);
        // The street above sees it too; the district everywhere.
        Assert.Contains(People(await SearchAsync(_host.InsideLeader("street"), name)), h => (string?)h["code"] == _host.Inside.Worker);
        Assert.Contains(People(await SearchAsync(TestSignIn.As("district"), name)), h => (string?)h["code"] == _host.Inside.Worker);

        foreach (var account in new[] { _host.OutsideLeader(), _host.OutsideLeader("street"), PermissionHost.Display })
        {
            var hits = await SearchAsync(account, name);
            Assert.DoesNotContain(People(hits), h => (string?)h["code"] == _host.Inside.Worker);
            Assert.DoesNotContain(name, hits.ToJsonString());
            Assert.DoesNotContain(Masking.Name(name), hits.ToJsonString());
            // Nor by the worker's code.
            Assert.Empty(People(await SearchAsync(account, _host.Inside.Worker)));
        }
        // Everything else stays searchable from outside: the worker's grid by its code.
        Assert.Contains(await SearchAsync(_host.OutsideLeader(), _host.Inside.Grid), h => (string?)h!["code"] == _host.Inside.Grid);
    }

    [Fact]
    public async Task An_empty_or_too_long_search_is_a_problem_naming_what_is_wrong()
    {
        using var http = _host.As(_host.InsideLeader());
        await ProblemAssert.IsProblem(await http.GetAsync("api/territory/search?q=%20"), HttpStatusCode.BadRequest, "q must");
        await ProblemAssert.IsProblem(await http.GetAsync("api/territory/search?q=" + new string('楼', 65)), HttpStatusCode.BadRequest, "64");
    }
}
