using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// The real server as a separate process (as deployed), so the benchmark's
/// client and the server do not share a heap or a thread pool.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    readonly Process _process;

    ServerProcess(Process process, string baseUrl, string? accessToken)
    {
        _process = process;
        BaseUrl = baseUrl;
        AccessToken = accessToken;
    }

    public string BaseUrl { get; }

    /// <summary>A bearer token of the bench account (<see cref="BenchAccount"/>); null when the database held no district at start.</summary>
    public string? AccessToken { get; }

    /// <summary>An HttpClient on this server signed in with <see cref="AccessToken"/>.</summary>
    public HttpClient CreateClient(HttpMessageHandler? handler = null) => BenchAccount.Client(BaseUrl, AccessToken, handler);

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <param name="port">0 for any free port; a fixed port lets clients reconnect to a restarted server.</param>
    public static async Task<ServerProcess> StartAsync(string connectionString, int port = 0, params string[] settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MapDashboard.Server.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", ContentRoot(),
                                  $"--ConnectionStrings:MapDashboard={connectionString}", "--Demo:LoadOnStart=false", "--Demo:IncidentStream=false", "--Demo:PatrolSimulator=false",
                                  "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information" })
            start.ArgumentList.Add(a);
        foreach (var s in settings) start.ArgumentList.Add(s);

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line) return;
            if (ListeningOn().Match(line) is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
            // Warnings and errors (the console logger writes them to standard output): a benchmark reads them beside its figures.
            else if (listening.Task.IsCompleted) Console.Error.WriteLine($"[server] {line}");
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[server] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var started = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != listening.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the server did not report a listening address within 60 s");
        }
        return new ServerProcess(process, (await listening.Task).TrimEnd('/'), await BenchAccount.TokenAsync(connectionString));
    }

    /// <summary>Resident memory of the server process, in bytes.</summary>
    public long WorkingSet()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>SIGKILL: no graceful shutdown, as when a node crashes.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    static string ContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MapDashboard.sln"))) return Path.Combine(dir.FullName, "src", "MapDashboard.Server");
        return AppContext.BaseDirectory;
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
