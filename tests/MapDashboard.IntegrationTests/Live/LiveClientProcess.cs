using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MapDashboard.Tools.Bench;

namespace MapDashboard.IntegrationTests.Live;

/// <summary>
/// A live-map client in node with the real npm @microsoft/signalr package;
/// every event it prints is collected here for the test to wait on and check.
/// </summary>
public sealed class LiveClientProcess : IAsyncDisposable
{
    readonly ConcurrentQueue<JsonObject> _events = new();
    readonly SemaphoreSlim _arrived = new(0, int.MaxValue);
    NodeLiveClient _node = null!;

    public IReadOnlyList<JsonObject> Events => _events.ToList();

    public static LiveClientProcess Start(string baseUrl, object subscribeRequest, bool resume = false, int clients = 1)
    {
        var client = new LiveClientProcess();
        client._node = NodeLiveClient.Start(baseUrl, subscribeRequest, e =>
        {
            client._events.Enqueue(e);
            client._arrived.Release();
        }, resume, clients);
        return client;
    }

    /// <summary>Waits until an event matches, or fails the test with what did arrive.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_events.FirstOrDefault(match) is { } found) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _node.HasExited && !_events.Any(match))
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
    public List<JsonObject> ChangeItems(int client = 0) =>
        _events.Where(e => (string?)e["event"] == "changes" && (int?)e["client"] == client)
               .SelectMany(e => e["items"]!.AsArray().Select(i => i!.AsObject()))
               .ToList();

    public ValueTask DisposeAsync() => _node.DisposeAsync();
}
