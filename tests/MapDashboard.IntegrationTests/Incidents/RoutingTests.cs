using MapDashboard.Data.Incidents;
using MapDashboard.Domain.Incidents;
using MapDashboard.IntegrationTests.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace MapDashboard.IntegrationTests.Incidents;

/// <summary>Routing against the real demo district in PostGIS, at the trouble the generator planted (manifest.json).</summary>
[Collection(IncidentCollection.Name)]
public class RoutingTests(IncidentHost host)
{
    readonly DemoManifest _manifest = DemoManifest.Load();

    Task<Route?> RouteAt(double lon, double lat) => host.Services.GetRequiredService<IncidentIntake>().PreviewRouteAsync(lon, lat);

    Task<string> CodeOf(int? id) => host.ScalarAsync<string>("select code from territory_unit where id = @id", ("id", id!.Value));

    [Fact]
    public async Task Inside_a_grid_the_incident_goes_to_the_smallest_grid_and_its_worker()
    {
        var (lon, lat) = await PointOnSurface("territory_unit", "boundary", "code = '620102001001-01-1'");
        var route = (await RouteAt(lon, lat))!;
        Assert.False(route.OwnershipUnclear, route.Reason);
        Assert.Equal("620102001001-01-1", await CodeOf(route.GridId));
        Assert.Equal(route.GridId, route.ResponsibleUnitId);
        Assert.Equal("620102001001", await CodeOf(route.CommunityId));
        Assert.Equal("620102001", await CodeOf(route.StreetId));
        Assert.Equal(await host.ScalarAsync<int>("select grid_worker_id from territory_unit where code = '620102001001-01-1'"), route.WorkerId);
    }

    [Fact]
    public async Task In_a_planted_gap_the_incident_is_ownership_unclear_and_goes_to_the_community()
    {
        var gap = _manifest.Gaps.First(g => g.GetProperty("parent_code").GetString()!.Length == 12); // a gap inside a community
        var route = (await RouteAt(gap.GetProperty("centroid")[0].GetDouble(), gap.GetProperty("centroid")[1].GetDouble()))!;
        var community = gap.GetProperty("parent_code").GetString()!;
        Assert.True(route.OwnershipUnclear);
        Assert.Null(route.GridId);
        Assert.Equal(community, await CodeOf(route.ResponsibleUnitId));
        Assert.Equal($"gap: no grid covers this point inside community {community}", route.Reason);
    }

    [Fact]
    public async Task In_a_planted_overlap_the_incident_is_ownership_unclear_and_names_both_grids()
    {
        var overlap = _manifest.Overlaps.First();
        var codes = overlap.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).Order().ToArray();
        var route = (await RouteAt(overlap.GetProperty("centroid")[0].GetDouble(), overlap.GetProperty("centroid")[1].GetDouble()))!;
        Assert.True(route.OwnershipUnclear);
        Assert.Null(route.GridId);
        Assert.Equal($"overlap: {codes[0]} and {codes[1]} both claim this point", route.Reason);
        Assert.Equal(codes[0][..12], await CodeOf(route.ResponsibleUnitId)); // the community both grids belong to
    }

    [Fact]
    public async Task On_an_ownerless_building_the_grid_is_known_but_the_community_answers()
    {
        var building = _manifest.Codes("ownerless_buildings")[0];
        var (lon, lat) = await PointOnSurface("building", "footprint", $"code = '{building}'");
        var route = (await RouteAt(lon, lat))!;
        Assert.True(route.OwnershipUnclear);
        Assert.Equal($"ownerless building: {building} has no recorded owner", route.Reason);
        Assert.NotNull(route.GridId);
        Assert.Equal(route.CommunityId, route.ResponsibleUnitId);
        Assert.Equal(EscalationLevel.Community, route.Level);
    }

    [Fact]
    public async Task On_a_disputed_building_the_reason_counts_its_claimants()
    {
        var disputed = _manifest.Disputed.First(d => d.GetProperty("asset_kind").GetString() == "building");
        var code = disputed.GetProperty("asset_code").GetString()!;
        var (lon, lat) = await PointOnSurface("building", "footprint", $"code = '{code}'");
        var route = (await RouteAt(lon, lat))!;
        Assert.Equal($"disputed building: {code} is claimed by {disputed.GetProperty("organisation_codes").GetArrayLength()} organisations", route.Reason);
    }

    async Task<(double Lon, double Lat)> PointOnSurface(string table, string column, string where)
    {
        await using var cmd = host.Db.CreateCommand($"select ST_X(p), ST_Y(p) from (select ST_PointOnSurface({column}) p from {table} where {where}) x");
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"nothing in {table} where {where}");
        return (reader.GetDouble(0), reader.GetDouble(1));
    }
}
