using System.Net;
using MapDashboard.Domain.Tiles;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Demo;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Tiles;

[Collection(DemoDistrictCollection.Name)]
public class TileEndpointTests(DashboardHost host)
{
    readonly HttpClient _http = host.CreateRealClient();
    readonly TileAddress _centre = CentreTile(15);

    static TileAddress CentreTile(int z)
    {
        var (lon, lat) = DemoManifest.Load().Center;
        return TileMath.TileFor(lon, lat, z);
    }

    [Theory]
    [InlineData("grids", "community_grid', 'dedicated_grid', 'micro_grid', 'police_grid", "territory_unit", "boundary")]
    [InlineData("buildings", null, "building", "footprint")]
    [InlineData("hazards", null, "hazard", "location")]
    public async Task A_tile_decodes_in_GDAL_and_holds_exactly_the_features_under_it(string layer, string? kinds, string table, string column)
    {
        var tile = _centre;
        var response = await _http.GetAsync($"tiles/{layer}/{tile.Z}/{tile.X}/{tile.Y}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TilesApiContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age", response.Headers.CacheControl?.ToString());

        var decoded = await OgrTileDecoder.DecodeAsync(await response.Content.ReadAsByteArrayAsync(), tile, layer);
        var inTile = decoded.Select(f => f.Properties["code"]).ToHashSet();
        Assert.All(decoded, f => Assert.Equal(layer, f.Layer));

        // Features whose interior meets the tile must be there; nothing beyond the tile's 64-unit buffer may be.
        var filter = kinds is null ? "" : $"and kind in ('{kinds}')";
        var inside = await Codes($"""
            select code from {table}
            where ST_Intersects({column}, ST_Transform(ST_TileEnvelope(@z, @x, @y), 4326))
              and not ST_Touches({column}, ST_Transform(ST_TileEnvelope(@z, @x, @y), 4326)) {filter}
            """, tile);
        var withinBuffer = await Codes($"""
            select code from {table}
            where {column} && ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => 64.0 / 4096), 4326) {filter}
            """, tile);

        Assert.NotEmpty(inside);
        Assert.Empty(inside.Except(inTile));
        Assert.Empty(inTile.Except(withinBuffer));
    }

    [Fact]
    public async Task A_hazard_decoded_from_its_tile_sits_where_the_database_has_it()
    {
        var tile = _centre;
        var bytes = await _http.GetByteArrayAsync($"tiles/hazards/{tile.Z}/{tile.X}/{tile.Y}.mvt");
        var hazard = (await OgrTileDecoder.DecodeAsync(bytes, tile, "hazard-position"))[0];
        var (x, y) = OgrTileDecoder.FirstCoordinate(hazard.Geometry);

        await using var conn = await host.Db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(
            "select ST_X(p), ST_Y(p) from (select ST_Transform(location, 3857) p from hazard where code = @code) h", conn);
        cmd.Parameters.AddWithValue("code", hazard.Properties["code"]);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        // One tile unit at z15 is ~0.3 m; the MVT grid snaps to it.
        var unit = (TileMath.BoundsMercator(tile).MaxX - TileMath.BoundsMercator(tile).MinX) / 4096;
        Assert.InRange(x, reader.GetDouble(0) - unit, reader.GetDouble(0) + unit);
        Assert.InRange(y, reader.GetDouble(1) - unit, reader.GetDouble(1) + unit);
    }

    [Fact]
    public async Task A_tile_far_from_the_district_and_one_below_the_layers_zoom_are_empty()
    {
        var empty = await _http.GetAsync("tiles/buildings/15/0/0.mvt");
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);

        var tooFar = CentreTile(5);
        var belowMinZoom = await _http.GetAsync($"tiles/buildings/{tooFar.Z}/{tooFar.X}/{tooFar.Y}.mvt");
        Assert.Equal(HttpStatusCode.NoContent, belowMinZoom.StatusCode);
    }

    [Theory]
    [InlineData("tiles/nowhere/1/0/0.mvt", HttpStatusCode.NotFound, "'nowhere' does not exist")]
    [InlineData("tiles/grids/abc/0/0.mvt", HttpStatusCode.BadRequest, "z 'abc' is not a whole number")]
    [InlineData("tiles/grids/3/-1/0.mvt", HttpStatusCode.BadRequest, "x '-1'")]
    [InlineData("tiles/grids/3/8/0.mvt", HttpStatusCode.BadRequest, "x 8 is outside 0..7")]
    [InlineData("tiles/grids/30/0/0.mvt", HttpStatusCode.BadRequest, "z 30 is outside")]
    public async Task A_bad_tile_request_gets_a_problem_that_names_what_is_wrong(string url, HttpStatusCode status, string detail) =>
        await ProblemAssert.IsProblem(await _http.GetAsync(url), status, detail);

    const string TilesApiContentType = "application/vnd.mapbox-vector-tile";

    async Task<HashSet<string>> Codes(string sql, TileAddress tile)
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("z", tile.Z);
        cmd.Parameters.AddWithValue("x", tile.X);
        cmd.Parameters.AddWithValue("y", tile.Y);
        var codes = new HashSet<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        return codes;
    }
}
