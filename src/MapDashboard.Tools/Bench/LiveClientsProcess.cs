using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapDashboard.Tools.Bench;

/// <summary>Which SignalR client `bench live` runs: the .NET client (<see cref="Live.MapLiveClient"/>) or the npm one in node.</summary>
public enum LiveClientKind { Dotnet, Node }

/// <summary>
/// Live-map clients written from PROTOCOL.md in a process of their own — `live-clients` of this tool (the .NET
/// SignalR client) or LiveClient/subscribe.mjs (the npm @microsoft/signalr package in node, which needs
/// `npm-install.sh src/MapDashboard.Tools/LiveClient` first) — handing every event they print (one JSON object a
/// line, the same shape from both) to <paramref name="onEvent"/>.
/// </summary>
public sealed class LiveClientsProcess : IAsyncDisposable
{
    readonly Process _process;

    LiveClientsProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public static string ScriptPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, "src", "MapDashboard.Tools", "LiveClient", "subscribe.mjs");
                if (File.Exists(script)) return script;
            }
            throw new FileNotFoundException("src/MapDashboard.Tools/LiveClient/subscribe.mjs not found above " + AppContext.BaseDirectory);
        }
    }

    /// <param name="sample">with many clients, only this many print their change items; all print a tally each second</param>
    /// <param name="accessToken">the bearer token the clients sign in with (handed over in the environment, not the command line)</param>
    public static LiveClientsProcess Start(LiveClientKind kind, string baseUrl, object subscribeRequest, Action<JsonObject> onEvent, bool resume = false,
        int clients = 1, int? sample = null, string? accessToken = null)
    {
        var start = new ProcessStartInfo(kind == LiveClientKind.Node ? "node" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (accessToken is not null) start.Environment[Live.LiveClientsCommand.TokenVariable] = accessToken;
        var program = kind == LiveClientKind.Node ? new[] { ScriptPath } : [typeof(LiveClientsProcess).Assembly.Location, "live-clients"];
        foreach (var a in program.Concat(new[] { baseUrl, JsonSerializer.Serialize(subscribeRequest, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
                                  "--clients", clients.ToString() }))
            start.ArgumentList.Add(a);
        if (resume) start.ArgumentList.Add("--resume");
        if (sample is { } k)
        {
            start.ArgumentList.Add("--sample");
            start.ArgumentList.Add(k.ToString());
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data) || !e.Data.StartsWith('{')) return;
            try { onEvent(JsonNode.Parse(e.Data)!.AsObject()); }
            catch (JsonException error) { Console.Error.WriteLine($"[live client] unreadable line ({error.Message}): {e.Data[..Math.Min(e.Data.Length, 300)]}"); }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[live client] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LiveClientsProcess(process);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
