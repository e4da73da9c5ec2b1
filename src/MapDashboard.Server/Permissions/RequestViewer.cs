using System.Security.Claims;
using MapDashboard.Domain.Permissions;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// The viewer a request or a hub connection acts for: its signed-in principal's claims (<see cref="Viewer.FromPrincipal"/>).
/// <para>
/// Null — nobody signed in — is not judged by the rule, on purpose: the rule is about accounts. Once sign-in's
/// fallback authorization policy is on, every endpoint, tile and the hub answer 401 to an anonymous request
/// before any handler, endpoint filter or hub method runs, so an unauthenticated request never reaches the rule;
/// the only doors left open to it (health, static files, Open311 with its API key) write nothing the rule governs
/// and return no personal data. Every edge that takes null to mean "not judged" says so by calling
/// <see cref="IsJudged"/>, so the merge with sign-in can find them in one search.
/// </para>
/// </summary>
public static class RequestViewer
{
    public static Viewer? Of(HttpContext http) => Viewer.FromPrincipal(http.User);

    public static Viewer? Of(ClaimsPrincipal? principal) => Viewer.FromPrincipal(principal);

    /// <summary>Whether the rule judges this request: it does for every signed-in account (see the class summary).</summary>
    public static bool IsJudged(this Viewer? viewer) => viewer is not null;
}
