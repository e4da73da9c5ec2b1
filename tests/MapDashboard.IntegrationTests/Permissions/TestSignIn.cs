using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// A sign-in for tests only, registered by <see cref="PermissionHost"/> and nowhere in the product: it takes the
/// account's role, unit and person from request headers, so a test can be any account without an account store.
/// The product's sign-in (accounts, cookies, bearer tokens) replaces it; the claims are the ones it issues.
/// A request without <see cref="RoleHeader"/> is not signed in.
/// </summary>
public sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string RoleHeader = "X-Test-Role", UnitHeader = "X-Test-Unit", PersonHeader = "X-Test-Person";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[RoleHeader].ToString() is not { Length: > 0 } role) return Task.FromResult(AuthenticateResult.NoResult());
        var unit = Request.Headers[UnitHeader].ToString();
        var person = Request.Headers[PersonHeader].ToString();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"test-{role}-{unit}"), new(ClaimTypes.Name, $"{role}@{unit}"), new(ClaimTypes.Role, role),
        };
        if (unit.Length > 0) claims.Add(new Claim("unit", unit));
        if (person.Length > 0) claims.Add(new Claim("person_id", person));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>The headers that sign a request in as this account.</summary>
    public static Dictionary<string, string> As(string role, string? unit = null, string? person = null)
    {
        var headers = new Dictionary<string, string> { [RoleHeader] = role };
        if (unit is not null) headers[UnitHeader] = unit;
        if (person is not null) headers[PersonHeader] = person;
        return headers;
    }
}
