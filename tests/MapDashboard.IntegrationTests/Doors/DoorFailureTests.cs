using System.Net;
using System.Text;
using System.Text.Json;

namespace MapDashboard.IntegrationTests.Doors;

/// <summary>6. A 500 is a bug: logged with a correlation id that the client sees in the problem body.</summary>
public class DoorFailureTests(BrokenClockHost host) : IClassFixture<BrokenClockHost>
{
    [Fact]
    public async Task Defect6_an_exception_is_a_500_problem_whose_traceId_is_in_the_error_log_and_the_server_keeps_serving()
    {
        using var http = host.CreateRealClient();
        var worker = await host.ScalarAsync<string>("select code from person where role = 'grid_worker' order by code limit 1");
        var body = $$"""{"pings":[{"worker":"{{worker}}","recordedAt":"{{DateTimeOffset.UtcNow:O}}","lon":103.83,"lat":36.05}]}""";

        var response = await http.PostAsync("api/patrols/pings", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = problem.GetProperty("traceId").GetString()!;
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Contains(id, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("clock is broken", problem.GetRawText()); // exception text stays in the log
        Assert.Contains(host.Errors, e => e.Contains(id));
        (await http.GetAsync("api/territory")).EnsureSuccessStatusCode();
    }
}
