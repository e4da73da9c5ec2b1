using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Auth;

/// <summary>A write signed in with the session cookie needs the session's anti-forgery header; a bearer write does not.</summary>
[Collection(AuthCollection.Name)]
public sealed class CsrfTests(AuthHost host)
{
    [Fact]
    public async Task A_cookie_write_without_the_anti_forgery_token_is_refused_and_with_it_accepted()
    {
        await host.Accounts.EnsureAsync("district");
        using var browser = host.CreateCookieClient();
        (await browser.PostAsJsonAsync("api/auth/signin", new { userName = "test-district", password = TestAccounts.PasswordOf("district") })).EnsureSuccessStatusCode();
        var hazard = await host.ScalarAsync<string>("select code from hazard order by code limit 1");
        var severity = await host.ScalarAsync<string>("select severity from hazard where code = @c", ("c", hazard));
        var next = severity == "high" ? "low" : "high";

        var without = await browser.PatchAsJsonAsync($"api/hazards/{hazard}", new { severity = next });
        await ProblemAssert.IsProblem(without, HttpStatusCode.Forbidden, "X-CSRF-TOKEN");
        using var forged = new HttpRequestMessage(HttpMethod.Patch, $"api/hazards/{hazard}") { Content = JsonContent.Create(new { severity = next }) };
        forged.Headers.Add("X-CSRF-TOKEN", "guessed");
        await ProblemAssert.IsProblem(await browser.SendAsync(forged), HttpStatusCode.Forbidden, "X-CSRF-TOKEN");
        Assert.Equal(severity, await host.ScalarAsync<string>("select severity from hazard where code = @c", ("c", hazard)));

        var token = (string)(await browser.GetFromJsonAsync<JsonObject>("api/auth/csrf"))!["token"]!;
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"api/hazards/{hazard}") { Content = JsonContent.Create(new { severity = next }) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        var with = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal(next, await host.ScalarAsync<string>("select severity from hazard where code = @c", ("c", hazard)));
    }

    [Fact]
    public async Task Signing_out_of_the_browser_ends_the_session_cookie()
    {
        await host.Accounts.EnsureAsync("street");
        using var browser = host.CreateCookieClient();
        var signedIn = (await (await browser.PostAsJsonAsync("api/auth/signin", new { userName = "test-street", password = TestAccounts.PasswordOf("street") }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var session = await host.ScalarAsync<long>("select count(*) from access_token where kind = 'session' and revoked_at is null");

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "api/auth/signout");
        signOut.Headers.Add("X-CSRF-TOKEN", (string)signedIn["csrfToken"]!);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut)).StatusCode);

        Assert.Equal(session - 1, await host.ScalarAsync<long>("select count(*) from access_token where kind = 'session' and revoked_at is null"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("api/territory")).StatusCode);
    }
}
