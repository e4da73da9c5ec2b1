using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.TestSupport;
using Microsoft.Playwright;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>
/// Who the browser tests sign in as: the fixture server's district test account (the demo's <c>district</c>
/// account against an external server, MAPDASHBOARD_TEST_URL). Pages sign in through POST /api/auth/signin in their
/// own context (the session cookie lands in the context, as after the sign-in page); the API clients send a bearer token.
/// </summary>
public static class BrowserAccount
{
    public sealed record Account(string UserName, string Password);

    static readonly bool External = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DashboardFixture.ExternalServerVariable));

    public static Account Default { get; } = External
        ? new("district", "demo-district-2026")
        : new(TestAccounts.UserNameOf(DashboardHost.DefaultRole), TestAccounts.PasswordOf(DashboardHost.DefaultRole));

    static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Tokens = new();

    /// <summary>Signs the context in (its cookie jar gets the session cookie).</summary>
    public static async Task SignInAsync(IBrowserContext context, string baseUrl, Account? account = null)
    {
        account ??= Default;
        var response = await context.APIRequest.PostAsync(baseUrl.TrimEnd('/') + "/api/auth/signin",
            new() { DataObject = new { userName = account.UserName, password = account.Password } });
        if (!response.Ok) throw new InvalidOperationException($"sign-in as {account.UserName} failed: {response.Status} {await response.TextAsync()}");
    }

    /// <summary>An HttpClient on <paramref name="baseUrl"/> signed in with the default account's bearer token.</summary>
    public static HttpClient Client(string baseUrl, TimeSpan timeout) =>
        new(new BearerTokenHandler(() => TokenAsync(baseUrl))) { BaseAddress = new Uri(baseUrl), Timeout = timeout };

    static Task<string> TokenAsync(string baseUrl) => Tokens.GetOrAdd(baseUrl, url => new Lazy<Task<string>>(async () =>
    {
        using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
        var response = await http.PostAsJsonAsync("api/auth/token", new { userName = Default.UserName, password = Default.Password });
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
    })).Value;
}
