using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>
/// A TCP relay in front of the server whose link can be cut the way a pulled cable or a dead switch cuts it: nothing
/// closes, bytes just stop arriving either way. Killing the server instead resets the connection, which every client
/// notices at once; only silence tests how long a client takes to notice a link that is gone. Mending closes the
/// connections that lived through the cut (their bytes are lost, as TCP would find after a real outage) and relays
/// new ones again.
/// </summary>
public sealed class LinkCutter : IAsyncDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly IPEndPoint _server;
    readonly CancellationTokenSource _stop = new();
    readonly ConcurrentDictionary<TcpClient, bool> _open = new();
    volatile bool _cut;
    // Mend and the accept loop's "held or relayed" decision take turns: a connection accepted while Mend runs is
    // either closed by it or relayed, never held silent after the link is mended.
    readonly Lock _turn = new();

    LinkCutter(Uri server)
    {
        _server = new IPEndPoint(IPAddress.Parse(server.Host), server.Port);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>Starts relaying to <paramref name="serverBaseUrl"/> (http://127.0.0.1:PORT).</summary>
    public static LinkCutter Start(string serverBaseUrl) => new(new Uri(serverBaseUrl));

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>From now on nothing passes either way, and nothing is closed.</summary>
    public void Cut() => _cut = true;

    /// <summary>Closes every connection that lived through the cut; new connections are relayed again.</summary>
    public void Mend()
    {
        lock (_turn)
        {
            foreach (var c in _open.Keys) Close(c);
            _cut = false;
        }
    }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient browser;
            try { browser = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            lock (_turn)
            {
                _open[browser] = true;
                if (_cut) continue; // held open and silent until mended
            }
            _ = RelayAsync(browser);
        }
    }

    async Task RelayAsync(TcpClient browser)
    {
        var server = new TcpClient();
        _open[server] = true;
        try
        {
            await server.ConnectAsync(_server, _stop.Token);
            await Task.WhenAny(PumpAsync(browser, server), PumpAsync(server, browser));
        }
        catch (Exception) { /* a side went away: both are closed below, unless the link is cut */ }
        if (_cut) return; // a close must not reach the other side through a cut link either; Mend closes them
        Close(browser);
        Close(server);
    }

    // Copies until the source ends; while the link is cut what arrives is dropped.
    async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        var source = from.GetStream();
        var target = to.GetStream();
        int n;
        while ((n = await source.ReadAsync(buffer, _stop.Token)) > 0)
            if (!_cut) await target.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
    }

    void Close(TcpClient c)
    {
        _open.TryRemove(c, out _);
        c.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var c in _open.Keys) Close(c);
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
