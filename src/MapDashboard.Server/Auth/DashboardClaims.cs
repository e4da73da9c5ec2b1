using System.Security.Claims;
using MapDashboard.Data.Accounts;

namespace MapDashboard.Server.Auth;

/// <summary>
/// The claims contract every endpoint may rely on, for a signed-in principal of any scheme (bearer token, session
/// cookie, device credential):
/// <list type="bullet">
/// <item><see cref="ClaimTypes.NameIdentifier"/>: the account id</item>
/// <item><see cref="ClaimTypes.Name"/>: the user name</item>
/// <item><see cref="ClaimTypes.Role"/>: the role (<see cref="Roles"/>)</item>
/// <item><c>unit</c>: the code of the jurisdiction's unit; <c>unit_id</c>: its id</item>
/// <item><c>person_id</c>, <c>person</c> (the person's code): when the account is bound to a person (workers)</item>
/// <item><c>device_id</c>: when the credential is a device's</item>
/// </list>
/// Also <c>display_name</c>, <c>unit_name</c>, and server-internal <c>credential</c> (hex SHA-256 of the token, which
/// names the credential to revoke or close on the hub) and <c>credential_kind</c> (bearer, session, device). The
/// claims are rebuilt on every request from the credential as the database has it now (or as CredentialCache keeps
/// it until any account, device or token changes), so a changed role or unit counts at once.
/// </summary>
public static class DashboardClaims
{
    public const string Unit = "unit";
    public const string UnitId = "unit_id";
    public const string UnitName = "unit_name";
    public const string PersonId = "person_id";
    public const string Person = "person";
    public const string DeviceId = "device_id";
    public const string DisplayName = "display_name";
    public const string CredentialHash = "credential";
    public const string CredentialKind = "credential_kind";

    public static ClaimsPrincipal Principal(Credential c, byte[] tokenHash, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, c.AccountId.ToString()),
            new(ClaimTypes.Name, c.UserName),
            new(ClaimTypes.Role, c.Role),
            new(Unit, c.UnitCode),
            new(UnitId, c.UnitId.ToString()),
            new(UnitName, c.UnitName),
            new(DisplayName, c.DisplayName),
            new(CredentialHash, Convert.ToHexString(tokenHash)),
            new(CredentialKind, c.Kind),
        };
        if (c.PersonId is { } person) claims.Add(new(PersonId, person.ToString()));
        if (c.PersonCode is { } code) claims.Add(new(Person, code));
        if (c.DeviceId is { } device) claims.Add(new(DeviceId, device.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static int? AccountId(this ClaimsPrincipal user) => IntOf(user, ClaimTypes.NameIdentifier);

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    public static int? DeviceIdOf(this ClaimsPrincipal user) => IntOf(user, DeviceId);

    public static string? PersonCode(this ClaimsPrincipal user) => user.FindFirstValue(Person);

    /// <summary>The SHA-256 of the token this request signed in with.</summary>
    public static byte[]? CredentialHashOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(CredentialHash) is { } hex ? Convert.FromHexString(hex) : null;

    static int? IntOf(ClaimsPrincipal user, string type) => int.TryParse(user.FindFirstValue(type), out var v) ? v : null;
}
