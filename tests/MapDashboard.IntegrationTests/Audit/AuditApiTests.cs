using System.Net;
using System.Text.Json.Nodes;
using MapDashboard.Data.Audit;
using MapDashboard.IntegrationTests.Api;

namespace MapDashboard.IntegrationTests.Audit;

/// <summary>GET /api/audit: newest first, by unit subtree, actor and time, paged by id; bad filters are 400s naming the parameter.</summary>
[Collection(AuditCollection.Name)]
public class AuditApiTests(AuditHost host)
{
    const string Street = "620102001", Community = "620102001001", OtherCommunity = "620102002001";
    const string Admin = "admin.chen;admin;620102";

    Task<string> GridIn(string community) => host.ScalarAsync<string>(
        "select g.code from territory_unit g join territory_unit c on c.id = g.parent_id where c.code = @c and g.kind = 'community_grid' order by g.code limit 1",
        ("c", community));

    /// <summary>One row written as <paramref name="actor"/> (whose jurisdiction is <paramref name="actorUnit"/>) about <paramref name="unit"/>.</summary>
    async Task<(long Id, DateTimeOffset At)> WriteAsync(string actor, string? actorUnit, string? unit)
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var id = await AuditLog.RecordAsync(conn, tx, new AuditScope(actor, "api", "community", actorUnit), "test write", "test", unit: unit);
        await tx.CommitAsync();
        return (id, await host.ScalarAsync<DateTime>("select at from audit_entry where id = @id", ("id", id)));
    }

    async Task<List<long>> IdsAsync(string query)
    {
        using var http = host.Client(Admin);
        var response = await http.GetAsync("api/audit?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query} → {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsArray().Select(r => (long)r!["id"]!).ToList();
    }

    static string Time(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    [Fact]
    public async Task The_trail_is_filtered_by_unit_subtree_actor_and_time_newest_first_and_paged()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (a, b) = ($"alice-{run}", $"bob-{run}");
        var inCommunity = await WriteAsync(a, Community, await GridIn(Community));
        var elsewhere = await WriteAsync(b, OtherCommunity, await GridIn(OtherCommunity));
        var noUnitOfItsOwn = await WriteAsync(a, Community, null); // e.g. a ping batch: counted where its actor works
        var nowhere = await WriteAsync(b, null, null);
        var ours = new[] { inCommunity.Id, elsewhere.Id, noUnitOfItsOwn.Id, nowhere.Id }.ToHashSet();
        async Task<List<long>> Ours(string query) => (await IdsAsync(query + "&limit=500")).Where(ours.Contains).ToList();

        Assert.Equal([noUnitOfItsOwn.Id, inCommunity.Id], await Ours($"unit={Community}"));
        Assert.Equal([noUnitOfItsOwn.Id, inCommunity.Id], await Ours($"unit={Street}"));
        Assert.Equal([elsewhere.Id], await Ours($"unit={OtherCommunity}"));
        Assert.Equal([noUnitOfItsOwn.Id, elsewhere.Id, inCommunity.Id], await Ours("unit=620102"));
        Assert.Equal([nowhere.Id, noUnitOfItsOwn.Id, elsewhere.Id, inCommunity.Id], await Ours("unit="));

        Assert.Equal([noUnitOfItsOwn.Id, inCommunity.Id], await IdsAsync($"actor={a}"));
        Assert.Equal([noUnitOfItsOwn.Id], await IdsAsync($"actor={a}&from={Time(elsewhere.At)}"));
        Assert.Equal([inCommunity.Id], await IdsAsync($"actor={a}&to={Time(elsewhere.At)}"));
        Assert.Equal([inCommunity.Id], await IdsAsync($"actor={a}&to={elsewhere.At:O}")); // a '+' left unencoded arrives as a space
        Assert.Equal([noUnitOfItsOwn.Id, elsewhere.Id], await Ours($"from={Time(elsewhere.At)}&to={Time(nowhere.At)}"));

        Assert.Equal([noUnitOfItsOwn.Id], await IdsAsync($"actor={a}&limit=1"));
        Assert.Equal([inCommunity.Id], await IdsAsync($"actor={a}&limit=1&before={noUnitOfItsOwn.Id}"));
        Assert.Equal(await host.ScalarAsync<long>("select least(count(*), 100) from audit_entry"), (await IdsAsync("")).Count); // the default page
    }

    [Fact]
    public async Task A_row_says_who_when_from_where_what_and_before_and_after()
    {
        var hazard = await host.ScalarAsync<string>("select h.code from hazard h join territory_unit t on t.code = '620102001001' and ST_Contains(t.boundary, h.location) order by h.code offset 1 limit 1");
        using (var http = host.Client("leader.wang;community;620102001001"))
            (await http.PatchAsync($"api/hazards/{hazard}", JsonContent("""{"severity":"critical"}"""))).EnsureSuccessStatusCode();

        using var admin = host.Client(Admin);
        var row = JsonNode.Parse(await admin.GetStringAsync("api/audit?actor=leader.wang&limit=1"))!.AsArray().Single()!;

        Assert.Equal(["action", "actor", "actorUnit", "after", "at", "before", "client", "dbUser", "id", "key", "request", "role", "source", "table", "unit"],
            row.AsObject().Select(p => p.Key).Order());
        Assert.Equal(("leader.wang", "community", "620102001001", "api", "127.0.0.1"),
            ((string?)row["actor"], (string?)row["role"], (string?)row["actorUnit"], (string?)row["source"], (string?)row["client"]));
        Assert.Equal(("update hazard", "hazard", hazard, "PATCH /api/hazards/{code}"),
            ((string?)row["action"], (string?)row["table"], (string?)row["key"], (string?)row["request"]));
        Assert.Equal("critical", (string?)row["after"]!["severity"]);
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse((string)row["at"]!) < TimeSpan.FromMinutes(1));
    }

    static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("limit=0", "limit 0 is out of range")]
    [InlineData("limit=501", "limit 501 is out of range: 1 to 500")]
    [InlineData("limit=many", "limit")]
    [InlineData("before=0", "before 0 is not an audit id")]
    [InlineData("before=x", "before")]
    [InlineData("from=yesterday", "from 'yesterday' is not an ISO 8601 time")]
    [InlineData("from=2026-12-03T08:00:00", "from '2026-12-03T08:00:00' is not an ISO 8601 time with an offset")]
    [InlineData("to=1999-12-31T00:00:00Z", "to 1999-12-31T00:00:00.0000000+00:00 is before 2000-01-01")]
    [InlineData("from=2026-12-03T08:00:00%2B08:00&to=2026-12-02T08:00:00%2B08:00", "is after to")]
    [InlineData("actor=a%01b", "actor holds the control character U+0001")]
    public async Task A_bad_filter_is_refused_naming_the_parameter(string query, string detail)
    {
        using var http = host.Client(Admin);
        await ProblemAssert.IsProblem(await http.GetAsync("api/audit?" + query), HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task An_unknown_unit_is_not_found()
    {
        using var http = host.Client(Admin);
        await ProblemAssert.IsProblem(await http.GetAsync("api/audit?unit=NOWHERE"), HttpStatusCode.NotFound, "no territory unit has code 'NOWHERE'");
    }
}
