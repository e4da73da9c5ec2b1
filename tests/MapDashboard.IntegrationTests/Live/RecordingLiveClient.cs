using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapDashboard.Server.Live;
using MapDashboard.TestSupport;
using MapDashboard.Tools.Bench;
using MapDashboard.Tools.Live;

namespace MapDashboard.IntegrationTests.Live;

/// <summary>
/// A live-map client (the .NET SignalR client, <see cref="MapLiveClient"/>, typed with the server's contract) whose
/// every event is recorded, duplicates kept, for the test to wait on and check; each is kept as the JSON object
/// <see cref="LiveEventJson"/> makes of it.
/// </summary>
public sealed class RecordingLiveClient : IAsyncDisposable
{
    readonly ConcurrentQueue<JsonObject> _events = new();
    readonly SemaphoreSlim _arrived = new(0, int.MaxValue);
    MapLiveClient _client = null!;
    volatile bool _ended;

    public IReadOnlyList<JsonObject> Events => _events.ToList();

    /// <summary>A client of a test host, signed in as its default test account.</summary>
    public static RecordingLiveClient Start(DashboardHost host, object subscribeRequest, bool resume = false) =>
        Start(host.BaseUrl, subscribeRequest, resume, async () => await host.AccessTokenAsync());

    /// <summary>A client of a server process, signed in with its bench account's token.</summary>
    public static RecordingLiveClient Start(ServerProcess server, object subscribeRequest, bool resume = false) =>
        Start(server.BaseUrl, subscribeRequest, resume, () => Task.FromResult(server.AccessToken));

    /// <param name="subscribeRequest">the Subscribe request, any object that serialises to one (web JSON names)</param>
    /// <param name="resume">reconnect and resubscribe from the last seq after a drop, reload the position on resync</param>
    /// <param name="accessToken">the bearer token to sign in with; none: an anonymous client (refused by the hub)</param>
    /// <param name="headers">sent on the hub's connection</param>
    public static RecordingLiveClient Start(string baseUrl, object subscribeRequest, bool resume = false, Func<Task<string?>>? accessToken = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var request = JsonSerializer.Deserialize<SubscribeRequest>(JsonSerializer.Serialize(subscribeRequest, web), web)!;
        var recorder = new RecordingLiveClient();
        recorder._client = MapLiveClient.Start(baseUrl, request, e =>
        {
            // Without resume a failed start or subscription is where the client stops, as a process would exit.
            if (e is LiveEvent.Error && !resume) recorder._ended = true;
            // Read back from its text, so numbers convert as JSON read from the wire does ((int) of a seq, …).
            var json = LiveEventJson.ToJson(e, client: 0, withFeature: true);
            if (e is LiveEvent.Positions p) // kept whole here (the tools' form counts them): a test reads their features
                json["items"] = JsonNode.Parse(JsonSerializer.Serialize(p.Batch.Items.Select(i => new
                {
                    seq = i.Seq, layer = i.Layer, id = i.Id, op = i.Op, code = i.Feature?.GetProperty("properties").GetProperty("code").GetString(), feature = i.Feature,
                })));
            recorder._events.Enqueue(JsonNode.Parse(json.ToJsonString())!.AsObject());
            recorder._arrived.Release();
        }, resume, accessToken, headers);
        return recorder;
    }

    /// <summary>Waits until an event matches, or fails the test with what did arrive.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_events.FirstOrDefault(match) is { } found) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _ended && !_events.Any(match))
            {
                if (_events.FirstOrDefault(match) is { } late) return late;
                Assert.Fail($"timed out waiting for {what}; the client saw: {string.Join("\n", _events.TakeLast(10).Select(e => e.ToJsonString()))}");
            }
            await _arrived.WaitAsync(left > TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : left);
        }
    }

    public Task<JsonObject> SubscribedAsync(TimeSpan? timeout = null) =>
        WaitForAsync(e => (string?)e["event"] == "subscribed", timeout ?? TimeSpan.FromSeconds(30), "the subscription");

    /// <summary>Every change item received so far, in arrival order, duplicates kept.</summary>
    public List<JsonObject> ChangeItems() =>
        _events.Where(e => (string?)e["event"] == "changes")
               .SelectMany(e => e["items"]!.AsArray().Select(i => i!.AsObject()))
               .ToList();

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
