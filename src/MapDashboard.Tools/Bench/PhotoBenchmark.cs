using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.Generator;
using MapDashboard.Server.Options;
using MapDashboard.Server.Photos;
using Microsoft.Extensions.Options;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// Photo upload and thumbnailing: POST /api/incidents/{code}/photos (HTTP, multipart, a separate server process with
/// its folder and PostGIS rows) against the bare cleaning of the same photos in this process (<see cref="PhotoCleaner"/>:
/// decode, turn upright, re-encode, thumbnail; no HTTP, no files, no rows), alternated in rounds as the other benches
/// do. The photos are like a phone's: 4032×3024 JPEG with sensor noise and GPS EXIF, half of them sideways
/// (orientation 6). Prints photos/s, p50/p95 and the peak resident memory of each side (managed and native: the
/// bitmaps are SkiaSharp's, outside the GC heap), and the bare side's peak managed heap.
/// </summary>
public static class PhotoBenchmark
{
    public sealed record Settings(int Photos, int Concurrency, int Rounds, int Width, int Height, int Distinct);

    sealed record Round(LatencyRun Run, long PeakResident, long PeakManaged);

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var photos = Enumerable.Range(1, settings.Distinct)
            .Select(i => PhonePhotos.Jpeg(i, settings.Width, settings.Height, orientation: i % 2 == 0 ? 6 : 1)).ToArray();
        output.WriteLine($"{photos.Length} distinct {settings.Width}×{settings.Height} phone photos with GPS EXIF, " +
                         $"{photos.Average(p => p.Length) / 1048576.0:F1} MiB on average, made in {clock.Elapsed.TotalSeconds:F1} s");

