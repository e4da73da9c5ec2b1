using MapDashboard.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace MapDashboard.TestSupport;

/// <summary>
/// The real server on a real Kestrel port (so a browser can reach it), on its
/// own database in the test cluster, with the demo district loaded at start
/// exactly as the run command loads it. Use as an xunit class or collection fixture.
/// </summary>
public class DashboardHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    string _connectionString = "";

    public string BaseUrl { get; private set; } = "";

    public string ConnectionString => _connectionString;

    /// <summary>A data source of the test's own, for arranging and checking rows directly with SQL.</summary>
    public NpgsqlDataSource Db { get; private set; } = null!;

    /// <summary>Whether the demo district is loaded at start; a subclass may start empty.</summary>
    protected virtual bool LoadDemo => true;

    /// <summary>Whether the demo incident stream runs; off so tests see only what they write.</summary>
    protected virtual bool DemoIncidentStream => false;

    /// <summary>Whether the demo patrol simulator posts pings; off so tests see only the pings they send.</summary>
    protected virtual bool DemoPatrolSimulator => false;

    public async Task InitializeAsync()
    {
        _connectionString = await TestCluster.CreateDatabaseAsync(GetType().Name);
        Db = DashboardDataSource.Create(_connectionString);
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:MapDashboard", _connectionString);
        builder.UseSetting("Demo:LoadOnStart", LoadDemo ? "true" : "false");
        builder.UseSetting("Demo:DataDirectory", RepositoryPaths.DemoDistrict);
        // Tests arrange their own incidents; a test that wants the demo stream turns it on.
        builder.UseSetting("Demo:IncidentStream", DemoIncidentStream ? "true" : "false");
        builder.UseSetting("Demo:PatrolSimulator", DemoPatrolSimulator ? "true" : "false");
        // Grid colours are computed at start; a timed recolouring in the middle of a test would race
        // its assertions. A test that needs escalation runs EscalationSweep.RunOnceAsync itself.
        builder.UseSetting("Incidents:EscalationCheckSeconds", "86400");
        builder.UseContentRoot(RepositoryPaths.ServerProject);
        builder.UseEnvironment("Production");
    }

    /// <summary>One value read with SQL, for arranging and checking rows.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>An HttpClient aimed at the Kestrel port (not the in-memory test server).</summary>
    public HttpClient CreateRealClient() => new() { BaseAddress = new Uri(BaseUrl + "/") };

    public new async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await base.DisposeAsync();
    }
}
