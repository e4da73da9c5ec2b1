using System.Security.Claims;

namespace MapDashboard.Domain.Permissions;

/// <summary>
/// Who is looking, as the permission rule needs it: the account's role, the code of the territory unit its
/// jurisdiction hangs from (that unit and everything under it), and the person a worker's account is bound to.
/// Built from the signed-in principal's claims (<see cref="FromPrincipal"/>), or directly by tests.
/// </summary>
public sealed record Viewer(Role Role, string? JurisdictionUnitCode, string? PersonId = null, string? AccountId = null, string? UserName = null)
{
    /// <summary>The claim holding the code of the account's jurisdiction unit.</summary>
    public const string UnitClaim = "unit";

    /// <summary>The claim holding the person (database id or code) a worker's account is bound to.</summary>
    public const string PersonClaim = "person_id";

    /// <summary>
    /// The viewer of a signed-in principal, or null for one that is not signed in. Null is not judged by the rule:
    /// it never reaches it once sign-in's fallback policy answers 401 to every anonymous request (see the server's
    /// Permissions/RequestViewer). An account holds one post: no role claim, an unknown one or several make the
    /// viewer <see cref="Role.Unknown"/>, which may do nothing and sees no personal data.
    /// </summary>
    public static Viewer? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true }) return null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => Roles.Parse(c.Value)).Distinct().ToList();
        var role = roles.Count == 1 ? roles[0] : Role.Unknown;
        return new Viewer(role, Value(principal, UnitClaim), Value(principal, PersonClaim),
            Value(principal, ClaimTypes.NameIdentifier), Value(principal, ClaimTypes.Name));
    }

    static string? Value(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { Length: > 0 } value ? value.Trim() : null;

    /// <summary>Where this viewer may use <paramref name="capability"/> (<see cref="RoleMatrix"/>).</summary>
    public Scope ScopeOf(Capability capability) => RoleMatrix.ScopeOf(Role, capability);

    /// <summary>How the viewer is named in a refusal: "a community account (620102001001)".</summary>
    public string Described => $"a {Role.Name()} account" + (JurisdictionUnitCode is { } unit ? $" of {unit}" : "");
}
