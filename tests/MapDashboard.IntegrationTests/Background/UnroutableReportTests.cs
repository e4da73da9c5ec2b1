using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Background;

/// <summary>A demo server of its own: the test moves a street's boundary.</summary>
public sealed class UnroutableReportHost : DashboardHost;

/// <summary>
/// A report that reaches intake at a point no street covers (here: the validator was built before a boundary
/// edit) used to throw "is in no street; the validator should have refused it": a 500 at the API, and the end of
/// the server inside the demo stream. It is the client's 422 now, and nothing is written.
/// </summary>
public sealed class UnroutableReportTests(UnroutableReportHost host) : IClassFixture<UnroutableReportHost>
{
    [Fact]
    public async Task A_report_in_no_street_is_a_422_naming_the_point_and_writes_nothing()
    {
        using var http = host.CreateClient();
        var (lon, lat) = (await host.ScalarAsync<double>("select ST_X(ST_PointOnSurface(boundary)) from territory_unit where kind = 'community_grid' order by code limit 1"),
                          await host.ScalarAsync<double>("select ST_Y(ST_PointOnSurface(boundary)) from territory_unit where kind = 'community_grid' order by code limit 1"));
        var category = await host.ScalarAsync<string>("select code from category where for_incidents order by code limit 1");
        // Another category, so the second report is not linked to the first as a duplicate (which routes nothing).
        var other = await host.ScalarAsync<string>("select code from category where for_incidents order by code offset 1 limit 1");
        // The first report builds the validator from the streets as they are now.
        var first = await http.PostAsJsonAsync("/api/incidents", new { category, lat, lon, description = "first" });
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());

        // That grid's street and community shrink to a dot: its land is now in no street.
        await host.ScalarAsync<int>($"""
            update territory_unit u set boundary = ST_Multi(ST_Buffer(ST_PointOnSurface(u.boundary), 0.00001))
            where u.kind in ('street', 'community')
              and ST_Intersects(u.boundary, ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326));
            select 1
            """);
        var incidents = await host.ScalarAsync<long>("select count(*) from incident");
        var changes = await host.ScalarAsync<long>("select count(*) from change_log");

        var refused = await http.PostAsJsonAsync("/api/incidents", new { category = other, lat = lat + 0.00001, lon, description = "second" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("lies in no street", (string?)problem!["detail"]);
        Assert.Equal(incidents, await host.ScalarAsync<long>("select count(*) from incident"));
        Assert.Equal(changes, await host.ScalarAsync<long>("select count(*) from change_log"));
    }
}
