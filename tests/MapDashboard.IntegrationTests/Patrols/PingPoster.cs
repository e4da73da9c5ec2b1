using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Coverage;

namespace MapDashboard.IntegrationTests.Patrols;

/// <summary>Posts ping batches as a field device would, and reads the answer.</summary>
static class PingPoster
{
    public sealed record Ping(string Worker, DateTimeOffset RecordedAt, double Lon, double Lat, double? Accuracy = 5);

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, params Ping[] pings) =>
        http.PostAsJsonAsync("api/patrols/pings", new
        {
            pings = pings.Select(p => new { worker = p.Worker, recordedAt = p.RecordedAt.ToString("O"), lon = p.Lon, lat = p.Lat, accuracy = p.Accuracy }),
        });

    public static async Task<JsonNode> AcceptedAsync(HttpClient http, params Ping[] pings)
    {
        var response = await PostAsync(http, pings);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"expected 200, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>
    /// A worker's walk today (local), whatever the hour: 60 m east at 1 m/s, a ping every 5 s; then the tracks are
    /// read, which folds the pings into tracks and coverage first.
    /// </summary>
    public static async Task WalkTodayAsync(HttpClient http, string worker, double lon, double lat)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-2) > CoverageDistrict.TodayStart.AddMinutes(1)
            ? DateTimeOffset.UtcNow.AddMinutes(-2) : CoverageDistrict.TodayStart.AddMinutes(1);
        var pings = Enumerable.Range(0, 13).Select(i =>
        {
            var (east, north) = Offset(lon, lat, i * 5, 0);
            return new Ping(worker, start.AddSeconds(i * 5), east, north);
        }).ToArray();
        await AcceptedAsync(http, pings);
        (await http.GetAsync($"api/patrols/tracks?worker={worker}")).EnsureSuccessStatusCode();
    }

    /// <summary>Metres east and north of a point, as degrees (good enough over a few km at 36°N).</summary>
    public static (double Lon, double Lat) Offset(double lon, double lat, double east, double north) =>
        (lon + east / (111_320 * Math.Cos(lat * Math.PI / 180)), lat + north / 110_570);
}
