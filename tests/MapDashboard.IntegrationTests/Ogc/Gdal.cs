using System.Diagnostics;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Ogc;

/// <summary>
/// GDAL's command-line tools (ogrinfo, ogr2ogr) as the client: they share no code with the server. A bearer token
/// goes in GDAL_HTTP_HEADERS, as a user of QGIS or GDAL would give it.
/// </summary>
public static class Gdal
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    public static async Task<Run> RunAsync(string tool, string? token, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (token is not null) start.Environment["GDAL_HTTP_HEADERS"] = $"Authorization: Bearer {token}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await errors);
    }

    /// <summary>The "Layer name: … Feature Count: n" pairs of an <c>ogrinfo -so</c> run.</summary>
    public static Dictionary<string, long> FeatureCounts(string ogrinfo)
    {
        var counts = new Dictionary<string, long>();
        string? layer = null;
        foreach (var line in ogrinfo.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("Layer name: ", StringComparison.Ordinal)) layer = line["Layer name: ".Length..];
            else if (layer is not null && line.StartsWith("Feature Count: ", StringComparison.Ordinal)) counts[layer] = long.Parse(line["Feature Count: ".Length..]);
        }
        return counts;
    }

    /// <summary>A fresh file path under the test output folder.</summary>
    public static string OutputFile(string name)
    {
        var folder = RepositoryPaths.TestOutput("ogc");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.Delete(path);
        return path;
    }
}
