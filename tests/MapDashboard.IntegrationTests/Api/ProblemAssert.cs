using System.Net;
using System.Text.Json;

namespace MapDashboard.IntegrationTests.Api;

static class ProblemAssert
{
    /// <summary>Asserts an RFC 7807 answer with the status and a detail that names what is wrong.</summary>
    public static async Task IsProblem(HttpResponseMessage response, HttpStatusCode status, string detailMentions)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = body.RootElement.GetProperty("detail").GetString() ?? "";
        Assert.Contains(detailMentions, detail);
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
    }
}
