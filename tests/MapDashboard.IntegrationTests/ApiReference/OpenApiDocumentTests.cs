using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MapDashboard.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Npgsql;

namespace MapDashboard.IntegrationTests.ApiReference;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, read from the real server: it parses as OpenAPI, names every REST route of
/// the application's own route table with its methods, says what each answers and takes, and what it says the
/// PostGIS-written answers look like is what the endpoints really answer.
/// </summary>
[Collection(DemoDistrictCollection.Name)]
public partial class OpenApiDocumentTests(DashboardHost host)
{
    /// <summary>Writes that take no body, each with why.</summary>
    static readonly Dictionary<string, string> TakesNoBody = new()
    {
        ["POST /api/auth/signout"] = "ends the caller's own credential",
        ["POST /api/accounts/{userName}/revoke"] = "the account is in the path",
        ["POST /api/devices/{id}/revoke"] = "the device is in the path",
        ["POST /api/findings/recompute"] = "recomputes everything",
        ["POST /api/admin/import/{id}/apply"] = "applies the upload named in the path",
    };

    readonly HttpClient _http = host.CreateRealClient();

    async Task<JsonObject> DocumentAsync()
    {
        var json = await _http.GetStringAsync("openapi/v1.json");
        File.WriteAllText(Path.Combine(RepositoryPaths.TestOutput("openapi"), "v1.json"), json);
        return JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>Every REST route of the route table as "METHOD /path" in the document's spelling (no constraints, no trailing slash).</summary>
    List<string> RestRoutes() => host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Select(e => (Pattern: DocumentPath(e.RoutePattern.RawText), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
        .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal) || e.Pattern.StartsWith("/open311/", StringComparison.Ordinal)
            || e.Pattern.StartsWith("/tiles/", StringComparison.Ordinal))
        .SelectMany(e => e.Methods.Select(m => $"{m} {e.Pattern}"))
        .Distinct().Order().ToList();

    static string DocumentPath(string? raw) => "/" + ConstraintOrOptional().Replace(raw ?? "", "{$1}").Trim('/');

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex ConstraintOrOptional();

    [Fact]
    public async Task The_document_is_OpenAPI_that_Microsoft_OpenApi_reads_without_errors()
    {
        await using var stream = await _http.GetStreamAsync("openapi/v1.json");
        var read = await OpenApiDocument.LoadAsync(stream, "json");
        var (document, diagnostic) = (read.Document, read.Diagnostic);
        Assert.NotNull(document);
        Assert.True(diagnostic is null || diagnostic.Errors.Count == 0, string.Join("\n", diagnostic?.Errors.Select(e => e.ToString()) ?? []));
        Assert.Contains("/ogc/api", document!.Info.Description);
        Assert.StartsWith("MapDashboard", document.Info.Title);
    }

    [Fact]
    public async Task The_document_and_the_reference_page_need_an_account_and_the_page_serves_its_own_script()
    {
        var pageRoutes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").StartsWith("/api-docs", StringComparison.Ordinal) || (e.RoutePattern.RawText ?? "").StartsWith("/openapi", StringComparison.Ordinal))
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}").ToList();
        Assert.True(pageRoutes.Count >= 2, string.Join("\n", pageRoutes));
        File.WriteAllLines(Path.Combine(RepositoryPaths.TestOutput("openapi"), "routes.txt"), pageRoutes);
        // A program asking for the document is told 401; a browser opening the page is sent to sign in first.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl + "/") };
        Assert.Equal(401, (int)(await anonymous.GetAsync("openapi/v1.json")).StatusCode);
        var signedOut = await anonymous.GetAsync("api-docs");
        Assert.Equal(302, (int)signedOut.StatusCode);
        Assert.Contains("/signin", signedOut.Headers.Location?.OriginalString);

        var page = await _http.GetStringAsync("api-docs/"); // the page itself (Scalar sends "api-docs" there; a redirect drops the bearer token)
        File.WriteAllText(Path.Combine(RepositoryPaths.TestOutput("openapi"), "api-docs.html"), page);
        // Nothing goes to the reference vendor's services: no telemetry, no AI assistant, no MCP link, no developer bar.
        var config = Regex.Replace(page, @"\s+", "");
        Assert.Contains("\"telemetry\":false", config);
        Assert.Contains("\"showDeveloperTools\":\"never\"", config);
        Assert.Contains("\"agent\":{\"disabled\":true", config);
        Assert.Contains("\"mcp\":{\"disabled\":true", config);
        var scripts = ScriptSources().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(scripts, src => src.Contains("scalar", StringComparison.Ordinal));
        Assert.All(scripts, src => Assert.False(Uri.TryCreate(src, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http"), $"the page loads {src} from elsewhere"));
        foreach (var src in scripts)
        {
            var script = await _http.GetAsync(new Uri(new Uri(host.BaseUrl + "/api-docs/"), src));
            Assert.True(script.IsSuccessStatusCode, $"{src}: {(int)script.StatusCode}");
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000, $"{src} is not the bundle");
        }
    }

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSources();

    [Fact]
    public async Task Every_REST_route_is_described_with_its_answer_and_every_write_with_its_body()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var routes = RestRoutes();
        Assert.True(routes.Count >= 60, $"only {routes.Count} REST routes found");
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
            if (paths[path]?[method.ToLowerInvariant()] is not JsonObject operation) { failures.Add($"{route}: not in the document"); continue; }
            var answers = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
            var described = answers.Any(r => r.Key == "204" || (r.Value?["content"] as JsonObject)?.Any(c => c.Value?["schema"] is not null) == true);
            if (!described) failures.Add($"{route}: no 2xx answer with a schema (nor a 204)");
            if (method is "POST" or "PUT" or "PATCH" && !TakesNoBody.ContainsKey(route)
                && (operation["requestBody"]?["content"] as JsonObject)?.Any(c => c.Value?["schema"] is not null) != true)
                failures.Add($"{route}: no request body schema");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {routes.Count} routes not fully described:\n{string.Join("\n", failures)}");
        Assert.Empty(TakesNoBody.Keys.Except(routes));
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/ogc", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/territory", "api/territory")]
    [InlineData("/api/territory/{code}", "api/territory/{grid}")]
    [InlineData("/api/incidents", "api/incidents?limit=50")]
    [InlineData("/api/incidents/{code}", "api/incidents/{incident}")]
    [InlineData("/api/findings", "api/findings?unit={community}")]
    [InlineData("/api/findings/{id}", "api/findings/{finding}")]
    [InlineData("/api/grids/{code}", "api/grids/{grid}")]
    [InlineData("/api/categories", "api/categories")]
    [InlineData("/api/auth/me", "api/auth/me")]
    [InlineData("/api/auth/csrf", "api/auth/csrf")]
    [InlineData("/api/config", "api/config")]
    [InlineData("/api/health", "api/health")]
    [InlineData("/api/territory/search", "api/territory/search?q=6201")]
    [InlineData("/api/territory/{code}/overview", "api/territory/{community}/overview")]
    [InlineData("/api/grids/{code}/coverage", "api/grids/{grid}/coverage")]
    [InlineData("/api/indicators/{unitCode}", "api/indicators/{community}")]
    [InlineData("/api/incidents/feed", "api/incidents/feed?limit=20")]
    [InlineData("/api/incidents/{code}/assignees", "api/incidents/{incident}/assignees")]
    [InlineData("/api/wall/focus", "api/wall/focus")]
    [InlineData("/api/findings/indicators", "api/findings/indicators")]
    [InlineData("/api/findings/settings", "api/findings/settings")]
    [InlineData("/api/patrols/workers", "api/patrols/workers")]
    [InlineData("/api/patrols/tracks", "api/patrols/tracks?grid={grid}")]
    [InlineData("/api/routes", "api/routes?grid={grid}")]
    [InlineData("/api/live/position", "api/live/position")]
    [InlineData("/api/audit", "api/audit?limit=50")]
    [InlineData("/api/report/form", "api/report/form")]
    [InlineData("/open311/v2/services.{format}", "open311/v2/services.json")]
    [InlineData("/open311/v2/requests.{format}", "open311/v2/requests.json")]
    public async Task What_each_endpoint_answers_PostGIS_written_or_not_is_what_the_document_says(string path, string url)
    {
        var document = await DocumentAsync();
        var schema = document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject().First().Value!["schema"]!;
        using var admin = host.CreateClientAs("admin"); // every answer, the audit trail too, unmasked
        var answer = JsonNode.Parse(await admin.GetStringAsync(await FillAsync(url)));
        var problems = new SchemaCheck(document).Problems(answer, schema);
        Assert.True(problems.Count == 0, $"GET {url}:\n{string.Join("\n", problems.Take(30))}");
    }

