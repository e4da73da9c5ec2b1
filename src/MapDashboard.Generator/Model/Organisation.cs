namespace MapDashboard.Generator.Model;

/// <summary>An owner, manager or adopter of things; <see cref="Kind"/> is one of <see cref="OrganisationKinds"/>.</summary>
public sealed record Organisation(string Code, string Name, string Kind, string? Phone);

/// <summary>The values the <c>organisation.kind</c> check constraint allows.</summary>
public static class OrganisationKinds
{
    public const string PropertyCompany = "property_company";
    public const string CoBuildingUnit = "co_building_unit";
    public const string Utility = "utility";
    public const string Telecom = "telecom";
    public const string Government = "government";
    public const string Railway = "railway";
    public const string Enterprise = "enterprise";
    public const string School = "school";
    public const string Market = "market";
}
