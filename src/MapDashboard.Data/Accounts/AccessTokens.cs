using System.Security.Cryptography;

namespace MapDashboard.Data.Accounts;

/// <summary>
/// An access token is 32 random bytes written in base64url: opaque (it means nothing without the database) and
/// stored only as its SHA-256, so a copy of the table signs no one in. 256 bits leave nothing to guess, which is
/// why a plain (unsalted, fast) hash is enough here, unlike a password.
/// </summary>
public static class AccessTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>What a token is: a script's bearer token, a browser session (held in the sign-in cookie), a device's credential.</summary>
public static class TokenKind
{
    public const string Bearer = "bearer";
    public const string Session = "session";
    public const string Device = "device";
}
