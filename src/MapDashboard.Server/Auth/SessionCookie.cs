using System.Security.Cryptography;
using System.Text;
using MapDashboard.Data.Accounts;

namespace MapDashboard.Server.Auth;

/// <summary>
/// The browser's sign-in cookie: it holds an opaque session token (a row of access_token, kind session), not an
/// encrypted ticket, so every node of a deployment reads it without a shared key ring and signing out or revoking
/// ends it in the database at once. HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
/// it), Secure whenever the request came over HTTPS (behind a TLS-terminating proxy, forward the scheme).
/// </summary>
public static class SessionCookie
{
    public const string Name = "mapdashboard_session";

    /// <summary>The header a cookie-signed-in write must carry (<see cref="CsrfCheck"/>).</summary>
    public const string CsrfHeader = "X-CSRF-TOKEN";

    public static string? Read(HttpRequest request) => request.Cookies[Name];

    public static void Write(HttpResponse response, string token, DateTimeOffset expiresAt) =>
        response.Cookies.Append(Name, token, Options(response.HttpContext.Request, expiresAt));

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Name, Options(response.HttpContext.Request, null));

    /// <summary>
    /// The anti-forgery token of a session: derived from the session token (which only the server and the cookie
    /// know), so it needs no state and no key ring, and a page of another site can neither read nor compute it.
    /// </summary>
    public static string CsrfTokenFor(string sessionToken) =>
        AccessTokens.Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes("mapdashboard-csrf\n" + sessionToken)));

    public static bool CsrfMatches(string sessionToken, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(CsrfTokenFor(sessionToken)), Encoding.UTF8.GetBytes(presented));

    static CookieOptions Options(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
