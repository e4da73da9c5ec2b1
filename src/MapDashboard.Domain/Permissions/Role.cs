namespace MapDashboard.Domain.Permissions;

/// <summary>
/// The posts an account can hold (the sign-in's role claim, spelled as in <see cref="Roles.Parse"/>). What each may
/// see and do is <see cref="RoleMatrix"/>; each account is bound to one territory unit, its jurisdiction.
/// </summary>
public enum Role
{
    /// <summary>Accounts, devices, settings; the whole district.</summary>
    Admin,
    /// <summary>The command centre's duty officers: see everything, act everywhere.</summary>
    District,
    /// <summary>A street's leaders and dispatchers: inside their street.</summary>
    Street,
    /// <summary>A community's leaders and dispatchers (社区派单): inside their community.</summary>
    Community,
    /// <summary>Patrol planners: routes inside their unit.</summary>
    Planner,
    /// <summary>Grid workers and party-member volunteers (网格员、党员): their own tasks.</summary>
    Worker,
    /// <summary>The wall display: read-only, never any personal data.</summary>
    Display,
    /// <summary>A role claim this version does not know: may do nothing and see no personal data.</summary>
    Unknown,
}

public static class Roles
{
    /// <summary>The role claim's value for each role (lower case, as the sign-in writes it).</summary>
    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    /// <summary>A role claim's value; anything unrecognised is <see cref="Role.Unknown"/>, which may do nothing.</summary>
    public static Role Parse(string? claim) =>
        Enum.TryParse<Role>(claim, ignoreCase: true, out var role) && role != Role.Unknown && !int.TryParse(claim, out _)
            ? role
            : Role.Unknown;
}
