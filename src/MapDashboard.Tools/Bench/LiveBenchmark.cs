using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MapDashboard.Generator;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// Commit-to-client latency of the live feed: N real SignalR clients (the .NET
/// client, or with --client node the npm client in node; a process of their own, loopback) watch the whole district while hazard changes and
/// worker pings are written straight into PostGIS. Latency is the client's
/// receive time minus the writer's commit time (one machine, one clock).
/// </summary>
public static class LiveBenchmark
{
    public sealed record Settings(int Clients, int ChangesPerSecond, int PingsPerSecond, int Seconds, int SampledClients, LiveClientKind Client = LiveClientKind.Dotnet);

    sealed record Tally(long Received, long Distinct, long Duplicates);

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        await using var district = await BenchDistrict.CreateAsync(DistrictSize.Demo, DistrictGenerator.DefaultSeed, output);
        await using var server = await ServerProcess.StartAsync(district.Cluster.ConnectionString);
        await Task.Delay(2000); // let the server's start-up allocations settle before the baseline
        var baseline = server.WorkingSet();

        var received = new ConcurrentBag<(int Client, long Seq, string Code, long AtMs)>();
        var positionTimes = new ConcurrentDictionary<int, ConcurrentQueue<long>>();
        var tallies = new ConcurrentDictionary<int, Tally>();
        var subscribed = 0;
        var ready = new TaskCompletionSource();
        await using var clients = LiveClientsProcess.Start(settings.Client, server.BaseUrl, new { layers = new[] { "hazards", "workers" } }, e =>
        {
            var client = (int?)e["client"] ?? -1;
            switch ((string?)e["event"])
            {
                case "subscribed":
                    if (Interlocked.Increment(ref subscribed) == settings.Clients) ready.TrySetResult();
                    break;
                case "changes":
                    foreach (var item in e["items"]!.AsArray())
                        received.Add((client, (long)item!["seq"]!, (string?)item["code"] ?? "", (long)e["t"]!));
                    break;
                case "tally":
                    tallies[client] = new Tally((long)e["received"]!, (long)e["distinct"]!, (long)e["duplicates"]!);
                    break;
                case "positions":
                    positionTimes.GetOrAdd(client, _ => new()).Enqueue((long)e["t"]!);
                    break;
                case "error":
                    Console.Error.WriteLine($"client {client}: {e["message"]}");
                    break;
            }
        }, clients: settings.Clients, sample: Math.Min(settings.SampledClients, settings.Clients), accessToken: server.AccessToken);
        if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(120))) != ready.Task)
            throw new InvalidOperationException($"only {subscribed} of {settings.Clients} clients subscribed within 120 s");
        await Task.Delay(2000);
        var perClient = (server.WorkingSet() - baseline) / (double)settings.Clients;
        output.WriteLine($"{settings.Clients} clients ({settings.Client.ToString().ToLowerInvariant()}) subscribed; writing {settings.ChangesPerSecond} hazard changes/s (severity updates) and " +
                         $"{settings.PingsPerSecond} worker pings/s for {settings.Seconds} s");

        var load = new LiveLoad(district.Db);
        await load.RunAsync(settings.ChangesPerSecond, settings.PingsPerSecond, TimeSpan.FromSeconds(settings.Seconds), CancellationToken.None);
        await WaitForQuietAsync(received, TimeSpan.FromSeconds(10));
        await Task.Delay(1500); // one more tally from every client

        Report(output, settings, load, received.ToList(), tallies, positionTimes, perClient, server.WorkingSet());
        return 0;
    }

    static void Report(TextWriter output, Settings settings, LiveLoad load, List<(int Client, long Seq, string Code, long AtMs)> received,
        ConcurrentDictionary<int, Tally> tallies, ConcurrentDictionary<int, ConcurrentQueue<long>> positionTimes, double perClientBytes, long workingSet)
    {
        var written = load.CommittedAtMs;
        var expected = (long)written.Count * settings.Clients;
        var distinct = tallies.Values.Sum(t => t.Distinct);
        var latencies = received.Where(r => written.ContainsKey(r.Code)).Select(r => (double)(r.AtMs - written[r.Code])).Order().ToArray();
        output.WriteLine();
        output.WriteLine($"changes committed {written.Count}, deliveries expected {expected}, received {tallies.Values.Sum(t => t.Received)} " +
                         $"(tallied by all {tallies.Count} clients)");
        output.WriteLine($"lost {expected - distinct}, duplicated {tallies.Values.Sum(t => t.Duplicates)}");
        output.WriteLine($"commit-to-client latency ms over {latencies.Length} deliveries to {settings.SampledClients} sampled clients: " +
                         $"p50 {LatencyRun.Percentile(latencies, 0.50):F0}, " +
                         $"p95 {LatencyRun.Percentile(latencies, 0.95):F0}, p99 {LatencyRun.Percentile(latencies, 0.99):F0} " +
                         "(targets: p99 ≤ 250, lost 0, duplicated 0)");
        // Coalescing: the gaps between one client's position messages, as the client received them.
        var gaps = positionTimes.Values.SelectMany(q => q.Order().Zip(q.Order().Skip(1), (a, b) => (double)(b - a))).Order().ToArray();
        var perSecond = positionTimes.Values.Select(q => q.Count > 1 ? (q.Count - 1) / ((q.Max() - q.Min()) / 1000.0) : 0).DefaultIfEmpty(0).Average();
        output.WriteLine($"worker pings written {load.PingsWritten}; position messages per client per second {perSecond:F2} " +
                         $"(coalesced: target ≤ 1; gap between messages p5 {LatencyRun.Percentile(gaps, 0.05):F0} ms, median {LatencyRun.Percentile(gaps, 0.5):F0} ms)");
        output.WriteLine($"server memory per connected client {perClientBytes / 1024:F0} KiB; server working set {workingSet / 1048576.0:F0} MiB");
    }

    static async Task WaitForQuietAsync(ConcurrentBag<(int, long, string, long)> received, TimeSpan max)
    {
        var deadline = DateTime.UtcNow + max;
        var last = -1;
        while (DateTime.UtcNow < deadline && received.Count != last)
        {
            last = received.Count;
            await Task.Delay(1000);
        }
    }
}
