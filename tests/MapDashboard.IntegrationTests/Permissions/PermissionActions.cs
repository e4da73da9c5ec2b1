using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.IntegrationTests.Patrols;
using Npgsql;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>What the permission tests arrange through the API as the district's duty officer, who may act everywhere.</summary>
static class PermissionActions
{
    static int _reports;

    public static Dictionary<string, string> District => TestSignIn.As("district", "620102");

    /// <summary>Reports an incident in the place's grid (a category not used before, so it is never a duplicate); returns its detail.</summary>
    public static async Task<JsonNode> ReportAsync(PermissionHost host, PermissionHost.Place place)
    {
        var n = Interlocked.Increment(ref _reports);
        await using var conn = await host.Db.OpenConnectionAsync();
        var categories = await conn.ScalarAsync<string[]>(
            "select array_agg(code order by sort_order, code) from category where for_incidents and code <> 'ownership_unclear'");
        var (lon, lat) = PingPoster.Offset(place.Lon, place.Lat, 0, 60 * (n / categories.Length));
        using var http = host.As(District);
        var response = await http.PostAsJsonAsync("api/incidents",
            new { category = categories[n % categories.Length], lat, lon, description = "permission test", contact = "13912345678" });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        Assert.False((bool)body["duplicate"]!);
        return body["incident"]!;
    }

    /// <summary>A finding to move whose unit is (or is not) in the community's jurisdiction.</summary>
    public static async Task<long> FindingAsync(PermissionHost host, string community, bool inside)
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        await RenewFindingsAsync(conn, community, inside);
        return await conn.ScalarAsync<long>($"""
            select f.id from finding f
            where f.present and f.status = 'new' and f.case_incident_code is null
              and {(inside ? "" : "not")} unit_in_jurisdiction(coalesce(f.community_id, f.street_id, f.default_owner_id), '{community}')
            order by f.id limit 1
            """);
    }

    /// <summary>
    /// The tests of the permission collection all move findings, in no fixed order: put the moved ones (without a
    /// case) of the community's jurisdiction, or of everything outside it, back to new, so each finds some to move.
    /// </summary>
    public static Task RenewFindingsAsync(NpgsqlConnection conn, string root, bool inside) => conn.ExecuteAsync($"""
        update finding f set status = 'new', assignee = null
        where f.present and f.status in ('assigned', 'resolved') and f.case_incident_code is null
          and {(inside ? "" : "not")} unit_in_jurisdiction(coalesce(f.community_id, f.street_id, f.default_owner_id), '{root}')
        """);

    /// <summary>A hazard whose point is (or is not) in the community's jurisdiction.</summary>
    public static async Task<string> HazardAsync(PermissionHost host, string community, bool inside)
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        return await conn.ScalarAsync<string>($"""
            select h.code from hazard h where {(inside ? "" : "not")} unit_in_jurisdiction(unit_covering(h.location), '{community}')
            order by h.code limit 1
            """);
    }

    /// <summary>A route body in the place's grid (or another): a 30 m line from the grid's inner point.</summary>
    public static object Route(PermissionHost.Place place, string name, string? grid = null)
    {
        var (lon, lat) = PingPoster.Offset(place.Lon, place.Lat, 30, 0);
        return new
        {
            name,
            grid = grid ?? place.Grid,
            worker = place.Worker,
            path = new { type = "LineString", coordinates = new[] { new[] { place.Lon, place.Lat }, new[] { lon, lat } } },
        };
    }

    /// <summary>A saved route's id, saved as the district's duty officer.</summary>
    public static async Task<long> SavedRouteAsync(PermissionHost host, PermissionHost.Place place, string name)
    {
        using var http = host.As(District);
        var response = await http.PostAsJsonAsync("api/routes", Route(place, name));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (long)body["id"]!;
    }

    /// <summary>A unit's boundary as GeoJSON, as stored (optionally changed by a SQL expression over b).</summary>
    public static async Task<string> BoundaryAsync(PermissionHost host, string code, string expression = "b")
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        return await conn.ScalarAsync<string>($"""
            select ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(ST_MakeValid({expression}), 3)), 15)
            from (select boundary as b, (select p.boundary from territory_unit p where p.id = u.parent_id) as parent
                  from territory_unit u where u.code = '{code}') x
            """);
    }
}