        await using var district = await BenchDistrict.CreateAsync(DistrictSize.Demo, DistrictGenerator.DefaultSeed, output);
        var folder = Directory.CreateTempSubdirectory("mapdashboard-bench-photos-").FullName;
        try
        {
            await using var server = await ServerProcess.StartAsync(district.Cluster.ConnectionString, 0, $"--Photos:Folder={folder}",
                $"--Photos:ConcurrentDecodes={settings.Concurrency}");
            using var http = server.CreateClient();
            http.Timeout = TimeSpan.FromMinutes(5);
            var slots = await IncidentSlotsAsync(district, http, settings.Photos * (settings.Rounds + 1));
            var jobs = Enumerable.Range(0, settings.Photos).Select(i => photos[i % photos.Length]).ToList();
            var next = 0;

            using var cleaner = new PhotoCleaner(Options.Create(new PhotoOptions { ConcurrentDecodes = settings.Concurrency }));
            Func<byte[], Task<int>> bare = async bytes =>
            {
                var (photo, fault) = await cleaner.CleanAsync(bytes, CancellationToken.None);
                if (photo is null) throw new InvalidOperationException($"the cleaner refused a phone photo: {fault!.Reason}");
                return photo.Picture.Length + photo.Thumbnail.Length;
            };
            Func<byte[], Task<int>> endpoint = async bytes =>
            {
                var slot = slots[Interlocked.Increment(ref next) - 1];
                using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "photo", "IMG_0001.jpg" } };
                using var response = await http.PostAsync($"api/incidents/{slot}/photos?action=report", form);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return bytes.Length;
            };

            // Warm both paths (JIT, SkiaSharp's native library, pools), and check that the served photo lost its EXIF.
            await LatencyRun.MeasureAsync(jobs.Take(settings.Concurrency * 2).ToList(), settings.Concurrency, bare);
            await LatencyRun.MeasureAsync(jobs.Take(settings.Photos).ToList(), settings.Concurrency, endpoint);
            await CheckServedAsync(http, slots[0]);

            var bareRounds = new List<Round>();
            var httpRounds = new List<Round>();
            var self = Environment.ProcessId;
            var serverIdle = ProcessMemory.ResidentBytes(server.ProcessId);
            for (var round = 1; round <= settings.Rounds; round++)
            {
                bareRounds.Add(await MeasureAsync(jobs, settings.Concurrency, bare, self, managed: true));
                httpRounds.Add(await MeasureAsync(jobs, settings.Concurrency, endpoint, server.ProcessId, managed: false));
                output.WriteLine($"round {round}: bare {bareRounds[^1].Run.PerSecond,6:F2} photos/s, endpoint {httpRounds[^1].Run.PerSecond,6:F2} photos/s");
            }

            output.WriteLine();
            output.WriteLine($"{settings.Photos} photos per round, concurrency {settings.Concurrency}, {settings.Rounds} rounds (medians); {Environment.ProcessorCount} cores");
            output.WriteLine($"{"",-40}{"photos/s",10}{"p50 ms",10}{"p95 ms",10}{"peak RSS MiB",14}");
            Row(output, "bare clean (decode→upright→JPEG+thumb)", bareRounds);
            Row(output, "POST /api/incidents/{code}/photos", httpRounds);
            var ratio = LatencyRun.Median(bareRounds.Zip(httpRounds, (b, h) => h.Run.PerSecond / b.Run.PerSecond));
            output.WriteLine($"throughput ratio endpoint / bare: {ratio:F2} (median of the rounds' ratios)");
            output.WriteLine($"bare: peak managed heap {LatencyRun.Median(bareRounds.Select(r => (double)r.PeakManaged)) / 1048576.0:F0} MiB " +
                             $"(the rest of its peak RSS is native bitmaps, the photos held in memory and the runtime)");
            output.WriteLine($"server: resident {serverIdle / 1048576.0:F0} MiB before the measured rounds, peak {LatencyRun.Median(httpRounds.Select(r => (double)r.PeakResident)) / 1048576.0:F0} MiB during a round (median)");
            return 0;
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    static async Task<Round> MeasureAsync(List<byte[]> jobs, int concurrency, Func<byte[], Task<int>> run, int pid, bool managed)
    {
        GC.Collect();
        ProcessMemory.ResetPeak(pid);
        long peakManaged = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (managed) peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                await Task.Delay(20);
            }
        });
        var result = await LatencyRun.MeasureAsync(jobs, concurrency, run);
        await stop.CancelAsync();
        await sampler;
        return new Round(result, ProcessMemory.PeakResidentBytes(pid), peakManaged);
    }

    static void Row(TextWriter output, string name, List<Round> rounds) =>
        output.WriteLine($"{name,-40}{LatencyRun.Median(rounds.Select(r => r.Run.PerSecond)),10:F2}" +
                         $"{LatencyRun.Median(rounds.Select(r => r.Run.P50Ms)),10:F0}{LatencyRun.Median(rounds.Select(r => r.Run.P95Ms)),10:F0}" +
                         $"{LatencyRun.Median(rounds.Select(r => (double)r.PeakResident)) / 1048576.0,14:F0}");

    /// <summary>
    /// Incident codes with room for <paramref name="photos"/> report photos, six each (the per-step limit): new
    /// incidents reported through the API at random points of the district, a category each in turn.
    /// </summary>
    static async Task<List<string>> IncidentSlotsAsync(BenchDistrict district, HttpClient http, int photos)
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("""
            select ST_X(p.geom), ST_Y(p.geom), (select array_agg(code order by code) from category where for_incidents and code <> 'ownership_unclear')
            from territory_unit d cross join ST_Dump(ST_GeneratePoints(ST_Buffer(d.boundary, -0.001), @n, 3)) p
            where d.kind = 'district'
            """, conn);
        cmd.Parameters.AddWithValue("n", photos);
        var points = new List<(double Lon, double Lat, string[] Categories)>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) points.Add((reader.GetDouble(0), reader.GetDouble(1), (string[])reader.GetValue(2)));
        var codes = new HashSet<string>();
        var i = 0;
        foreach (var (lon, lat, categories) in points)
        {
            if (codes.Count * 6 >= photos) break;
            var response = await http.PostAsJsonAsync("api/incidents", new { category = categories[i++ % categories.Length], lat, lon, description = "photo bench" });
            if (!response.IsSuccessStatusCode) continue; // a point the district cannot route (outside every grid)
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!body.GetProperty("duplicate").GetBoolean()) codes.Add(body.GetProperty("incident").GetProperty("code").GetString()!);
        }
        if (codes.Count * 6 < photos) throw new InvalidOperationException($"only {codes.Count} incidents for {photos} photos");
        return codes.SelectMany(c => Enumerable.Repeat(c, 6)).ToList();
    }

    /// <summary>The benchmark measures what the product does: a photo served back carries no EXIF.</summary>
    static async Task CheckServedAsync(HttpClient http, string incident)
    {
        var detail = await http.GetFromJsonAsync<JsonElement>($"api/incidents/{incident}");
        var url = detail.GetProperty("photos")[0].GetProperty("url").GetString()!.TrimStart('/');
        var served = await http.GetByteArrayAsync(url);
        if (JpegSegments.Metadata(served).Any(s => s.IsExif || s.IsXmp))
            throw new InvalidOperationException("a served photo still carries EXIF or XMP: the benchmark would measure the wrong thing");
    }
}
