using System.Diagnostics;
using MapDashboard.TestSupport;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>
/// Everything a browser test needs, started once per collection and in order: the
/// web client's build in the server's wwwroot (a server started without it serves no
/// static files), the real server on a private PostGIS with the demo district, then chromium.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>
    /// Set to a running server's URL (e.g. http://127.0.0.1:5080) to test against it instead
    /// of starting one: handy while developing the client. Unset in CI.
    /// </summary>
    public const string ExternalServerVariable = "MAPDASHBOARD_TEST_URL";

    static readonly string? ExternalServer = Environment.GetEnvironmentVariable(ExternalServerVariable);
    readonly DashboardHost? _host = string.IsNullOrEmpty(ExternalServer) ? new() : null;
    readonly ChromiumFixture _chromium = new();

    public string BaseUrl => _host?.BaseUrl ?? ExternalServer!.TrimEnd('/');
    public Microsoft.Playwright.IBrowser Browser => _chromium.Browser;
    public DashboardApi Api { get; private set; } = null!;

    /// <summary>The fixture's own database, for edits made straight in PostGIS (the live tests).</summary>
    public string ConnectionString => Host.ConnectionString;

    public Npgsql.NpgsqlDataSource Db => Host.Db;

    /// <summary>One value read with SQL from the fixture's database, for arranging and checking rows.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    DashboardHost Host => _host ?? throw new InvalidOperationException(
        $"the live tests write to the fixture's own database: unset {ExternalServerVariable} to run them");

    public async Task InitializeAsync()
    {
        if (_host is not null)
        {
            await EnsureWebBuildAsync();
            await _host.InitializeAsync();
            await _host.Accounts.EnsureAsync(DashboardHost.DefaultRole);
        }
        await _chromium.InitializeAsync();
        Api = new DashboardApi(BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
    }

    public Task<MapPage> OpenAsync(string path, int width = 1600, int height = 900) =>
        MapPage.OpenAsync(Browser, BaseUrl, path, width, height);

    /// <summary>CI builds the client first; a developer running only `dotnet test` gets it built here.</summary>
    static async Task EnsureWebBuildAsync()
    {
        var index = Path.Combine(RepositoryPaths.ServerProject, "wwwroot", "index.html");
        if (File.Exists(index)) return;
        var web = Path.Combine(RepositoryPaths.Root, "src", "MapDashboard.Web");
        if (!Directory.Exists(Path.Combine(web, "node_modules"))) await RunAsync(web, "npm", "ci --no-audit --no-fund");
        await RunAsync(web, "npm", "run build");
        if (!File.Exists(index)) throw new InvalidOperationException($"the web build did not produce {index}");
    }

    static async Task RunAsync(string dir, string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed in {dir}: {await stdout}{await stderr}");
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
