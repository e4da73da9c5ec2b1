using MapDashboard.Domain.Tiles;

namespace MapDashboard.Domain.Tests.Tiles;

public class TileMathTests
{
    [Fact]
    public void Zoom_zero_is_one_tile_covering_the_whole_web_mercator_square()
    {
        var (minX, minY, maxX, maxY) = TileMath.BoundsMercator(new TileAddress(0, 0, 0));
        Assert.Equal(-TileMath.OriginShift, minX, 6);
        Assert.Equal(-TileMath.OriginShift, minY, 6);
        Assert.Equal(TileMath.OriginShift, maxX, 6);
        Assert.Equal(TileMath.OriginShift, maxY, 6);
    }

    [Fact]
    public void Lanzhou_falls_in_the_tile_that_slippy_map_arithmetic_gives()
    {
        // 103.8°E, 36.06°N at z14: x = floor((103.8+180)/360·2^14) = 12916, y = floor((1 − ln(tan φ + sec φ)/π)/2·2^14) = 6430.
        var tile = TileMath.TileFor(103.8, 36.06, 14);
        Assert.Equal(new TileAddress(14, 12916, 6430), tile);
        var (west, south, east, north) = TileMath.BoundsLonLat(tile);
        Assert.InRange(103.8, west, east);
        Assert.InRange(36.06, south, north);
    }

    [Theory]
    [InlineData(0, 0.0, 0.0)]
    [InlineData(4096, 4096.0, 4096.0)]
    [InlineData(2048, 1024.0, 3000.0)]
    public void A_tile_pixel_maps_back_inside_the_tile(int _, double px, double py)
    {
        var tile = new TileAddress(15, 25833, 12905);
        var (lon, lat) = TileMath.TilePixelToLonLat(tile, px, py);
        var (west, south, east, north) = TileMath.BoundsLonLat(tile);
        Assert.InRange(lon, west - 1e-12, east + 1e-12);
        Assert.InRange(lat, south - 1e-12, north + 1e-12);
    }

    [Fact]
    public void The_top_left_pixel_is_the_north_west_corner()
    {
        var tile = new TileAddress(12, 3229, 1613);
        var (lon, lat) = TileMath.TilePixelToLonLat(tile, 0, 0);
        var (west, _, _, north) = TileMath.BoundsLonLat(tile);
        Assert.Equal(west, lon, 12);
        Assert.Equal(north, lat, 12);
    }

    [Fact]
    public void Tiles_covering_a_box_include_its_corners_and_nothing_more()
    {
        var tiles = TileMath.TilesCovering(103.78, 36.03, 103.86, 36.08, 14).ToList();
        var nw = TileMath.TileFor(103.78, 36.08, 14);
        var se = TileMath.TileFor(103.86, 36.03, 14);
        Assert.Equal((se.X - nw.X + 1) * (se.Y - nw.Y + 1), tiles.Count);
        Assert.Contains(nw, tiles);
        Assert.Contains(se, tiles);
        Assert.Equal(tiles.Count, tiles.Distinct().Count());
    }

    [Fact]
    public void Neighbouring_tiles_share_their_edge_exactly()
    {
        var left = TileMath.BoundsMercator(new TileAddress(10, 800, 400));
        var right = TileMath.BoundsMercator(new TileAddress(10, 801, 400));
        var below = TileMath.BoundsMercator(new TileAddress(10, 800, 401));
        Assert.Equal(left.MaxX, right.MinX, 6);
        Assert.Equal(left.MinY, below.MaxY, 6);
    }
}

public class TileAddressTests
{
    [Theory]
    [InlineData("14", "12916", "6430", true, "")]
    [InlineData("x", "0", "0", false, "z 'x' is not a whole number")]
    [InlineData("3", "1.5", "0", false, "x '1.5' is not a whole number")]
    [InlineData("3", "0", "-2", false, "y '-2' is not a whole number")]
    [InlineData("3", "8", "0", false, "x 8 is outside 0..7 at zoom 3")]
    [InlineData("3", "0", "8", false, "y 8 is outside 0..7 at zoom 3")]
    [InlineData("25", "0", "0", false, "z 25 is outside 0..24")]
    [InlineData("99999999999", "0", "0", false, "z '99999999999' is not a whole number")]
    public void Parsing_accepts_real_tiles_and_names_the_bad_segment(string z, string x, string y, bool ok, string error)
    {
        Assert.Equal(ok, TileAddress.TryParse(z, x, y, out var tile, out var message));
        Assert.Equal(error, message);
        if (ok) Assert.Equal($"{z}/{x}/{y}", tile.ToString());
    }
}
