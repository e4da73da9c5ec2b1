using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Live;

/// <summary>
/// A live-map client in node with the real npm @microsoft/signalr package
/// (LiveClient/subscribe.mjs); every event it prints is collected here.
/// </summary>
public sealed class LiveClientProcess : IAsyncDisposable
{
    static readonly string Script = Path.Combine(RepositoryPaths.Root, "tests", "MapDashboard.IntegrationTests", "LiveClient", "subscribe.mjs");

    readonly Process _process;
    readonly ConcurrentQueue<JsonObject> _events = new();
    readonly SemaphoreSlim _arrived = new(0, int.MaxValue);

    LiveClientProcess(Process process) => _process = process;

    public IReadOnlyList<JsonObject> Events => _events.ToList();

    public static LiveClientProcess Start(string baseUrl, object subscribeRequest, bool resume = false, int clients = 1)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(baseUrl);
        start.ArgumentList.Add(JsonSerializer.Serialize(subscribeRequest, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        if (resume) start.ArgumentList.Add("--resume");
        start.ArgumentList.Add("--clients");
        start.ArgumentList.Add(clients.ToString());
        var client = new LiveClientProcess(Process.Start(start)!);
        client._process.OutputDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data) || !e.Data.StartsWith('{')) return;
            client._events.Enqueue(JsonNode.Parse(e.Data)!.AsObject());
            client._arrived.Release();
        };
        client._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[live client] {e.Data}"); };
        client._process.BeginOutputReadLine();
        client._process.BeginErrorReadLine();
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
            if (left <= TimeSpan.Zero || _process.HasExited && !_events.Any(match))
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
