using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.Domain.Permissions;
using MapDashboard.IntegrationTests.Permissions;

namespace MapDashboard.IntegrationTests.Ogc;

/// <summary>
/// /ogc under the permission rule, as every read: the geometry is everyone's, a worker's name is masked for the
/// leaders of the worker's own unit and absent for anyone else (another community, the wall display), through
/// GDAL as through HTTP; and datetime filters the workers' last pings.
/// </summary>
[Collection(PermissionCollection.Name)]
public class OgcPermissionTests(PermissionDistrict district)
{
    readonly PermissionHost _host = district.Host;

    async Task<JsonObject> WorkerAsync(Dictionary<string, string> account, string query = "")
    {
        using var http = _host.As(account);
        var page = (await http.GetFromJsonAsync<JsonNode>($"ogc/collections/workers/items?limit=10000{query}"))!;
        return page["features"]!.AsArray().Select(f => f!.AsObject())
            .Single(f => (string?)f["properties"]!["code"] == _host.Inside.Worker)["properties"]!.AsObject();
    }

    [Fact]
    public async Task A_worker_s_name_is_masked_inside_and_absent_outside_as_on_every_read()
    {
        Assert.Equal(Masking.Name(_host.Inside.WorkerName), (string?)(await WorkerAsync(_host.InsideLeader()))["name"]);
        Assert.Equal(_host.Inside.WorkerName, (string?)(await WorkerAsync(_host.InsideLeader(), "&reveal=true"))["name"]);
        foreach (var account in new[] { _host.OutsideLeader(), _host.OutsideLeader("street"), PermissionHost.Display })
        {
            var outside = await WorkerAsync(account, "&reveal=true");
            Assert.False(outside.ContainsKey("name"), $"a name outside the jurisdiction: {outside}");
            Assert.Equal(_host.Inside.Worker, (string?)outside["code"]);
        }

        // GDAL, signed in as the other community's leader: the same rule, no name anywhere in the layer.
        var token = _host.OutsideLeader()["Authorization"]["Bearer ".Length..];
        var run = await Gdal.RunAsync("ogrinfo", token, "-ro", "-al", "-q", $"OAPIF:{_host.BaseUrl}/ogc", "workers");
        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Contains($"code (String) = {_host.Inside.Worker}", run.Output);
        Assert.DoesNotContain(_host.Inside.WorkerName, run.Output);
        Assert.DoesNotContain(Masking.Name(_host.Inside.WorkerName), run.Output);
    }

    [Fact]
    public async Task Datetime_filters_the_workers_by_their_last_ping()
    {
        var recordedAt = DateTimeOffset.Parse((string)(await WorkerAsync(_host.InsideLeader()))["recordedAt"]!);
        string At(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"));
        using var http = _host.As(_host.InsideLeader());
        async Task<List<string>> CodesAsync(string datetime) =>
            (await http.GetFromJsonAsync<JsonNode>($"ogc/collections/workers/items?datetime={datetime}"))!["features"]!.AsArray()
                .Select(f => (string)f!["properties"]!["code"]!).ToList();

        Assert.Contains(_host.Inside.Worker, await CodesAsync($"{At(recordedAt.AddMinutes(-1))}/.."));
        Assert.Contains(_host.Inside.Worker, await CodesAsync(At(recordedAt)));
        Assert.DoesNotContain(_host.Inside.Worker, await CodesAsync($"{At(recordedAt.AddSeconds(1))}/.."));
        Assert.Empty(await CodesAsync("../2001-01-01T00:00:00Z"));
    }
}
