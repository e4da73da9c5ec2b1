namespace MapDashboard.Server.Auth;

/// <summary>
/// Two ways in, one policy scheme choosing between them: <see cref="Bearer"/> when the request carries an
/// Authorization header (scripts, devices, the .NET live client) or, on the hub (whose WebSocket and SSE
/// transports cannot send headers from a browser), an <c>access_token</c> query value; else <see cref="Session"/>,
/// the sign-in cookie of a browser.
/// </summary>
public static class AuthSchemes
{
    public const string Dashboard = "Dashboard";
    public const string Bearer = "Bearer";
    public const string Session = "Session";

    public const string HubPath = "/hubs/map";

    public static string Select(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0
        || context.Request.Path.StartsWithSegments(HubPath) && context.Request.Query.ContainsKey("access_token")
            ? Bearer
            : Session;

    /// <summary>Paths a program calls (answered 401 when not signed in); every other path is a page (redirected to /signin).</summary>
    public static bool IsProgrammatic(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/tiles") || path.StartsWithSegments("/hubs")
        || path.StartsWithSegments("/open311") || path.StartsWithSegments("/ogc") || path.StartsWithSegments("/openapi");
}
