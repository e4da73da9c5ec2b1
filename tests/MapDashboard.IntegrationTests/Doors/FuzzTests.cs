using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MapDashboard.Server.Doors;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MapDashboard.IntegrationTests.Doors;

/// <summary>A server of its own for the fuzz walk.</summary>
public sealed class FuzzHost : DoorHost;

/// <summary>
/// Walks the server's own route table (so a new endpoint is fuzzed without editing this) and sends every endpoint
/// each class of bad input. No answer may be a 5xx; a 4xx must write nothing (the row count of every table,
/// change_log included, is compared); after each class /api/health answers and a valid read succeeds.
/// Seeded and bounded: one round by default; FUZZ_ROUNDS=N runs N rounds with seeds 17, 18, … (see README).
/// </summary>
public class FuzzTests(FuzzHost host) : IClassFixture<FuzzHost>
{
    static readonly string[] JsonFields = ["pings", "worker", "recordedAt", "lon", "lat", "accuracy", "category", "description", "photoUrl",
        "contact", "actor", "note", "rating", "assignee", "incidentCode", "minAreaM2", "minWidthM", "hazardBoundaryToleranceM", "status",
        "severity", "name", "path", "grid", "plannedFor", "start", "window", "type", "coordinates", "geometry"];

    static readonly string[] FormFields = ["service_code", "lat", "long", "description", "media_url", "email", "phone", "account_id", "device_id", "address_string"];

    static readonly string[] QueryFields = ["unit", "kind", "status", "limit", "q", "date", "grid", "worker", "window", "stage", "category",
        "open", "overdue", "days", "dryRun", "start_date", "end_date", "service_request_id", "service_code"];

    static readonly string[] NastyText = ["a\0b", "\u0001\u0007\u001b", "x\ud800y", "\udc00", "مرحبا\u202eabc", "👍🏽👨‍👩‍👧", "\uFFFE", "", " ", "'; drop table incident; --", "%00", "../../etc/passwd"];

    static readonly string[] NastyNumbers = ["NaN", "\"NaN\"", "\"Infinity\"", "1e308", "-1e308", "1e400", "-0", "99999999999999999999999", "\"12\"", "true", "null", "[]", "{}"];

    static readonly string[] NastyDates = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1900-01-01", "1970-01-01T00:00:00+00:00", "2026-13-45", "now", "0001-01-01", "9999-12-31"];

    sealed record Probe(string Method, string Url, HttpContent? Content, bool Oversized = false);

