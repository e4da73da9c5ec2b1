using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>Small readers for the coverage answers: the lists of codes and the numbers the tests compare.</summary>
static class CoverageJson
{
    public static async Task<JsonElement> GetAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task<JsonElement> PostAsync(HttpClient http, string url, object body)
    {
        var response = await http.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static string[] Codes(JsonElement list) =>
        list.EnumerateArray().Select(e => e.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToArray();

    public static JsonElement Find(JsonElement list, string code) =>
        list.EnumerateArray().Single(e => e.GetProperty("code").GetString() == code);

    public static void Near(double expected, double actual, double relative) =>
        Assert.InRange(actual, expected * (1 - relative), expected * (1 + relative));
}
