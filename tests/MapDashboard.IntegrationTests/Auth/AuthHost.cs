using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Doors;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Auth;

/// <summary>One server on the demo district for the sign-in tests; each test makes the accounts it revokes or locks.</summary>
public sealed class AuthHost : DoorHost
{
    /// <summary>A new account made through the admin API; its user name.</summary>
    public async Task<string> CreateAccountAsync(string role, string password = "a-long-password-1", string? person = null)
    {
        var userName = $"{role}-{Guid.NewGuid():N}"[..24];
        var unit = await ScalarAsync<string>(role is "community" or "worker" or "planner"
            ? "select code from territory_unit where kind = 'community' order by code limit 1"
            : "select code from territory_unit where kind = 'district' limit 1");
        using var admin = CreateClientAs("admin");
        var response = await admin.PostAsJsonAsync("api/accounts", new { userName, displayName = "Test " + role, role, unit, person, password });
        Assert.True(response.IsSuccessStatusCode, $"account not created: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return userName;
    }

    /// <summary>POST /api/auth/token without a client signed in.</summary>
    public async Task<HttpResponseMessage> PostTokenAsync(string userName, string password)
    {
        using var http = CreateAnonymousClient();
        return await http.PostAsJsonAsync("api/auth/token", new { userName, password });
    }

    public async Task<string> TokenAsync(string userName, string password)
    {
        var response = await PostTokenAsync(userName, password);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"no token: {(int)response.StatusCode} {body}");
        return (string)JsonNode.Parse(body)!["accessToken"]!;
    }
}

/// <summary>The sign-in tests share one server and run one after another (some count rows).</summary>
[CollectionDefinition(Name)]
public sealed class AuthCollection : ICollectionFixture<AuthHost>
{
    public const string Name = "auth";
}
