using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.Data.Coverage;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Wall;

/// <summary>A demo district of its own: the test makes one incident the most overdue of all.</summary>
public sealed class WallFocusHost : DashboardHost;

/// <summary>
/// GET /api/wall/focus (the wall's focus panel): the most overdue incident, the newest ownership-unclear finding of
/// the kinds the wall draws and the worst-covered grid, each with a box to zoom to; inside the viewer's jurisdiction;
/// nothing personal, so the display account reads it.
/// </summary>
public sealed class WallFocusTests(WallFocusHost host) : IClassFixture<WallFocusHost>
{
    const string Description = "消防通道被杂物堵塞，联系王小明";
    const string Contact = "13912345678";

    [Fact]
    public async Task The_display_reads_the_three_items_without_personal_data_and_a_community_only_what_is_inside_it()
    {
        // An incident outside the community account's community, reported with personal data, overdue by days.
        var community = await host.ScalarAsync<string>("""
            select t.code from territory_unit t where t.parent_id = (select id from territory_unit where kind = 'street' order by code limit 1)
            order by t.kind <> 'community', t.code limit 1
            """);
        var lon = await host.ScalarAsync<double>($"select ST_X(ST_PointOnSurface(boundary)) from territory_unit g where kind = 'community_grid' and not exists (select 1 from territory_unit c where c.code = '{community}' and ST_Intersects(c.boundary, g.boundary)) order by code limit 1");
        var lat = await host.ScalarAsync<double>($"select ST_Y(ST_PointOnSurface(boundary)) from territory_unit g where kind = 'community_grid' and not exists (select 1 from territory_unit c where c.code = '{community}' and ST_Intersects(c.boundary, g.boundary)) order by code limit 1");
        using var district = host.CreateRealClient();
        var reported = await district.PostAsJsonAsync("api/incidents", new { category = "fire_safety", lat, lon, description = Description, contact = Contact, actor = "王小明" });
        reported.EnsureSuccessStatusCode();
        var code = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incident").GetProperty("code").GetString()!;
        await host.ScalarAsync<int>($"update incident set stage_due_at = now() - interval '3 days' where code = '{code}'; select 1");

        // A day-old patrol record in which one worker walked a little: coverage counts, and some grid is worst.
        await host.ScalarAsync<int>("""
            insert into patrol_ping (worker_id, recorded_at, location, accuracy_m)
            select g.grid_worker_id, now() - interval '25 hours' + s * interval '30 seconds', ST_Translate(ST_PointOnSurface(g.boundary), s * 0.0002, 0), 5
            from (select * from territory_unit where kind = 'community_grid' and grid_worker_id is not null order by code limit 1) g,
                 generate_series(0, 3) s;
            select 1
            """);
        await CoverageRefresher.DrainAsync(host.Db);

        using var display = host.CreateClientAs("display");
        var raw = await display.GetStringAsync("api/wall/focus");
        var focus = JsonDocument.Parse(raw).RootElement;

        var overdue = focus.GetProperty("overdue");
        Assert.Equal(code, overdue.GetProperty("code").GetString());
        Assert.Equal("fire_safety", overdue.GetProperty("category").GetString());
        Assert.Equal(4, overdue.GetProperty("bbox").GetArrayLength());
        foreach (var secret in new[] { Description, Contact, "王小明" }) Assert.DoesNotContain(secret, raw);

        var newest = await host.ScalarAsync<string>("""
            select finding_key from finding where present and status in ('new', 'assigned') and kind <> 'police_mismatch'
            order by first_seen_at desc, finding_key limit 1
            """);
        var unclear = focus.GetProperty("unclear");
        Assert.Equal(newest, unclear.GetProperty("key").GetString());
        Assert.NotEqual("police_mismatch", unclear.GetProperty("kind").GetString());

        var coverage = focus.GetProperty("coverage");
        Assert.Equal(JsonValueKind.Object, coverage.ValueKind);
        Assert.Equal(0, coverage.GetProperty("share").GetDouble());
        Assert.True(coverage.GetProperty("total").GetInt32() > 0);
        var bbox = coverage.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.True(bbox[0] < bbox[2] && bbox[1] < bbox[3], $"the grid's box is empty: {coverage}");

        // The community account: its own community's items only — the overdue incident lies elsewhere.
        using var local = host.CreateClientAs("community");
        var mine = await local.GetFromJsonAsync<JsonElement>("api/wall/focus");
        Assert.NotEqual(code, mine.GetProperty("overdue") is { ValueKind: JsonValueKind.Object } o ? o.GetProperty("code").GetString() : null);
        if (mine.GetProperty("coverage") is { ValueKind: JsonValueKind.Object } grid)
            Assert.True(await host.ScalarAsync<bool>($"select exists (select 1 from jurisdiction_units('{community}') where code = '{grid.GetProperty("code").GetString()}')"));
    }
}
