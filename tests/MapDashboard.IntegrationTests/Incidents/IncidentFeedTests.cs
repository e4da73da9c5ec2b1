using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Live;

namespace MapDashboard.IntegrationTests.Incidents;

/// <summary>
/// GET /api/incidents/feed (issue 18, item 8: the wall's feed at start): the latest reports and stage changes from
/// the stage history, newest first, each with category, the grid it lies in and when; the wall's display account
/// reads them without anything personal (actor, note, description, contact); the limit is bounded.
/// </summary>
[Collection(IncidentCollection.Name)]
public class IncidentFeedTests(IncidentHost host)
{
    readonly HttpClient _http = host.CreateRealClient();

    [Fact]
    public async Task The_feed_lists_a_report_and_its_stage_change_newest_first_and_the_display_reads_nothing_personal()
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 5);
        var reported = await _http.PostAsJsonAsync("api/incidents", new
        {
            category = "fire_safety", lat = at.Lat, lon = at.Lon, description = "消防通道被杂物堵塞（动态测试）", contact = "13912345678", actor = "王小明",
        });
        reported.EnsureSuccessStatusCode();
        var incident = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incident");
        var code = incident.GetProperty("code").GetString()!;
        string grid;
        // The grid a reader knows by name: the community or dedicated grid the point lies in (not its micro-grid).
        await using (var covering = host.Db.CreateCommand("""
            select code from territory_unit where kind in ('community_grid', 'dedicated_grid')
              and ST_Covers(boundary, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))
            """))
        {
            covering.Parameters.AddWithValue("lon", at.Lon);
            covering.Parameters.AddWithValue("lat", at.Lat);
            grid = (string)(await covering.ExecuteScalarAsync())!;
        }
        (await _http.PostAsJsonAsync($"api/incidents/{code}/dispatch", new { actor = "李派单", note = "请张网格员处理" })).EnsureSuccessStatusCode();

        using var display = host.CreateClientAs("display");
        var raw = await display.GetStringAsync("api/incidents/feed?limit=8");
        var lines = JsonDocument.Parse(raw).RootElement.EnumerateArray().ToList();
        Assert.InRange(lines.Count, 2, 8); // other tests of the collection may have reported before
        Assert.Equal(("stage", code, "dispatched"), Line(lines[0]));
        Assert.Equal(("reported", code, "reported"), Line(lines[1]));
        Assert.All(lines.Take(2), l =>
        {
            Assert.Equal("fire_safety", l.GetProperty("category").GetString());
            Assert.Equal(grid, l.GetProperty("place").GetString());
        });
        var times = lines.Select(l => l.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        // The same lines as the stage history has them: the dispatch's time is its transition's.
        await using (var cmd = host.Db.CreateCommand(
            "select t.at from incident_transition t join incident i on i.id = t.incident_id where i.code = @code and t.to_stage = 'dispatched'"))
        {
            cmd.Parameters.AddWithValue("code", code);
            Assert.Equal((DateTime)(await cmd.ExecuteScalarAsync())!, times[0].UtcDateTime, TimeSpan.FromMilliseconds(1));
        }

        foreach (var personal in new[] { "王小明", "李派单", "请张网格员处理", "13912345678", "消防通道被杂物堵塞", "actor", "note", "description", "contact" })
            Assert.DoesNotContain(personal, raw);
        Assert.Equal(["at", "category", "code", "kind", "place", "stage"], lines[0].EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    public async Task A_limit_outside_one_to_fifty_gets_a_problem_naming_the_bounds(string limit) =>
        await ProblemAssert.IsProblem(await _http.GetAsync($"api/incidents/feed?limit={limit}"), HttpStatusCode.BadRequest, "between 1 and 50");

    static (string Kind, string Code, string Stage) Line(JsonElement l) =>
        (l.GetProperty("kind").GetString()!, l.GetProperty("code").GetString()!, l.GetProperty("stage").GetString()!);
}
