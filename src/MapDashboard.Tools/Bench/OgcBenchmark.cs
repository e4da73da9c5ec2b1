using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.Generator;
using static MapDashboard.Tools.Bench.BenchFigures;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// OGC API Features through GDAL: ogr2ogr paging every building of a generated district out of the server's
/// <c>/ogc</c> (OAPIF driver, bearer token in GDAL_HTTP_HEADERS, <c>PAGE_SIZE</c> features a page) into a
/// GeoPackage, against ogr2ogr reading the same table straight from PostGIS into a GeoPackage, in the same run
/// (the two alternate which goes first). Both files must hold exactly the collection's numberMatched (counted by
/// ogrinfo). Prints features/s of each, their ratio, the client's peak resident memory and the server's.
/// </summary>
public static class OgcBenchmark
{
    public sealed record Settings(DistrictSize Size, int Seed, int Rounds, int PageSize);

    // The table's own columns (the collection adds owner and manager names and the ownership flags, computed per page).
    const string DirectSql = "select id, code, name, compound, use, floors, households, residents, year_built, footprint from building";

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        await using var district = await BenchDistrict.CreateAsync(settings.Size, settings.Seed, output);
        await using var server = await ServerProcess.StartAsync(district.Cluster.ConnectionString);
        using var http = server.CreateClient();
        var matched = (long)(await http.GetFromJsonAsync<JsonObject>("ogc/collections/buildings/items?limit=1"))!["numberMatched"]!;
        var token = new Dictionary<string, string> { ["GDAL_HTTP_HEADERS"] = $"Authorization: Bearer {server.AccessToken}" };
        output.WriteLine($"the buildings collection: numberMatched {matched:N0}; pages of {settings.PageSize}");

        var folder = district.Scratch;
        var ogc = new List<Side>();
        var direct = new List<Side>();
        output.WriteLine($"load average before the rounds: {LoadAverage()}");
        output.WriteLine();
        output.WriteLine($"{"round",-7}{"OGC API s",11}{"features/s",12}{"PostGIS s",11}{"features/s",12}{"ratio",8}{"client peak",14}{"server peak",14}");
        for (var round = 1; round <= settings.Rounds; round++)
        {
            Task<Side> Ogc() => ReadAsync(Path.Combine(folder, "ogc.gpkg"), "buildings", matched, token, server.ProcessId,
                ["-oo", $"PAGE_SIZE={settings.PageSize}", $"OAPIF:{server.BaseUrl}/ogc", "buildings"]);
            Task<Side> Direct() => ReadAsync(Path.Combine(folder, "direct.gpkg"), "building", matched, null, null,
                [Ogr.PgSource(district.Cluster.ConnectionString), "-sql", DirectSql, "-nln", "building"]);
            Side a, b;
            if (round % 2 == 1) { a = await Ogc(); b = await Direct(); }
            else { b = await Direct(); a = await Ogc(); }
            ogc.Add(a);
            direct.Add(b);
            output.WriteLine($"{round,-7}{a.Run.Seconds,11:F1}{matched / a.Run.Seconds,12:N0}{b.Run.Seconds,11:F1}{matched / b.Run.Seconds,12:N0}" +
                             $"{a.Run.Seconds / b.Run.Seconds,8:F1}{a.Run.PeakMiB,10:F0} MiB{a.ServerPeakMiB,10:F0} MiB");
        }

        var ogcSeconds = Median(ogc.Select(s => s.Run.Seconds).ToList());
        var directSeconds = Median(direct.Select(s => s.Run.Seconds).ToList());
        output.WriteLine();
        output.WriteLine($"{matched:N0} buildings, median of {settings.Rounds}: OGC API {matched / ogcSeconds:N0} features/s ({ogcSeconds:F1} s, " +
                         $"{(matched + settings.PageSize - 1) / settings.PageSize} pages), PostGIS straight {matched / directSeconds:N0} features/s ({directSeconds:F1} s)");
        output.WriteLine($"PostGIS / OGC API throughput: {Median(ogc.Zip(direct, (a, b) => a.Run.Seconds / b.Run.Seconds).ToList()):F1} (median of the rounds' ratios), " +
                         $"{ogcSeconds / directSeconds:F1} (of the medians); every file held exactly {matched:N0}");
        output.WriteLine($"peak resident memory: ogr2ogr on OGC API {Median(ogc.Select(s => s.Run.PeakMiB).ToList()):F0} MiB, " +
                         $"on PostGIS {Median(direct.Select(s => s.Run.PeakMiB).ToList()):F0} MiB; server {Median(ogc.Select(s => s.ServerPeakMiB).ToList()):F0} MiB");
        output.WriteLine($"load average at the end: {LoadAverage()}");
        return 0;
    }

    sealed record Side(MeasuredProcess.Run Run, double ServerPeakMiB);

    /// <summary>One ogr2ogr run into a fresh GeoPackage, then its layer counted: it must hold exactly <paramref name="expected"/>.</summary>
    static async Task<Side> ReadAsync(string gpkg, string layer, long expected, Dictionary<string, string>? environment, int? serverPid, string[] source)
    {
        File.Delete(gpkg);
        if (serverPid is { } pid) ProcessMemory.ResetPeak(pid);
        var run = (await MeasuredProcess.RunAsync("ogr2ogr", ["-f", "GPKG", gpkg, .. source], environment)).Succeeded("ogr2ogr");
        var serverPeak = serverPid is { } p ? ProcessMemory.PeakResidentBytes(p) / 1048576.0 : 0;
        var count = await Ogr.FeatureCountAsync(gpkg, layer);
        if (count != expected) throw new InvalidOperationException($"{Path.GetFileName(gpkg)} holds {count:N0} features, the collection {expected:N0}");
        return new Side(run, serverPeak);
    }
}
