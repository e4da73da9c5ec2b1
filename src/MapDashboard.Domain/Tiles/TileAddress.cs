using System.Globalization;

namespace MapDashboard.Domain.Tiles;

/// <summary>
/// One XYZ tile (Web Mercator, y counted down from the north, as OpenLayers,
/// Leaflet and ST_TileEnvelope count it).
/// </summary>
public readonly record struct TileAddress(int Z, int X, int Y)
{
    /// <summary>Deepest zoom served: at z 24 a 4096-unit tile is ~2 mm a unit at the equator, far below survey accuracy.</summary>
    public const int MaxZoom = 24;

    /// <summary>Parses the three URL segments; on failure <paramref name="error"/> says which one is wrong and why.</summary>
    public static bool TryParse(string z, string x, string y, out TileAddress tile, out string error)
    {
        tile = default;
        if (!TryInt(z, out var zi)) { error = $"z '{z}' is not a whole number"; return false; }
        if (!TryInt(x, out var xi)) { error = $"x '{x}' is not a whole number"; return false; }
        if (!TryInt(y, out var yi)) { error = $"y '{y}' is not a whole number"; return false; }
        return TryCreate(zi, xi, yi, out tile, out error);
    }

    public static bool TryCreate(int z, int x, int y, out TileAddress tile, out string error)
    {
        tile = default;
        if (z is < 0 or > MaxZoom) { error = $"z {z} is outside 0..{MaxZoom}"; return false; }
        var last = (1 << z) - 1;
        if (x < 0 || x > last) { error = $"x {x} is outside 0..{last} at zoom {z}"; return false; }
        if (y < 0 || y > last) { error = $"y {y} is outside 0..{last} at zoom {z}"; return false; }
        tile = new TileAddress(z, x, y);
        error = "";
        return true;
    }

    static bool TryInt(string s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public override string ToString() => $"{Z}/{X}/{Y}";
}
