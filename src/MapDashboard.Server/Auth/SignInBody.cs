using MapDashboard.Domain.Input;

namespace MapDashboard.Server.Auth;

/// <summary>What POST /api/auth/token and /api/auth/signin read: a user name and a password (JSON, or a form for sign-in).</summary>
public sealed record SignInBody(string? UserName, string? Password, string? ReturnUrl = null)
{
    const int MaxPassword = 200;

    public string? Problem() =>
        string.IsNullOrEmpty(UserName) ? "userName is required"
        : string.IsNullOrEmpty(Password) ? "password is required"
        : TextRules.Problem(UserName, "userName", TextRules.MaxName) is { } name ? name
        : Password.Length > MaxPassword ? $"password is longer than {MaxPassword} characters"
        : null;

    public static async Task<SignInBody?> ReadAsync(HttpRequest request, CancellationToken cancel)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancel);
            return new SignInBody(form["userName"], form["password"], form["returnUrl"]);
        }
        if (!request.HasJsonContentType()) return null;
        try { return await request.ReadFromJsonAsync<SignInBody>(cancel); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>Where to go after signing in: a local path only (never another site), else the role's view.</summary>
    public string LandingFor(string role) =>
        ReturnUrl is { Length: > 1 } back && back[0] == '/' && back[1] != '/' && back[1] != '\\' && !back.Contains("://") ? back : Roles.LandsOn(role);
}
