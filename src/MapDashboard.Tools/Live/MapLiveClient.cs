using System.Diagnostics;
using System.Net.Http.Json;
using MapDashboard.Server.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace MapDashboard.Tools.Live;

/// <summary>What a <see cref="MapLiveClient"/> saw, in arrival order; <see cref="AtMs"/> is the Unix time in ms it arrived.</summary>
public abstract record LiveEvent(long AtMs)
{
    public sealed record Subscribed(long AtMs, SubscribeResult Result) : LiveEvent(AtMs);
    public sealed record Changes(long AtMs, ChangeBatch Batch) : LiveEvent(AtMs);
    public sealed record Positions(long AtMs, PositionBatch Batch) : LiveEvent(AtMs);
    public sealed record Heartbeat(long AtMs, Server.Live.Heartbeat Beat) : LiveEvent(AtMs);
    public sealed record Resync(long AtMs, ResyncNotice Notice) : LiveEvent(AtMs);
    public sealed record Closed(long AtMs) : LiveEvent(AtMs);
    public sealed record Error(long AtMs, string Message) : LiveEvent(AtMs);
}

/// <summary>
/// A live-map client of /hubs/map written from PROTOCOL.md with the .NET SignalR client, typed with the server's own
/// contract (LiveContract.cs): Subscribe with sinceSeq, keep the highest seq applied (from changes and heartbeats;
/// an item at or below it is a duplicate and not applied), and after any drop reconnect in its own loop — as the
/// browser's connection.ts does, never giving up — and Subscribe again from that seq. On resync it reads the
/// position again and subscribes from there (the caller reloads its snapshot: <see cref="LiveEvent.Resync"/>).
/// Every event is handed to the observer as it arrives, duplicates included, so a test or a benchmark can check
/// that the server sent each change exactly once.
/// </summary>
public sealed class MapLiveClient : IAsyncDisposable
{
    readonly HubConnection _connection;
    readonly SubscribeRequest _request;
    readonly Action<LiveEvent> _observe;
    readonly bool _resume;
    readonly HttpClient _http;
    readonly Func<Task<string?>>? _accessToken;
    readonly CancellationTokenSource _stop = new();
    readonly object _seqLock = new();
    long? _lastSeq;
    long _itemsSinceSubscribe;
    int _looping;

