using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MapDashboard.Data.Accounts;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Auth;

/// <summary>Tokens, the session cookie, lockout, and what is stored of a password and a token.</summary>
[Collection(AuthCollection.Name)]
public sealed class SignInTests(AuthHost host)
{
    [Fact]
    public async Task A_token_from_the_token_endpoint_signs_every_request_in_with_the_claims_of_its_account()
    {
        await host.Accounts.EnsureAsync("community");

        var response = await host.PostTokenAsync(TestAccounts.UserNameOf("community"), TestAccounts.PasswordOf("community"));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expires = DateTimeOffset.Parse((string)body["expiresAt"]!);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12.1));
        using var http = host.CreateClientWithToken((string)body["accessToken"]!);
        var me = (await http.GetFromJsonAsync<JsonObject>("api/auth/me"))!;
        Assert.Equal("test-community", (string?)me["userName"]);
        Assert.Equal("community", (string?)me["role"]);
        Assert.Equal(await host.ScalarAsync<string>("select code from territory_unit where kind = 'community' and parent_id = (select id from territory_unit where kind = 'street' order by code limit 1) order by code limit 1"),
            (string?)me["unit"]!["code"]);
        Assert.Equal("/lead", (string?)me["landsOn"]);
        Assert.Null(me["csrfToken"]);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/territory")).StatusCode);
    }

    [Fact]
    public async Task The_display_account_is_kept_signed_in_for_days()
    {
        await host.Accounts.EnsureAsync("display");

        var body = (await (await host.PostTokenAsync("test-display", TestAccounts.PasswordOf("display"))).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.InRange(DateTimeOffset.Parse((string)body["expiresAt"]!) - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7.1));
    }

    [Fact]
    public async Task The_password_is_stored_only_as_a_salted_slow_hash_and_the_token_only_as_its_SHA_256()
    {
        const string password = "correct-horse-battery";
        var userName = await host.CreateAccountAsync("planner", password);
        var token = await host.TokenAsync(userName, password);

        var hash = await host.ScalarAsync<string>("select password_hash from account where user_name = @u", ("u", userName));
        Assert.DoesNotContain(password, hash);
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]); // Identity's V3 format: PBKDF2, salt and iteration count in the hash
        Assert.True(AccountPasswords.Verify(hash, password));
        Assert.False(AccountPasswords.Verify(hash, password + "x"));
        Assert.NotEqual(AccountPasswords.Hash(password), AccountPasswords.Hash(password)); // salted

        Assert.Equal(1L, await host.ScalarAsync<long>("select count(*) from access_token where token_hash = @h", ("h", SHA256.HashData(Encoding.UTF8.GetBytes(token)))));
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from access_token where encode(token_hash, 'escape') like '%' || @t || '%'", ("t", token)));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_and_even_the_right_one_is_refused_meanwhile()
    {
        const string password = "the-right-password";
        var userName = await host.CreateAccountAsync("community", password);

        for (var i = 1; i < Lockout.MaxFailedAttempts; i++)
            await ProblemAssert.IsProblem(await host.PostTokenAsync(userName, "a-wrong-password"), HttpStatusCode.Unauthorized, "wrong user name or password");
        var fifth = await host.PostTokenAsync(userName, "a-wrong-password");
        await ProblemAssert.IsProblem(fifth, HttpStatusCode.Locked, "locked");
        var right = await host.PostTokenAsync(userName, password);
        await ProblemAssert.IsProblem(right, HttpStatusCode.Locked, "locked after 5 wrong passwords");
        Assert.NotNull(right.Headers.RetryAfter);

        var lockedFor = await host.ScalarAsync<double>("select extract(epoch from locked_until - now())::float8 from account where user_name = @u", ("u", userName));
        Assert.InRange(lockedFor, 14 * 60, 15 * 60);
        // Once the 15 minutes are over the right password works again, and the count starts afresh.
        await host.ScalarAsync<int>("update account set locked_until = now() - interval '1 second' where user_name = @u returning 1", ("u", userName));
        Assert.Equal(HttpStatusCode.OK, (await host.PostTokenAsync(userName, password)).StatusCode);
        Assert.Equal(0, await host.ScalarAsync<int>("select failed_attempts from account where user_name = @u", ("u", userName)));
    }

    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_SameSite_strict_session_cookie_and_names_the_view_of_the_role()
    {
        const string password = "planner-password";
        var userName = await host.CreateAccountAsync("planner", password);
        using var http = host.CreateCookieClient();

        var response = await http.PostAsJsonAsync("api/auth/signin", new { userName, password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mapdashboard_session="));
        Assert.Contains("httponly", setCookie.ToLowerInvariant());
        Assert.Contains("samesite=strict", setCookie.ToLowerInvariant());
        Assert.DoesNotContain("secure", setCookie.ToLowerInvariant()); // plain HTTP here; Secure whenever the request is HTTPS
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("/plan", (string?)body["landsOn"]);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/territory")).StatusCode);
        Assert.Equal((string?)body["csrfToken"], (string?)(await http.GetFromJsonAsync<JsonObject>("api/auth/me"))!["csrfToken"]);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        var userName = await host.CreateAccountAsync("planner");

        var wrong = await host.PostTokenAsync(userName, "not-the-password");
        var unknown = await host.PostTokenAsync("no-such-user", "not-the-password");

        Assert.Equal(await wrong.Content.ReadFromJsonAsync<JsonObject>() is { } w ? (string?)w["detail"] : null,
            await unknown.Content.ReadFromJsonAsync<JsonObject>() is { } u ? (string?)u["detail"] : null);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }
}
