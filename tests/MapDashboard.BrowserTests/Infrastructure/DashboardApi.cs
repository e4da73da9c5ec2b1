using System.Net.Http.Json;
using System.Text.Json;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>The server's JSON API, read independently of the browser: the tests' source of truth.</summary>
public sealed class DashboardApi(string baseUrl)
{
    readonly HttpClient _http = BrowserAccount.Client(baseUrl, TimeSpan.FromSeconds(30));

    /// <summary>Any GET of the JSON API, e.g. /api/indicators/620102.</summary>
    public Task<JsonElement> GetAsync(string path) => _http.GetFromJsonAsync<JsonElement>(path);

    public async Task<JsonElement[]> TerritoryAsync() =>
        (await _http.GetFromJsonAsync<JsonElement[]>("/api/territory"))!;

    /// <summary>The top-level "grid" member of GET /api/grids/{code}.</summary>
    public async Task<JsonElement> GridAsync(string code) =>
        (await _http.GetFromJsonAsync<JsonElement>($"/api/grids/{Uri.EscapeDataString(code)}")).GetProperty("grid");

    /// <summary>A community grid that has a grid worker and buildings: the richest panel to check.</summary>
    public async Task<JsonElement> StaffedGridAsync()
    {
        foreach (var unit in (await TerritoryAsync()).Where(u => u.GetProperty("kind").GetString() == "community_grid").Take(40))
        {
            var grid = await GridAsync(unit.GetProperty("code").GetString()!);
            if (grid.GetProperty("gridWorker").ValueKind == JsonValueKind.Object && grid.GetProperty("buildingCount").GetInt32() > 0)
                return grid;
        }
        throw new InvalidOperationException("the demo district has no community grid with a worker and buildings");
    }

    public static double[] BBox(JsonElement unit) =>
        unit.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
