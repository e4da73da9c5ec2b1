using System.Net.Http.Json;
using MapDashboard.Data;
using MapDashboard.IntegrationTests.Patrols;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Layers;

/// <summary>A server of its own on the demo district, with something on every layer: a grid worker's walk
/// today (tracks, coverage, a live position), an incident and a saved route, all through the API.</summary>
public sealed class LayerHost : DashboardHost, IArrangedHost
{
    /// <summary>The walking worker's code and where the walk starts.</summary>
    public (string Code, double Lon, double Lat) Walker { get; private set; }

    public async Task ArrangeAsync()
    {
        var http = CreateRealClient();
        await using var conn = await Db.OpenConnectionAsync();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = """
                select p.code, ST_X(c), ST_Y(c) from (
                    select grid_worker_id, ST_PointOnSurface(boundary) c from territory_unit
                    where kind = 'community_grid' and grid_worker_id is not null order by code limit 1) g
                join person p on p.id = g.grid_worker_id
                """;
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), "the demo district has no community grid with a worker");
            Walker = (reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2));
        }

        await PingPoster.WalkTodayAsync(http, Walker.Code, Walker.Lon, Walker.Lat);

        var category = await conn.ScalarAsync<string>("select code from category order by code limit 1");
        var (lon2, lat2) = PingPoster.Offset(Walker.Lon, Walker.Lat, 0, 40);
        (await http.PostAsJsonAsync("api/incidents", new { category, lat = lat2, lon = lon2, description = "layer test" }))
            .EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("api/routes", new
        {
            name = "layer test",
            path = new { type = "LineString", coordinates = new[] { new[] { Walker.Lon, Walker.Lat }, new[] { lon2, lat2 } } },
        })).EnsureSuccessStatusCode();
    }
}

public sealed class LayerDistrict : ArrangedDistrict<LayerHost>;
