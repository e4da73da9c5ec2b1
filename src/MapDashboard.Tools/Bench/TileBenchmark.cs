using MapDashboard.Data;
using MapDashboard.Domain.Tiles;
using MapDashboard.Generator;
using MapDashboard.Server.Tiles;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// The tile endpoint (HTTP, a separate server process) against the bare
/// ST_AsMVT query (Npgsql, the very SQL the endpoint runs) for the same tiles
/// on the same database, in the same run. Rounds alternate the two so drift
/// on a shared machine hits both; medians are reported. The server has no
/// application tile cache, so every request reaches PostGIS.
/// </summary>
public static class TileBenchmark
{
    public sealed record Settings(DistrictSize Size, int Seed, int Concurrency, int Rounds, int[] Zooms, string[] Layers);

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        await using var district = await BenchDistrict.CreateAsync(settings.Size, settings.Seed, output);
        await using var server = await ServerProcess.StartAsync(district.Cluster.ConnectionString);
        using var http = server.CreateClient();
        var catalog = new TileCatalog();

        var jobs = await ChooseTilesAsync(district, settings);
        output.WriteLine($"{jobs.Count} tiles ({string.Join(", ", settings.Layers)} at z{string.Join("/", settings.Zooms)}), " +
                         $"concurrency {settings.Concurrency}, {settings.Rounds} rounds, application tile cache: none");

        Func<(string Layer, TileAddress Tile), Task<byte[]>> bareTile = job =>
            TileQuery.RunAsync(district.Db, catalog.Find(job.Layer)!, job.Tile, CancellationToken.None);
        Func<(string Layer, TileAddress Tile), Task<byte[]>> endpointTile = async job =>
        {
            using var response = await http.GetAsync($"tiles/{job.Layer}/{job.Tile.Z}/{job.Tile.X}/{job.Tile.Y}.mvt");
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync();
        };
        Func<(string Layer, TileAddress Tile), Task<int>> bare = async job => (await bareTile(job)).Length;
        Func<(string Layer, TileAddress Tile), Task<int>> endpoint = async job => (await endpointTile(job)).Length;

        // Warm both paths (plans, pools, JIT) once before measuring.
        var warmBare = await LatencyRun.MeasureAsync(jobs, settings.Concurrency, bare);
        await LatencyRun.MeasureAsync(jobs, settings.Concurrency, endpoint);
        await CheckSameTilesAsync(jobs, bareTile, endpointTile);

        var bareRuns = new List<LatencyRun>();
        var httpRuns = new List<LatencyRun>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            bareRuns.Add(await LatencyRun.MeasureAsync(jobs, settings.Concurrency, bare));
            httpRuns.Add(await LatencyRun.MeasureAsync(jobs, settings.Concurrency, endpoint));
            output.WriteLine($"round {round}: bare {bareRuns[^1].PerSecond,7:F1} tiles/s, endpoint {httpRuns[^1].PerSecond,7:F1} tiles/s");
        }

        var bareRate = LatencyRun.Median(bareRuns.Select(r => r.PerSecond));
        var httpRate = LatencyRun.Median(httpRuns.Select(r => r.PerSecond));
        output.WriteLine();
        output.WriteLine($"{"",-26}{"tiles/s",10}{"p50 ms",10}{"p95 ms",10}   (medians of {settings.Rounds} rounds)");
        Row(output, "bare ST_AsMVT (Npgsql)", bareRuns);
        Row(output, "GET /tiles endpoint", httpRuns);
        // Each round measures the two paths back to back, so a round's ratio is what drift on a shared machine
        // touches least; the ratio of the two medians is printed too, as before.
        var roundRatio = LatencyRun.Median(bareRuns.Zip(httpRuns, (b, h) => h.PerSecond / b.PerSecond));
        output.WriteLine($"throughput ratio endpoint / bare: median of the rounds' ratios {roundRatio:F2} (target ≥ 0.80); ratio of the medians {httpRate / bareRate:F2}");
        output.WriteLine($"mean tile size {warmBare.Bytes / (double)jobs.Count / 1024:F1} KiB; server working set {server.WorkingSet() / 1048576.0:F0} MiB");
        return 0;
    }

    /// <summary>
    /// Both paths must serve the same tiles: every tile's features (id, geometry, attributes) alike. Not their bytes:
    /// the features' order within a tile is the plan's (see <see cref="MvtContent"/>).
    /// </summary>
    static async Task CheckSameTilesAsync(List<(string Layer, TileAddress Tile)> jobs,
        Func<(string Layer, TileAddress Tile), Task<byte[]>> bare, Func<(string Layer, TileAddress Tile), Task<byte[]>> endpoint)
    {
        var different = new List<string>();
        foreach (var job in jobs)
            if (MvtContent.Describe(await bare(job)) != MvtContent.Describe(await endpoint(job)))
                different.Add($"{job.Layer} {job.Tile.Z}/{job.Tile.X}/{job.Tile.Y}");
        if (different.Count > 0)
            throw new InvalidOperationException($"the endpoint and the bare query served different features in {different.Count} of {jobs.Count} tiles: not the same tiles ({string.Join(", ", different.Take(5))})");
    }

    static void Row(TextWriter output, string name, List<LatencyRun> runs) =>
        output.WriteLine($"{name,-26}{LatencyRun.Median(runs.Select(r => r.PerSecond)),10:F1}" +
                         $"{LatencyRun.Median(runs.Select(r => r.P50Ms)),10:F1}{LatencyRun.Median(runs.Select(r => r.P95Ms)),10:F1}");

    static async Task<List<(string Layer, TileAddress Tile)>> ChooseTilesAsync(BenchDistrict district, Settings settings)
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "select ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) from (select Box2D(boundary) b from territory_unit where kind = 'district' limit 1) d", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (w, s, e, n) = (reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
        return settings.Zooms
            .SelectMany(z => TileMath.TilesCovering(w, s, e, n, z))
            .SelectMany(t => settings.Layers.Select(l => (l, t)))
            .ToList();
    }
}
