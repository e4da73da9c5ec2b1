namespace MapDashboard.Domain.Permissions;

/// <summary>How much of a person's data one viewer receives for one thing on the map.</summary>
public enum Disclosure
{
    /// <summary>Removed: the property is not sent at all.</summary>
    None,
    /// <summary>Masked (张**, 138****7010): the default, even inside the jurisdiction (screens are shared).</summary>
    Masked,
    /// <summary>As stored: only on an explicit, audited reveal by an entitled account.</summary>
    Plain,
}

/// <summary>The personal-data half of the rule, over <see cref="RoleMatrix"/>.</summary>
public static class PersonalDataRule
{
    /// <summary>
    /// What <paramref name="viewer"/> receives of the personal data of something inside or outside their
    /// jurisdiction, with or without asking to reveal it. Outside where the role may see personal data: nothing.
    /// </summary>
    public static Disclosure For(Viewer viewer, bool insideJurisdiction, bool reveal)
    {
        bool Allowed(Capability c) => viewer.ScopeOf(c) switch
        {
            Scope.Everywhere => true,
            Scope.Jurisdiction => insideJurisdiction && viewer.JurisdictionUnitCode is not null,
            _ => false,
        };
        if (reveal && Allowed(Capability.RevealPersonalData)) return Disclosure.Plain;
        return Allowed(Capability.SeePersonalData) ? Disclosure.Masked : Disclosure.None;
    }
}
