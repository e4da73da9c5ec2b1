using Microsoft.AspNetCore.Identity;

namespace MapDashboard.Data.Accounts;

/// <summary>
/// Passwords are kept only as ASP.NET Core Identity's PasswordHasher hashes (PBKDF2 with HMAC-SHA512, a random
/// salt per hash, 100,000 iterations in its V3 format): never the password, never a fast hash of it.
/// </summary>
public static class AccountPasswords
{
    /// <summary>Shortest password accepted for a new account.</summary>
    public const int MinLength = 10;

    static readonly PasswordHasher<AccountPasswordsUser> Hasher = new();

    /// <summary>A hash of a password that no one knows: verified against when the user name is unknown, so a miss costs as much time as a hit.</summary>
    static readonly string Decoy = Hasher.HashPassword(AccountPasswordsUser.Instance, Guid.NewGuid().ToString("N"));

    public static string Hash(string password) => Hasher.HashPassword(AccountPasswordsUser.Instance, password);

    public static bool Verify(string? hash, string password) =>
        Hasher.VerifyHashedPassword(AccountPasswordsUser.Instance, hash ?? Decoy, password) != PasswordVerificationResult.Failed && hash is not null;

    /// <summary>Why a new password is refused, or null.</summary>
    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) ? "a password is required"
        : password.Length < MinLength ? $"a password needs at least {MinLength} characters"
        : null;
}

/// <summary>PasswordHasher's type argument: the hash does not depend on the user.</summary>
public sealed class AccountPasswordsUser
{
    public static readonly AccountPasswordsUser Instance = new();
}
