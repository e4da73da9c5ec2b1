using System.Net.Http.Json;
using System.Text.Json.Nodes;

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

    /// <summary>Metres east and north of a point, as degrees (good enough over a few km at 36°N).</summary>
    public static (double Lon, double Lat) Offset(double lon, double lat, double east, double north) =>
        (lon + east / (111_320 * Math.Cos(lat * Math.PI / 180)), lat + north / 110_570);
}
