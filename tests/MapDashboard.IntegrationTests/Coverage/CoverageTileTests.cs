using System.Globalization;
using System.Net;
using MapDashboard.Domain.Tiles;
using MapDashboard.IntegrationTests.Tiles;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>The tracks, coverage and unvisited tile layers, decoded by GDAL, on the coverage district.</summary>
[Collection(CoverageCollection.Name)]
public class CoverageTileTests(CoverageDistrict district)
{
    readonly HttpClient _http = district.Host.CreateRealClient();

    async Task<IReadOnlyList<OgrTileDecoder.DecodedFeature>> Decode(string layer)
    {
        var at = await district.LonLat(200, 150);
        var tile = TileMath.TileFor(at[0], at[1], 16);
        var response = await _http.GetAsync($"tiles/{layer}/{tile.Z}/{tile.X}/{tile.Y}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var features = await OgrTileDecoder.DecodeAsync(await response.Content.ReadAsByteArrayAsync(), tile, "coverage-" + layer);
        Assert.All(features, f => Assert.Equal(layer, f.Layer));
        return features;
    }

    [Fact]
    public async Task Todays_track_is_on_the_tracks_layer_by_worker()
    {
        var tracks = await Decode("tracks");
        // One piece, or two meeting end to end when the walk crossed the top of an hour (pieces are stored by hour).
        var w1 = tracks.Where(f => f.Properties["worker"] == "W1").ToList();
        Assert.InRange(w1.Count, 1, 2);
        Assert.All(w1, f => Assert.StartsWith("LINESTRING", f.Geometry));
    }

    [Fact]
    public async Task The_coverage_layer_holds_todays_covered_land_of_the_grid_with_its_share()
    {
        var covered = await Decode("coverage");
        var g1 = Assert.Single(covered, f => f.Properties["code"] == "G1");
        var share = double.Parse(g1.Properties["share"], CultureInfo.InvariantCulture);
        Assert.InRange(share, 0.1230, 0.1241);
        Assert.Contains("POLYGON", g1.Geometry);
    }

    [Fact]
    public async Task The_unvisited_layer_shows_what_nobody_reached_today_and_nothing_that_was_reached()
    {
        var codes = (await Decode("unvisited")).Select(f => f.Properties["code"]).ToHashSet();
        Assert.Contains("B2", codes);
        Assert.Contains("H2", codes);
        Assert.DoesNotContain("B1", codes);
        Assert.DoesNotContain("B3", codes);
        Assert.DoesNotContain("H1", codes);
    }
}
