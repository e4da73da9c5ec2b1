using System.Diagnostics;
using System.Globalization;
using MapDashboard.Domain.Tiles;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Tiles;

/// <summary>
/// Decodes a vector tile with GDAL's MVT driver (ogrinfo), a client that shares
/// no code with the server. The tile is saved as {z}/{x}/{y}.pbf so GDAL knows
/// where it lies and reports geometries in Web Mercator metres.
/// </summary>
public static class OgrTileDecoder
{
    public sealed record DecodedFeature(string Layer, IReadOnlyDictionary<string, string> Properties, string Geometry);

    public static async Task<IReadOnlyList<DecodedFeature>> DecodeAsync(byte[] tile, TileAddress at, string name)
    {
        var root = Path.Combine(RepositoryPaths.TestOutput("tiles"), name);
        var path = Path.Combine(root, at.Z.ToString(), at.X.ToString(), $"{at.Y}.pbf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, tile);

        var start = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-ro", "-al", "-q", path }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ogrinfo could not read the tile: {errors}");
        return Parse(output);
    }

    static List<DecodedFeature> Parse(string ogrinfo)
    {
        var features = new List<DecodedFeature>();
        string? layer = null;
        Dictionary<string, string>? props = null;
        foreach (var raw in ogrinfo.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("OGRFeature("))
            {
                layer = line["OGRFeature(".Length..line.IndexOf(')')];
                props = new Dictionary<string, string>();
            }
            else if (props is not null && line.StartsWith("  ") && line.Contains(") = "))
            {
                var name = line.Trim()[..line.Trim().IndexOf(' ')];
                props[name] = line[(line.IndexOf(") = ") + 4)..];
            }
            else if (props is not null && line.StartsWith("  ") && char.IsUpper(line.Trim()[0]) && line.Contains(" ("))
            {
                features.Add(new DecodedFeature(layer!, props, line.Trim()));
                props = null;
            }
        }
        return features;
    }

    /// <summary>The first coordinate pair of a WKT geometry, in the units ogrinfo printed (Web Mercator metres).</summary>
    public static (double X, double Y) FirstCoordinate(string wkt)
    {
        var inner = wkt[(wkt.LastIndexOf('(') + 1)..].Split([',', ')'])[0].Trim().Split(' ');
        return (double.Parse(inner[0], CultureInfo.InvariantCulture), double.Parse(inner[1], CultureInfo.InvariantCulture));
    }
}
