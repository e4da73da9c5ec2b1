using System.Net;
using System.Security.Claims;
using MapDashboard.Data.Audit;

namespace MapDashboard.Server.Audit;

/// <summary>
/// The audit scope of a request, from the signed-in account's claims (ClaimTypes.Name, ClaimTypes.Role and "unit",
/// as sign-in issues them) and the connection. Every write handler takes it as a parameter (registered per request
/// in <see cref="AuditRegistration"/>) and hands it to the transaction that writes.
/// </summary>
public static class AuditScopes
{
    /// <summary>The actor of a request nobody signed in to (Open311 names its API key instead).</summary>
    public const string Anonymous = "anonymous";

    public static AuditScope From(HttpContext context)
    {
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        return new AuditScope(
            Actor: signedIn ? user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? Anonymous : Anonymous,
            Source: "api",
            Role: signedIn ? user.FindFirstValue(ClaimTypes.Role) : null,
            Unit: signedIn ? user.FindFirstValue("unit") : null,
            Client: Address(context.Connection.RemoteIpAddress),
            Request: endpoint is null ? null : Name(context.Request.Method, endpoint));
    }

    /// <summary>How the trail names an endpoint: "POST /api/incidents/{code}/{action}" (route constraints kept, no trailing slash).</summary>
    public static string Name(string method, RouteEndpoint endpoint) =>
        $"{method} {(endpoint.RoutePattern.RawText is { Length: > 1 } raw ? raw.TrimEnd('/') : endpoint.RoutePattern.RawText)}";

    /// <summary>A report through Open311: the API key's name is who sent it, unless an account is signed in.</summary>
    public static AuditScope ViaOpen311(this AuditScope who, string? keyName) =>
        who with { Source = "open311", Actor = who.Role is null ? keyName ?? "open311" : who.Actor };

    // The connection's own address: X-Forwarded-For is honoured only once forwarded headers are configured for a
    // known proxy (they are not), or any client could write whatever address it likes into the trail.
    static string? Address(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