    /// <summary>The sample URL with real codes of the demo district: a grid with a worker, a community, the newest incident and finding.</summary>
    async Task<string> FillAsync(string url)
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        async Task<string> One(string sql) { await using var cmd = new NpgsqlCommand(sql, conn); return (await cmd.ExecuteScalarAsync())!.ToString()!; }
        if (url.Contains("{grid}")) url = url.Replace("{grid}", await One("select code from territory_unit where kind = 'community_grid' and grid_worker_id is not null order by code limit 1"));
        if (url.Contains("{community}")) url = url.Replace("{community}", await One(
            "select t.code from territory_unit t join finding f on f.community_id = t.id where f.present group by t.code order by count(*) desc limit 1"));
        if (url.Contains("{incident}")) url = url.Replace("{incident}", await ReportedIncidentAsync(await One(
            "select code from category where for_incidents and code <> 'ownership_unclear' order by code limit 1"), await One(
            "select ST_X(ST_PointOnSurface(boundary)) || ',' || ST_Y(ST_PointOnSurface(boundary)) from territory_unit where kind = 'community_grid' order by code limit 1")));
        if (url.Contains("{finding}")) url = url.Replace("{finding}", await One("select id from finding where present order by id limit 1"));
        return url;
    }

    /// <summary>
    /// A fresh incident reported through the API at <paramref name="lonLat"/> — the shared demo district may hold none —
    /// whose answer is itself checked against the document's schema of POST /api/incidents.
    /// </summary>
    async Task<string> ReportedIncidentAsync(string category, string lonLat)
    {
        var (lon, lat) = (double.Parse(lonLat.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(lonLat.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
        var response = await _http.PostAsJsonAsync("api/incidents", new { category, lat, lon, description = "OpenAPI document sample" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var document = await DocumentAsync();
        var schema = document["paths"]!["/api/incidents"]!["post"]!["responses"]![((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]!.AsObject().First().Value!["schema"]!;
        var answer = JsonNode.Parse(text);
        var problems = new SchemaCheck(document).Problems(answer, schema);
        Assert.True(problems.Count == 0, $"POST api/incidents:\n{string.Join("\n", problems)}");
        return answer!["incident"]!["code"]!.GetValue<string>();
    }
}
