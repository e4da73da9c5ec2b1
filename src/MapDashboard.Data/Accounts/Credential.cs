namespace MapDashboard.Data.Accounts;

/// <summary>A valid credential with the account it signs in: what every authenticated request is built from.</summary>
public sealed record Credential(
    int AccountId,
    string UserName,
    string DisplayName,
    string Role,
    int UnitId,
    string UnitCode,
    string UnitName,
    int? PersonId,
    string? PersonCode,
    int? DeviceId,
    string Kind,
    DateTimeOffset ExpiresAt);

/// <summary>An account as the sign-in sees it.</summary>
public sealed record AccountSummary(int Id, string UserName, string DisplayName, string Role, string UnitCode, string UnitName);

public enum SignInOutcome { SignedIn, WrongCredentials, LockedOut }

/// <summary>The outcome of a password check; <see cref="LockedUntil"/> is set when locked out.</summary>
public sealed record SignInResult(SignInOutcome Outcome, AccountSummary? Account, DateTimeOffset? LockedUntil);

/// <summary>An account to create: its unit and (for a worker) its person by code.</summary>
public sealed record NewAccount(string UserName, string DisplayName, string Role, string UnitCode, string? PersonCode, string Password);
