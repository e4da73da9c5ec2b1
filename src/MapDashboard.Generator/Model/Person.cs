namespace MapDashboard.Generator.Model;

/// <summary>A grid worker, volunteer, leader, dispatcher or police officer; <see cref="Role"/> is one of <see cref="PersonRoles"/>.</summary>
public sealed record Person(string Code, string Name, string Role, string? Phone, string? UnitCode, string? OrganisationCode);

/// <summary>The values the <c>person.role</c> check constraint allows.</summary>
public static class PersonRoles
{
    public const string GridWorker = "grid_worker";
    public const string Volunteer = "volunteer";
    public const string Leader = "leader";
    public const string Dispatcher = "dispatcher";
    public const string Police = "police";
}
