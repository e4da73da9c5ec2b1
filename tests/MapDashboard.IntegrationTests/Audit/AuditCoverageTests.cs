using System.Reflection;
using MapDashboard.Server.Audit;
using MapDashboard.Server.Auth;
using MapDashboard.Server.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MapDashboard.IntegrationTests.Audit;

/// <summary>
/// Walks the server's own route table: every endpoint that can write (POST, PUT, PATCH, DELETE) must be covered by
/// a test that checks its audit rows ([AuditCovers]) or be listed below as writing nothing, with why. A write
/// endpoint added later without an audit test fails here.
/// </summary>
[Collection(AuditCollection.Name)]
public class AuditCoverageTests(AuditHost host)
{
    /// <summary>Endpoints that take a body but write nothing: no audit row to check.</summary>
    static readonly Dictionary<string, string> WritesNothing = new()
    {
        ["POST /api/routes/analysis"] = "measures a drawn line against the grid's assets; stores nothing",
        ["POST /api/grids/{code}/route-suggestion"] = "plans a walk through unvisited assets; stores nothing",
        ["POST /api/auth/signout"] = "revokes the caller's own credential: access_token rows are secrets, not audited (one per sign-in)",
    };

    /// <summary>The hub's methods a client can call; none writes (a subscription lives in the connection, not the database).</summary>
    static readonly string[] HubMethodsThatWriteNothing = ["Subscribe"];

    static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    List<string> WriteEndpoints() => host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Intersect(WriteMethods)
            .Select(m => AuditScopes.Name(m, e)))
        .Where(e => !e.Contains(" /hubs/")) // SignalR's negotiate: the hub's own methods are checked below
        .Distinct().Order().ToList();

    static HashSet<string> Covered() => typeof(AuditCoverageTests).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .SelectMany(m => m.GetCustomAttributes<AuditCoversAttribute>()).Select(a => a.Endpoint).ToHashSet();

    [Fact]
    public void Every_write_endpoint_has_an_audit_test_or_is_listed_as_writing_nothing()
    {
        var endpoints = WriteEndpoints();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} write endpoints found in the route table");
        var covered = Covered();

        var missing = endpoints.Where(e => !covered.Contains(e) && !WritesNothing.ContainsKey(e)).ToList();
        Assert.True(missing.Count == 0, "write endpoints with no audit test (add [AuditCovers(\"…\")] to a test that checks their rows, " +
                                        "or list them in WritesNothing with the reason):\n" + string.Join("\n", missing));
        var stale = covered.Concat(WritesNothing.Keys).Where(e => !endpoints.Contains(e)).ToList();
        Assert.True(stale.Count == 0, "named as audited or exempt but not in the route table:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_hub_offers_no_method_that_writes()
    {
        var methods = typeof(MapHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync")).Select(m => m.Name);
        Assert.Equal(HubMethodsThatWriteNothing, methods.Order());
    }

    [Fact]
    public void The_audit_trail_is_for_administrators()
    {
        var endpoint = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/api/audit");
        Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == Policies.Admin);
    }
}