    [Fact]
    public async Task Every_endpoint_survives_every_class_of_bad_input_writing_nothing_when_it_refuses()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ROUNDS"), out var r) && r > 0 ? r : 1;
        var endpoints = await EndpointsAsync();
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} endpoints found in the route table");
        using var http = host.CreateRealClient();
        http.Timeout = TimeSpan.FromSeconds(60);
        var failures = new List<string>();
        var counts = await host.RowCountsAsync();
        var sent = 0;

        for (var round = 0; round < rounds; round++)
        {
            var random = new Random(17 + round);
            foreach (var (name, make) in Classes(random))
            {
                foreach (var (method, url, isOpen311) in endpoints)
                {
                    foreach (var probe in make(method, url, isOpen311))
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url) { Content = probe.Content };
                        // As a well-behaved client sends a body: a refusal before the handler reads it then arrives
                        // before the upload, instead of the server closing a connection the client is still writing to.
                        request.Headers.ExpectContinue = probe.Content is not null;
                        HttpResponseMessage response;
                        try { response = await http.SendAsync(request); }
                        catch (HttpRequestException) when (probe.Oversized) { continue; } // refused mid-upload: the connection closed
                        catch (HttpRequestException e) { failures.Add($"[{name}] {probe.Method} {probe.Url} → no answer: {e.Message}"); continue; }
                        sent++;
                        var status = (int)response.StatusCode;
                        if (status >= 500)
                            failures.Add($"[{name}] {probe.Method} {probe.Url} → {status}: {Short(await response.Content.ReadAsStringAsync())}");
                        var after = await host.RowCountsAsync();
                        if (status >= 400 && DoorHost.Changed(counts, after) is { Length: > 0 } changed)
                            failures.Add($"[{name}] {probe.Method} {probe.Url} → {status} but wrote: {changed}");
                        counts = after;
                        response.Dispose();
                    }
                }
                var health = await http.GetAsync("api/health");
                if (health.StatusCode != HttpStatusCode.OK) failures.Add($"[{name}] /api/health → {(int)health.StatusCode} after the class");
                var territory = await http.GetAsync("api/territory");
                if (territory.StatusCode != HttpStatusCode.OK) failures.Add($"[{name}] GET /api/territory → {(int)territory.StatusCode} after the class");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures.Take(40)));
    }

    static string Short(string s) => s.Length > 300 ? s[..300] + "…" : s;

    /// <summary>Every routed endpoint with its method and a URL whose parameters hold real demo values; the hub and the views are skipped.</summary>
    async Task<List<(string Method, string Url, bool IsOpen311)>> EndpointsAsync()
    {
        var values = new Dictionary<string, string>
        {
            ["code"] = await host.ScalarAsync<string>("select code from territory_unit where kind = 'community_grid' order by code limit 1"),
            ["unitCode"] = await host.ScalarAsync<string>("select code from territory_unit where kind = 'district' limit 1"),
            ["id"] = "1", ["format"] = "json", ["layer"] = "grids", ["z"] = "14", ["x"] = "13"+"100", ["y"] = "6"+"400",
            ["token"] = "00000000000000000000000000000000", ["move"] = "assign", ["action"] = "dispatch",
        };
        var data = host.Services.GetRequiredService<EndpointDataSource>();
        var list = new List<(string, string, bool)>();
        foreach (var endpoint in data.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (endpoint.Metadata.GetMetadata<SkipDoor>() is not null || pattern.StartsWith("/hubs") || pattern is "/wall" or "/lead" or "/plan") continue;
            // Signing out ends the walk's own credential (whatever the body): the Auth tests cover it.
            if (pattern == "/api/auth/signout") continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var url = Regex.Replace(pattern.TrimStart('/'), @"\{(\w+)(:[^}]*)?\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "x");
            foreach (var method in methods) list.Add((method, url, endpoint.Metadata.GetMetadata<Open311Errors>() is not null));
        }
        return list;
    }

    delegate IEnumerable<Probe> Maker(string method, string url, bool isOpen311);

    static bool HasBody(string method) => method is "POST" or "PUT" or "PATCH";

    static StringContent Body(string text, string type = "application/json") => new(text, Encoding.UTF8, type);

    static string Q(string url, string query) => url + (url.Contains('?') ? "&" : "?") + query;

    /// <summary>A JSON object of random known field names with <paramref name="value"/> values.</summary>
    static string Object(Random random, Func<string> value) =>
        "{" + string.Join(",", JsonFields.OrderBy(_ => random.Next()).Take(random.Next(3, 10)).Select(f => $"\"{f}\":{value()}")) + "}";

    static FormUrlEncodedContent Form(Random random, Func<string> value) =>
        new(new[] { KeyValuePair.Create("api_key", "mapdashboard-demo-key") }
            .Concat(FormFields.OrderBy(_ => random.Next()).Take(random.Next(2, 8)).Select(f => KeyValuePair.Create(f, value()))));

    /// <summary>Escapes every UTF-16 unit of a string as \uXXXX, so NUL and lone surrogates travel as JSON text.</summary>
    static string JsonString(string s) => "\"" + string.Concat(s.Select(c => $"\\u{(int)c:x4}")) + "\"";

    static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    static IEnumerable<(string Name, Maker Make)> Classes(Random random)
    {
        IEnumerable<Probe> Bodies(string method, string url, bool open311, Func<HttpContent?> json, Func<HttpContent?> form)
        {
            if (!HasBody(method)) yield break;
            yield return new(method, url, open311 ? form() : json());
        }

        yield return ("empty body", (m, u, o) => HasBody(m) ? [new(m, u, null), new(m, u, Body("")), new(m, u, Body("", "application/x-www-form-urlencoded"))] : []);
        yield return ("not JSON", (m, u, o) => Bodies(m, u, o, () => Body("{not json"), () => Body("%%%=&&=", "application/x-www-form-urlencoded")));
        yield return ("wrong shape", (m, u, o) => HasBody(m) ? [new(m, u, Body("[1,2,3]")), new(m, u, Body("\"text\"")), new(m, u, Body("42")),
            new(m, u, Body("""{"pings":"x","path":5,"name":[1],"start":"a","category":{},"lat":"x","coordinates":[[["a"]]],"type":"polygon"}"""))] : []);
        yield return ("wrong types", (m, u, o) => Bodies(m, u, o,
            () => Body(Object(random, () => Pick(random, ["[]", "{}", "true", "\"s\"", "1", "null", "[[1,2],[3]]"]))),
            () => Form(random, () => Pick(random, ["[]", "true", "", "x=y"]))));
        yield return ("huge strings", (m, u, o) => HasBody(m)
            ? [new(m, u, o ? Form(random, () => new string('长', 5000)) : Body(Object(random, () => "\"" + new string('x', 20_000) + "\"")))]
            : [new(m, Q(u, "q=" + new string('x', 5000) + "&unit=" + new string('y', 5000)), null)]);
        yield return ("deep nesting", (m, u, o) => Bodies(m, u, o, () => Body(new string('[', 5000) + new string(']', 5000)),
            () => Body(string.Concat(Enumerable.Range(0, 2000).Select(i => $"a[{i}]=1&")), "application/x-www-form-urlencoded")));
        yield return ("bad numbers", (m, u, o) => HasBody(m)
            ? [new(m, u, o ? Form(random, () => Pick(random, NastyNumbers)) : Body(Object(random, () => Pick(random, NastyNumbers))))]
            : [new(m, Q(u, $"limit={Uri.EscapeDataString(Pick(random, NastyNumbers))}&days=1e308&z=NaN"), null)]);
        yield return ("bad dates", (m, u, o) => HasBody(m)
            ? [new(m, u, o ? Form(random, () => Pick(random, NastyDates)) : Body(Object(random, () => $"\"{Pick(random, NastyDates)}\"")))]
            : [new(m, Q(u, $"date={Pick(random, NastyDates)}&start_date={Pick(random, NastyDates)}&end_date={Pick(random, NastyDates)}"), null)]);
        yield return ("nasty text", (m, u, o) => HasBody(m)
            ? [new(m, u, o ? Form(random, () => Pick(random, NastyText).Replace("\ud800", "?").Replace("\udc00", "?")) : Body(Object(random, () => JsonString(Pick(random, NastyText)))))]
            : [new(m, Q(u, string.Join("&", QueryFields.OrderBy(_ => random.Next()).Take(4)
                .Select(f => f + "=" + Uri.EscapeDataString(Pick(random, NastyText).Replace("\ud800", "?").Replace("\udc00", "?"))))), null),
               new(m, Q(u, "q=%ED%A0%80&unit=%C3%28&grid=%FF"), null)]);
        yield return ("wrong content type", (m, u, o) => HasBody(m)
            ? [new(m, u, Body("{}", "text/plain")), new(m, u, Body("<a/>", "application/xml")), new(m, u, Body("a=1", o ? "application/json" : "application/x-www-form-urlencoded"))]
            : []);
        yield return ("oversized body", (m, u, o) => HasBody(m)
            ? [new(m, u, Body("{\"x\":\"" + new string('x', 3 * 1024 * 1024) + "\"}", o ? "application/x-www-form-urlencoded" : "application/json"), Oversized: true)]
            : []);
    }
}
