using System.Net;
using System.Net.Http.Json;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Live;

namespace MapDashboard.IntegrationTests.Auth;

/// <summary>Nothing without sign-in: the API, tiles and the hub answer 401; the views send a browser to /signin; the open doors stay open.</summary>
[Collection(AuthCollection.Name)]
public sealed class AnonymousTests(AuthHost host)
{
    [Theory]
    [InlineData("GET", "api/territory")]
    [InlineData("GET", "api/config")]
    [InlineData("GET", "api/incidents")]
    [InlineData("GET", "api/categories")]
    [InlineData("GET", "api/patrols/workers")]
    [InlineData("GET", "api/findings/settings")]
    [InlineData("GET", "api/live/position")]
    [InlineData("GET", "api/auth/me")]
    [InlineData("GET", "api/health/dead-letters")]
    [InlineData("GET", "tiles/grids/14/13100/6400.mvt")]
    [InlineData("GET", "tiles/buildings/15/26200/12800.mvt")]
    [InlineData("POST", "api/routes")]
    [InlineData("POST", "api/patrols/pings")]
    [InlineData("POST", "api/accounts")]
    [InlineData("POST", "hubs/map/negotiate?negotiateVersion=1")]
    public async Task An_anonymous_request_is_refused_with_401_problem_details(string method, string url)
    {
        using var http = host.CreateAnonymousClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
        using var response = await http.SendAsync(request);

        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "sign in");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_unknown_or_forged_token_is_refused_with_401()
    {
        using var http = host.CreateClientWithToken("not-a-token-anyone-was-given");

        using var response = await http.GetAsync("api/territory");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "unknown, expired or revoked");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task The_hub_refuses_an_anonymous_client()
    {
        await using var client = RecordingLiveClient.Start(host.BaseUrl, new { layers = new[] { "hazards" } });

        var error = await client.WaitForAsync(e => (string?)e["event"] == "error", TimeSpan.FromSeconds(30), "the refusal");

        Assert.Contains("401", error.ToJsonString());
        Assert.DoesNotContain(client.Events, e => (string?)e["event"] == "subscribed");
    }

    [Theory]
    [InlineData("wall")]
    [InlineData("lead")]
    [InlineData("plan")]
    public async Task A_view_without_sign_in_redirects_to_the_sign_in_page(string view)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl + "/") };

        using var response = await http.GetAsync($"{view}?grid=X");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/signin?returnUrl=%2F{view}%3Fgrid%3DX", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_open_doors_answer_without_sign_in()
    {
        using var http = host.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("open311/v2/services.json")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await http.GetAsync("signin")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("api/auth/token", new { userName = "nobody", password = "wrong-password" })).StatusCode);
    }
}
