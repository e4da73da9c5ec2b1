using MapDashboard.Server.Doors;
using Microsoft.AspNetCore.Authorization;

namespace MapDashboard.Server.Auth;

/// <summary>
/// A write (anything but GET, HEAD, OPTIONS, TRACE) signed in with the session cookie must carry the session's
/// anti-forgery token in <see cref="SessionCookie.CsrfHeader"/> (from GET /api/auth/csrf, /api/auth/me or the
/// sign-in answer), else 403 with problem details. A browser sends the cookie by itself; only the site's own
/// script can send the header. Bearer-signed-in writes need none: no browser attaches a bearer token on its own.
/// The hub is left out: its negotiate and long-polling posts come from the same-origin SignalR client, and the
/// SameSite=Strict cookie is never sent on a cross-site request.
/// </summary>
public sealed class CsrfCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || context.User.Identity?.AuthenticationType != AuthSchemes.Session
            || request.Path.StartsWithSegments(AuthSchemes.HubPath)
            || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || SessionCookie.Read(request) is not { } session
            || SessionCookie.CsrfMatches(session, request.Headers[SessionCookie.CsrfHeader].FirstOrDefault()))
        {
            await next(context);
            return;
        }
        await DoorAnswers.WriteAsync(context, StatusCodes.Status403Forbidden, "Missing anti-forgery token",
            $"a write signed in with the session cookie must send the {SessionCookie.CsrfHeader} header (GET /api/auth/csrf gives it)");
    }
}
