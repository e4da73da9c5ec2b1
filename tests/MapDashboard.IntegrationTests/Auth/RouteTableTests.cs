using MapDashboard.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MapDashboard.IntegrationTests.Auth;

/// <summary>
/// Read from the application's own route table, so an endpoint added later without a policy fails here: every
/// endpoint names an authorization policy or is on the short list of doors open without sign-in; no write admits
/// the read-only display role.
/// </summary>
[Collection(AuthCollection.Name)]
public sealed class RouteTableTests(AuthHost host)
{
    /// <summary>
    /// The doors open to all, by route pattern (Open311 keeps its API keys; the resident's door its tracking links; the
    /// resident's map its base tiles, /tiles/public; the API reference page's own script and icon, which the reference
    /// package serves to anyone: the library's code, no data — the page and the document it reads need sign-in).
    /// </summary>
    static readonly string[] OpenDoors = ["/", "/signin", "/api/health", "/api/auth/token", "/api/auth/signin", "/report", "/report/track/{token}",
        "/api-docs/scalar.js", "/api-docs/scalar.aspnetcore.js", "/api-docs/favicon.svg"];

    static bool IsOpen(string pattern) => OpenDoors.Contains(pattern) || pattern.StartsWith("/open311/v2/", StringComparison.Ordinal)
        || pattern.StartsWith("/api/report/", StringComparison.Ordinal) || pattern == "/tiles/public/{layer}/{z}/{x}/{y}.mvt";

    IEnumerable<RouteEndpoint> Endpoints() => host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_an_open_door()
    {
        var failures = new List<string>();
        var endpoints = Endpoints().ToList();
        Assert.True(endpoints.Count >= 40, $"only {endpoints.Count} endpoints in the route table");
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            if (anonymous && !IsOpen(pattern)) failures.Add($"{pattern} is open without sign-in but not on the list of open doors");
            if (!anonymous && policies.Count == 0) failures.Add($"{pattern} names no authorization policy");
            if (IsOpen(pattern) && !anonymous) failures.Add($"{pattern} is listed as an open door but requires sign-in");
            foreach (var policy in policies)
                if (!Policies.RolesOf.ContainsKey(policy!)) failures.Add($"{pattern} names an unknown policy '{policy}'");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void No_write_endpoint_admits_the_display_role()
    {
        var failures = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            if (IsOpen(pattern) || pattern.StartsWith("/hubs/", StringComparison.Ordinal) || !methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE")) continue;
            // Signing out is the display's own credential, not a write to the map.
            if (pattern == "/api/auth/signout") continue;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy!).Where(p => p is not null).ToList();
            if (policies.All(p => Policies.RolesOf[p].Contains(Roles.Display)))
                failures.Add($"{string.Join(",", methods)} {pattern} admits the display role ({string.Join(", ", policies)})");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
