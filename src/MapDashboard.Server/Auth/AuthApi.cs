using MapDashboard.Server.ApiReference;
using System.Security.Claims;
using MapDashboard.Data.Accounts;
using MapDashboard.Server.Doors;
using MapDashboard.Server.Http;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Auth;

/// <summary>
/// /api/auth: a token for scripts and devices, the browser's sign-in and sign-out, who am I, and the session's
/// anti-forgery token. Wrong user name and wrong password are one answer (401); a locked account is 423 with when
/// it opens again.
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth");
        api.MapPost("/token", Token).Produces<TokenAnswer>().AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        api.MapPost("/signin", SignIn).Produces<SignedInAnswer>().AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).TakesBody<SignInBody>(BodyKind.JsonOrForm);
        api.MapPost("/signout", SignOut).Produces(StatusCodes.Status204NoContent).RequireAuthorization(Policies.Read);
        api.MapGet("/me", Me).Produces<MeAnswer>().RequireAuthorization(Policies.Read);
        api.MapGet("/csrf", Csrf).Produces<CsrfAnswer>().RequireAuthorization(Policies.Read);
        return app;
    }

    static async Task<IResult> Token(SignInBody? body, HttpContext context, AccountStore accounts, SignInThrottle throttle,
        IOptions<AuthOptions> options, CancellationToken cancel)
    {
        var (account, refusal) = await CheckAsync(body, context, accounts, throttle, cancel);
        if (account is null) return refusal!;
        if (await accounts.IssueAsync(account.Id, TokenKind.Bearer, options.Value.LifetimeFor(account.Role), cancel: cancel) is not { } issued)
            return WrongCredentials();
        return TypedResults.Ok(new TokenAnswer(issued.Token, issued.ExpiresAt, "Bearer", account.Role));
    }

    static async Task<IResult> SignIn(HttpContext context, AccountStore accounts, SignInThrottle throttle, IOptions<AuthOptions> options, CancellationToken cancel)
    {
        var body = await SignInBody.ReadAsync(context.Request, cancel);
        var (account, refusal) = await CheckAsync(body, context, accounts, throttle, cancel);
        if (account is null) return refusal!;
        if (await accounts.IssueAsync(account.Id, TokenKind.Session, options.Value.LifetimeFor(account.Role), cancel: cancel) is not { } issued)
            return WrongCredentials();
        SessionCookie.Write(context.Response, issued.Token, issued.ExpiresAt);
        var landsOn = body!.LandingFor(account.Role);
        // A plain HTML form (no script) is sent on to its view; the sign-in page's script reads the JSON.
        if (context.Request.HasFormContentType) return TypedResults.Redirect(landsOn);
        return TypedResults.Ok(new SignedInAnswer(account.UserName, account.DisplayName, account.Role, new AccountUnit(account.UnitCode, account.UnitName),
            landsOn, issued.ExpiresAt, SessionCookie.CsrfTokenFor(issued.Token)));
    }

    /// <summary>Ends the credential this request signed in with (the session, or the bearer token), and its open hub connections.</summary>
    static async Task<IResult> SignOut(HttpContext context, AccountStore accounts, HubConnections hub, CancellationToken cancel)
    {
        if (context.User.CredentialHashOf() is { } hash)
        {
            await accounts.RevokeTokenAsync(hash, cancel);
            hub.CloseCredential(hash);
        }
        SessionCookie.Clear(context.Response);
        return TypedResults.NoContent();
    }

    static IResult Me(HttpContext context)
    {
        var user = context.User;
        var role = user.Role()!;
        return TypedResults.Ok(new MeAnswer(user.Identity!.Name, user.FindFirstValue(DashboardClaims.DisplayName), role,
            new AccountUnit(user.FindFirstValue(DashboardClaims.Unit), user.FindFirstValue(DashboardClaims.UnitName)),
            user.PersonCode(), user.DeviceIdOf(), Roles.LandsOn(role), CsrfToken(context)));
    }

    static IResult Csrf(HttpContext context) => TypedResults.Ok(new CsrfAnswer(CsrfToken(context), SessionCookie.CsrfHeader));

    /// <summary>The session's anti-forgery token; null when signed in with a bearer token (which needs none).</summary>
    static string? CsrfToken(HttpContext context) =>
        context.User.Identity?.AuthenticationType == AuthSchemes.Session && SessionCookie.Read(context.Request) is { } session
            ? SessionCookie.CsrfTokenFor(session)
            : null;

    /// <summary>The account a user name and password sign in, or the refusal: 400 (no credentials), 429 (too many for this user name), 401, 423.</summary>
    static async Task<(AccountSummary? Account, IResult? Refusal)> CheckAsync(SignInBody? body, HttpContext context, AccountStore accounts,
        SignInThrottle throttle, CancellationToken cancel)
    {
        if (body?.Problem() is { } problem || body is null)
            return (null, Problems.BadRequest("No credentials", $"send {{\"userName\": …, \"password\": …}}: {body?.Problem() ?? "no body"}"));
        if (throttle.Refused(body.UserName!) is { } wait)
        {
            var seconds = RateLimits.SetRetryAfter(context, wait);
            return (null, TypedResults.Problem(title: "Too many requests",
                detail: $"too many sign-in attempts for this user name; try again in {seconds} s", statusCode: StatusCodes.Status429TooManyRequests));
        }
        var result = await accounts.SignInAsync(body.UserName!, body.Password!, cancel);
        return result.Outcome switch
        {
            SignInOutcome.SignedIn => (result.Account, null),
            SignInOutcome.LockedOut => (null, LockedOut(context, result.LockedUntil!.Value)),
            _ => (null, WrongCredentials()),
        };
    }

    static IResult WrongCredentials() =>
        TypedResults.Problem(title: "Sign-in failed", detail: "wrong user name or password", statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["reason"] = "wrong_credentials" });

    static IResult LockedOut(HttpContext context, DateTimeOffset until)
    {
        var seconds = RateLimits.SetRetryAfter(context, until - DateTimeOffset.UtcNow);
        return TypedResults.Problem(title: "Locked out",
            detail: $"the account is locked after {Lockout.MaxFailedAttempts} wrong passwords in a row, until {until:u} (about {Math.Ceiling(seconds / 60.0)} min)",
            statusCode: StatusCodes.Status423Locked,
            extensions: new Dictionary<string, object?> { ["reason"] = "locked", ["lockedUntil"] = until });
    }
}
