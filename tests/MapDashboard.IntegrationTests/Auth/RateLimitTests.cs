using System.Net;
using System.Net.Http.Json;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Auth;

/// <summary>A server with the default rate limits (the other test hosts raise them: every test comes from one address).</summary>
public sealed class RateLimitHost : DashboardHost
{
    protected override bool LoadDemo => false;

    protected override bool RelaxRateLimits => false;
}

public sealed class RateLimitTests(RateLimitHost host) : IClassFixture<RateLimitHost>
{
    [Fact]
    public async Task The_eleventh_token_request_in_a_minute_from_one_address_is_429_with_Retry_After()
    {
        using var http = host.CreateAnonymousClient();
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("api/auth/token", new { userName = $"guess{i}", password = "guess-password" })).StatusCode);

        var refused = await http.PostAsJsonAsync("api/auth/token", new { userName = "guess", password = "guess-password" });

        await ProblemAssert.IsProblem(refused, HttpStatusCode.TooManyRequests, "try again in");
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        // The sign-in door shares the limit: the address is refused there too.
        await ProblemAssert.IsProblem(await http.PostAsJsonAsync("api/auth/signin", new { userName = "guess", password = "guess-password" }),
            HttpStatusCode.TooManyRequests, "try again in");
    }

    [Fact]
    public async Task Open311_posts_have_their_own_limit_and_the_refusal_is_in_Open311s_error_format()
    {
        using var http = host.CreateAnonymousClient();
        Task<HttpResponseMessage> Post() => http.PostAsync("open311/v2/requests.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = "no-such-key", ["service_code"] = "x" }));
        for (var i = 0; i < 60; i++)
            Assert.Equal(HttpStatusCode.Forbidden, (await Post()).StatusCode); // an unknown key, counted all the same

        var refused = await Post();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("\"code\":429", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_resident_door_limits_reports_and_ratings_together_per_address()
    {
        using var http = host.CreateAnonymousClient();
        for (var i = 0; i < 30; i++)
        {
            var form = new MultipartFormDataContent { { new StringContent(""), "description" } };
            Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("api/report", form)).StatusCode); // refused, counted all the same
        }

        var refused = await http.PostAsJsonAsync("api/report/track/no-such-token/rating", new { rating = 5 });

        await ProblemAssert.IsProblem(refused, HttpStatusCode.TooManyRequests, "try again in");
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_public_base_tiles_are_limited_per_address_with_a_problem_past_the_limit()
    {
        using var http = host.CreateAnonymousClient();
        for (var i = 0; i < 600; i++) // below the buildings' zoom: empty by definition, counted all the same
            Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync($"tiles/public/buildings/3/{i % 8}/{i / 8 % 8}.mvt")).StatusCode);

        var refused = await http.GetAsync("tiles/public/roads/3/0/0.mvt");

        await ProblemAssert.IsProblem(refused, HttpStatusCode.TooManyRequests, "try again in");
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
