namespace MapDashboard.Domain.Tiles;

/// <summary>Spherical Web Mercator tile arithmetic (EPSG:3857), the scheme every web map uses.</summary>
public static class TileMath
{
    /// <summary>Half the side of the Web Mercator square, in metres.</summary>
    public const double OriginShift = 20037508.342789244;

    /// <summary>Latitude where Web Mercator is cut off (the square's edge).</summary>
    public const double MaxLatitude = 85.0511287798066;

    /// <summary>The tile at zoom <paramref name="z"/> containing a WGS84 point.</summary>
    public static TileAddress TileFor(double lon, double lat, int z)
    {
        if (lon is < -180 or > 180) throw new ArgumentOutOfRangeException(nameof(lon), lon, "longitude outside -180..180");
        if (lat is < -MaxLatitude or > MaxLatitude) throw new ArgumentOutOfRangeException(nameof(lat), lat, "latitude outside Web Mercator");
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180.0) / 360.0 * n);
        var latRad = lat * Math.PI / 180.0;
        var y = (int)Math.Floor((1.0 - Math.Log(Math.Tan(latRad) + 1.0 / Math.Cos(latRad)) / Math.PI) / 2.0 * n);
        return new TileAddress(z, Math.Clamp(x, 0, n - 1), Math.Clamp(y, 0, n - 1));
    }

    /// <summary>The tile's bounds as (west, south, east, north) in WGS84 degrees.</summary>
    public static (double West, double South, double East, double North) BoundsLonLat(TileAddress t)
    {
        var n = (double)(1 << t.Z);
        return (t.X / n * 360.0 - 180.0, LatitudeOfRow(t.Y + 1, n), (t.X + 1) / n * 360.0 - 180.0, LatitudeOfRow(t.Y, n));
    }

    /// <summary>The tile's bounds in Web Mercator metres, as ST_TileEnvelope computes them.</summary>
    public static (double MinX, double MinY, double MaxX, double MaxY) BoundsMercator(TileAddress t)
    {
        var size = 2 * OriginShift / (1 << t.Z);
        return (-OriginShift + t.X * size, OriginShift - (t.Y + 1) * size, -OriginShift + (t.X + 1) * size, OriginShift - t.Y * size);
    }

    /// <summary>Every tile at zoom <paramref name="z"/> that touches a WGS84 box, row by row.</summary>
    public static IEnumerable<TileAddress> TilesCovering(double west, double south, double east, double north, int z)
    {
        var nw = TileFor(west, north, z);
        var se = TileFor(east, south, z);
        for (var y = nw.Y; y <= se.Y; y++)
            for (var x = nw.X; x <= se.X; x++)
                yield return new TileAddress(z, x, y);
    }

    /// <summary>Converts a point in tile-local MVT units (origin top-left, y down) back to WGS84.</summary>
    public static (double Lon, double Lat) TilePixelToLonLat(TileAddress t, double px, double py, int extent = 4096)
    {
        var n = (double)(1 << t.Z);
        var lon = (t.X + px / extent) / n * 360.0 - 180.0;
        return (lon, LatitudeOfRow(t.Y + py / extent, n));
    }

    static double LatitudeOfRow(double row, double n) =>
        Math.Atan(Math.Sinh(Math.PI * (1 - 2 * row / n))) * 180.0 / Math.PI;
}
