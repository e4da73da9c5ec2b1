namespace MapDashboard.Data.Accounts;

/// <summary>
/// The lockout rule, in one place: the <see cref="MaxFailedAttempts"/>th wrong password in a row locks the account
/// for <see cref="Duration"/>; while locked, even the right password is refused (and not counted). A success resets
/// the count. A lockout never ends a session or token already issued: someone guessing at an account's password
/// must not be able to sign its owner out.
/// </summary>
public static class Lockout
{
    public const int MaxFailedAttempts = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}
