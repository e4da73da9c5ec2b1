using System.Text.Encodings.Web;
using MapDashboard.Data.Accounts;
using MapDashboard.Server.Doors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Auth;

/// <summary>
/// What the bearer and the session scheme share: the opaque token they read is looked up by its SHA-256 in
/// access_token (<see cref="AccountStore.ValidateAsync"/>, through this node's <see cref="CredentialCache"/>, which
/// every change to accounts, devices and tokens empties), with its account, so a revoked token, device or account
/// is refused at once, on every node. The principal is built from that row
/// (<see cref="DashboardClaims"/>).
/// </summary>
public abstract class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountStore accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The token this request carries for this scheme, or null.</summary>
    protected abstract string? ReadToken();

    /// <summary>Which kinds of token this scheme accepts (a session token is not a bearer token).</summary>
    protected abstract string[] Kinds { get; }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadToken() is not { Length: > 0 } token) return AuthenticateResult.NoResult();
        var hash = AccessTokens.Hash(token);
        if (await accounts.ValidateAsync(hash, Kinds, Context.RequestAborted) is not { } credential)
            return AuthenticateResult.Fail("the credential is unknown, expired or revoked");
        var principal = DashboardClaims.Principal(credential, hash, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>401 with problem details saying how to sign in; a browser navigating to a page is sent to /signin instead.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!AuthSchemes.IsProgrammatic(Request.Path) && Scheme.Name == AuthSchemes.Session)
        {
            var back = Request.PathBase + Request.Path + Request.QueryString;
            Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(back));
            return;
        }
        var failed = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.Headers.WWWAuthenticate = failed ? "Bearer error=\"invalid_token\"" : "Bearer";
        await DoorAnswers.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not signed in",
            failed ? "the credential is unknown, expired or revoked: sign in again"
                   : "sign in first: POST /api/auth/signin (browser) or POST /api/auth/token and send Authorization: Bearer <accessToken>");
    }
}

/// <summary><c>Authorization: Bearer …</c> (scripts, devices, tests), or on /hubs/map the <c>access_token</c> query value.</summary>
public sealed class BearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountStore accounts)
    : TokenAuthenticationHandler(options, logger, encoder, accounts)
{
    static readonly string[] BearerKinds = [TokenKind.Bearer, TokenKind.Device];

    protected override string[] Kinds => BearerKinds;

    protected override string? ReadToken()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (header.Length > 0) return null;
        return Request.Path.StartsWithSegments(AuthSchemes.HubPath) ? Request.Query["access_token"].ToString() : null;
    }
}

/// <summary>The browser's session: the sign-in cookie holds an opaque session token (<see cref="SessionCookie"/>).</summary>
public sealed class SessionHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountStore accounts)
    : TokenAuthenticationHandler(options, logger, encoder, accounts)
{
    static readonly string[] SessionKinds = [TokenKind.Session];

    protected override string[] Kinds => SessionKinds;

    protected override string? ReadToken() => SessionCookie.Read(Request);
}
