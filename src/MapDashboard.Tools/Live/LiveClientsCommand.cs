using System.CommandLine;
using System.Text.Json;
using MapDashboard.Server.Live;

namespace MapDashboard.Tools.Live;

/// <summary>
/// <c>live-clients BASEURL REQUEST [--clients N] [--sample K] [--resume]</c>: N <see cref="MapLiveClient"/>s in
/// this process, printing one JSON line per event as LiveClient/subscribe.mjs does (its flags too), so `bench live`
/// runs its clients in a process of their own with either client. The bearer token to sign in with comes from the
/// environment variable <see cref="TokenVariable"/> (kept out of the command line, which other users can read).
/// </summary>
public static class LiveClientsCommand
{
    public const string TokenVariable = "MAPDASHBOARD_ACCESS_TOKEN";

    public static Command Create()
    {
        var baseUrl = new Argument<string>("base-url");
        var request = new Argument<string>("request") { Description = "the Subscribe request as JSON" };
        var clients = new Option<int>("--clients") { DefaultValueFactory = _ => 1 };
        var sample = new Option<int?>("--sample") { Description = "only clients 0..K-1 print their change items; every client prints a tally each second" };
        var resume = new Option<bool>("--resume");
        var command = new Command("live-clients", "SignalR clients of /hubs/map printing what they see, one JSON line per event")
            { baseUrl, request, clients, sample, resume };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(baseUrl)!, parse.GetValue(request)!, parse.GetValue(clients),
            parse.GetValue(sample), parse.GetValue(resume), cancel));
        return command;
    }

    static async Task<int> RunAsync(string baseUrl, string requestJson, int count, int? sampleOption, bool resume, CancellationToken cancel)
    {
        var request = JsonSerializer.Deserialize<SubscribeRequest>(requestJson, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var sample = Math.Min(sampleOption ?? count, count);
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        Func<Task<string?>>? accessToken = string.IsNullOrEmpty(token) ? null : () => Task.FromResult<string?>(token);
        // Lines are written in batches every 20 ms: a write per event from hundreds of connections would stall the
        // clients (and, through TCP back-pressure, the server they measure).
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var tallies = Enumerable.Range(0, count).Select(_ => new Tally()).ToArray();
        var clients = new List<MapLiveClient>();
        for (var index = 0; index < count; index++)
        {
            var i = index;
            clients.Add(MapLiveClient.Start(baseUrl, request, e =>
            {
                if (e is LiveEvent.Changes c) tallies[i].Add(c.Batch);
                if (e is LiveEvent.Changes && i >= sample || e is LiveEvent.Heartbeat && i != 0) return;
                lines.Enqueue(LiveEventJson.ToJson(e, i, withFeature: i == 0).ToJsonString());
            }, resume, accessToken));
        }
        var output = Console.Out;
        var lastTally = DateTime.UtcNow;
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                await Task.Delay(20, cancel);
                if (sample < count && DateTime.UtcNow - lastTally >= TimeSpan.FromSeconds(1))
                {
                    lastTally = DateTime.UtcNow;
                    var t = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    for (var i = 0; i < count; i++) lines.Enqueue(tallies[i].Json(t, i));
                }
                var batch = new System.Text.StringBuilder();
                while (lines.TryDequeue(out var line)) batch.Append(line).Append('\n');
                if (batch.Length > 0) { await output.WriteAsync(batch.ToString()); await output.FlushAsync(cancel); }
            }
        }
        catch (OperationCanceledException) { }
        foreach (var client in clients) await client.DisposeAsync();
        return 0;
    }

    /// <summary>A client's count of change items received and of distinct seqs among them.</summary>
    sealed class Tally
    {
        readonly HashSet<long> _seen = [];
        long _received;

        public void Add(ChangeBatch batch)
        {
            lock (_seen)
                foreach (var item in batch.Items)
                {
                    _received++;
                    _seen.Add(item.Seq);
                }
        }

        public string Json(long t, int client)
        {
            lock (_seen)
                return $$"""{"t":{{t}},"event":"tally","client":{{client}},"received":{{_received}},"distinct":{{_seen.Count}},"duplicates":{{_received - _seen.Count}}}""";
        }
    }
}