    MapLiveClient(string baseUrl, SubscribeRequest request, Action<LiveEvent> observe, bool resume, Func<Task<string?>>? accessToken,
        IReadOnlyDictionary<string, string>? headers)
    {
        _request = request;
        _observe = observe;
        _resume = resume;
        _lastSeq = request.SinceSeq;
        _http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };
        _accessToken = accessToken;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) _http.DefaultRequestHeaders.Add(name, value);
        // The token goes as a bearer header on negotiate and as the access_token query value on the WebSocket
        // (what the SignalR client does with AccessTokenProvider): the hub needs a signed-in account.
        _connection = new HubConnectionBuilder().WithUrl(baseUrl.TrimEnd('/') + "/hubs/map", o =>
        {
            if (accessToken is not null) o.AccessTokenProvider = accessToken;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>()) o.Headers[name] = value;
        }).Build();
        _connection.On<ChangeBatch>(nameof(IMapClient.Changes), batch =>
        {
            lock (_seqLock)
                foreach (var item in batch.Items)
                    if (_lastSeq is not { } last || item.Seq > last) _lastSeq = item.Seq;
            _observe(new LiveEvent.Changes(Now, batch));
            // Counted once observed: SubscribeAsync reports the subscription when the replay has been handled, and a
            // test reading its recorded changes right then must find them.
            Interlocked.Add(ref _itemsSinceSubscribe, batch.Items.Count);
        });
        _connection.On<PositionBatch>(nameof(IMapClient.Positions), batch => _observe(new LiveEvent.Positions(Now, batch)));
        _connection.On<Heartbeat>(nameof(IMapClient.Heartbeat), beat =>
        {
            lock (_seqLock)
                if (_lastSeq is not { } last || beat.Seq > last) _lastSeq = beat.Seq;
            _observe(new LiveEvent.Heartbeat(Now, beat));
        });
        _connection.On<ResyncNotice>(nameof(IMapClient.Resync), notice =>
        {
            _observe(new LiveEvent.Resync(Now, notice));
            if (_resume) _ = ResyncAsync();
        });
        _connection.Closed += error =>
        {
            _observe(new LiveEvent.Closed(Now));
            if (_resume && !_stop.IsCancellationRequested) _ = ConnectLoopAsync(afterDrop: true);
            return Task.CompletedTask;
        };
    }

    /// <summary>The highest seq applied: where a reconnect resumes from.</summary>
    public long? LastSeq { get { lock (_seqLock) return _lastSeq; } }

    /// <summary>Connects and subscribes. Without <paramref name="resume"/> a failed start or a drop is reported and left so.</summary>
    /// <param name="accessToken">gives the bearer token to sign in with (POST /api/auth/token, or a device's credential)</param>
    /// <param name="headers">sent with every request and on the hub's connection</param>
    public static MapLiveClient Start(string baseUrl, SubscribeRequest request, Action<LiveEvent> observe, bool resume = false,
        Func<Task<string?>>? accessToken = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var client = new MapLiveClient(baseUrl, request, observe, resume, accessToken, headers);
        _ = client.ConnectLoopAsync(afterDrop: false);
        return client;
    }

    static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    async Task ConnectLoopAsync(bool afterDrop)
    {
        if (Interlocked.Exchange(ref _looping, 1) == 1) return;
        try
        {
            for (var attempt = 0; !_stop.IsCancellationRequested; attempt++)
            {
                if (afterDrop || attempt > 0) await Task.Delay(ReconnectDelay(afterDrop ? attempt : attempt - 1), _stop.Token);
                try
                {
                    await _connection.StartAsync(_stop.Token);
                    await SubscribeAsync();
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
                {
                    _observe(new LiveEvent.Error(Now, e.Message));
                    if (!_resume) return;
                    try { await _connection.StopAsync(); } catch (Exception) { /* already stopped */ }
                }
            }
        }
        catch (OperationCanceledException) { }
        finally { Volatile.Write(ref _looping, 0); }
    }

    /// <summary>100 ms doubling to 2 s, ±20 %: quicker than the browser's 1–10 s, as tests and benchmarks wait on it.</summary>
    static TimeSpan ReconnectDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(2000, 100 * Math.Pow(2, Math.Min(attempt, 5))) * (0.8 + 0.4 * Random.Shared.NextDouble()));

    /// <summary>
    /// Subscribes from the last seq applied. The server sends the replayed changes before it answers, but this client
    /// runs its handlers apart from completing the call, so the answer is reported once the replayed items have been
    /// handled — the order the protocol promises (and the npm client shows).
    /// </summary>
    async Task SubscribeAsync()
    {
        long? since;
        lock (_seqLock)
        {
            since = _lastSeq;
            Interlocked.Exchange(ref _itemsSinceSubscribe, 0);
        }
        var result = await _connection.InvokeAsync<SubscribeResult>(nameof(MapHub.Subscribe), _request with { SinceSeq = since }, _stop.Token);
        for (var waited = 0; waited < 10_000 && Interlocked.Read(ref _itemsSinceSubscribe) < result.Replayed; waited += 5)
            await Task.Delay(5, _stop.Token);
        _observe(new LiveEvent.Subscribed(Now, result));
    }

    async Task ResyncAsync()
    {
        try
        {
            using var ask = new HttpRequestMessage(HttpMethod.Get, "api/live/position");
            if (_accessToken is not null && await _accessToken() is { } token)
                ask.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var answer = (await _http.SendAsync(ask, _stop.Token)).EnsureSuccessStatusCode();
            var position = await answer.Content.ReadFromJsonAsync<Position>(_stop.Token);
            lock (_seqLock) _lastSeq = position!.Seq;
            await SubscribeAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _observe(new LiveEvent.Error(Now, e.Message));
        }
    }

    sealed record Position(long Seq, long PrunedThrough, int Protocol);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _connection.DisposeAsync();
        _http.Dispose();
    }
}
