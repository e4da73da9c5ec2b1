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

    /// <summary>Whether the rate limits are raised out of the way (every test comes from one address); a rate-limit test keeps the defaults.</summary>
    protected virtual bool RelaxRateLimits => true;

    /// <summary>The role whose test account the default clients sign in as (<see cref="CreateRealClient"/>, CreateClient, the live clients).</summary>
    public const string DefaultRole = "district";

    /// <summary>The test accounts of this host's database (<see cref="TestAccounts"/>).</summary>
    public TestAccounts Accounts { get; private set; } = null!;

    /// <summary>This host's photo folder (Photos:Folder): a fresh temporary one, so no test writes photos into the checkout.</summary>
    public string PhotoFolder { get; } = Directory.CreateTempSubdirectory("mapdashboard-photos-").FullName;

    /// <summary>The default clients' bearer token (the <see cref="DefaultRole"/> test account's).</summary>
    public Task<string> AccessTokenAsync() => Accounts.TokenForRoleAsync(DefaultRole);

    public async Task InitializeAsync()
    {
        _connectionString = await TestCluster.CreateDatabaseAsync(GetType().Name);
        Db = DashboardDataSource.Create(_connectionString);
        Accounts = new TestAccounts(Db);
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        // The default account and its token exist before any test counts rows; a host that starts empty gets
        // them on its first signed-in request, once it has loaded a district.
        if (LoadDemo) await AccessTokenAsync();
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
        builder.UseSetting("Photos:Folder", PhotoFolder);
        if (RelaxRateLimits)
            foreach (var limit in new[] { "SignInPerMinute", "Open311PostsPerMinute", "ResidentPostsPerMinute", "AnonymousPerMinute", "PublicTilesPerMinute" })
                builder.UseSetting($"Auth:{limit}", "1000000");
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

    /// <summary>An HttpClient aimed at the Kestrel port (not the in-memory test server), signed in as the <see cref="DefaultRole"/> test account.</summary>
    public HttpClient CreateRealClient() => CreateRealClientWith(AccessTokenAsync);

    /// <summary>An HttpClient aimed at the Kestrel port, signed in as the test account of <paramref name="role"/>.</summary>
    public HttpClient CreateClientAs(string role) => CreateRealClientWith(() => Accounts.TokenForRoleAsync(role));

    /// <summary>An HttpClient aimed at the Kestrel port sending <paramref name="token"/> as its bearer token.</summary>
    public HttpClient CreateClientWithToken(string token) => CreateRealClientWith(() => Task.FromResult(token));

    /// <summary>An HttpClient aimed at the Kestrel port that keeps cookies as a browser does (sign in with POST /api/auth/signin), not signed in yet.</summary>
    public HttpClient CreateCookieClient() =>
        new(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(BaseUrl + "/") };

    /// <summary>An HttpClient aimed at the Kestrel port, not signed in.</summary>
    public HttpClient CreateAnonymousClient() => new() { BaseAddress = new Uri(BaseUrl + "/") };

    /// <summary>A bearer token for the account <paramref name="userName"/> and <paramref name="password"/>, through POST /api/auth/token.</summary>
    public async Task<string> TokenFor(string userName, string password)
    {
        using var http = CreateAnonymousClient();
        using var response = await http.PostAsync("api/auth/token", System.Net.Http.Json.JsonContent.Create(new { userName, password }));
        response.EnsureSuccessStatusCode();
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content);
        return (string)body!["accessToken"]!;
    }

    HttpClient CreateRealClientWith(Func<Task<string>> token) => new(new BearerTokenHandler(token)) { BaseAddress = new Uri(BaseUrl + "/") };

    /// <summary>WebApplicationFactory's own clients (CreateClient) sign in as the <see cref="DefaultRole"/> test account too.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AccessTokenAsync().GetAwaiter().GetResult());
    }

    public new async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await base.DisposeAsync();
        try { Directory.Delete(PhotoFolder, recursive: true); } catch (IOException) { }
    }
}
