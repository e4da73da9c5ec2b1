namespace MapDashboard.Domain.Permissions;

/// <summary>Where a role may use a capability.</summary>
public enum Scope
{
    /// <summary>Nowhere.</summary>
    Never,
    /// <summary>Only what is the account's own: an incident assigned to the worker the account is bound to.</summary>
    Own,
    /// <summary>Inside the account's jurisdiction: its unit and everything under it.</summary>
    Jurisdiction,
    /// <summary>The whole district, whatever the account's unit.</summary>
    Everywhere,
}
