using Microsoft.AspNetCore.Authorization;

namespace MapDashboard.Server.Auth;

/// <summary>
/// The named endpoint policies (role level). Every endpoint names one (the route-table test in
/// tests/…/Auth/RouteTableTests enforces it); a request without one falls to the fallback policy: signed in.
/// No write policy admits <see cref="Roles.Display"/>: the wall display is read-only.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in account: the map, tiles, the live hub, every read.</summary>
    public const string Read = "Read";

    /// <summary>Incidents and findings: dispatch, assign, open a case, close; hazard edits.</summary>
    public const string Dispatch = "Dispatch";

    /// <summary>Patrol routes: draw, analyse, save, suggest.</summary>
    public const string Plan = "Plan";

    /// <summary>
    /// Territory boundaries: leaders (admin, district, street, community); the permission rule then keeps a street or
    /// community leader to land inside their own unit (Domain/Permissions/RoleMatrix).
    /// </summary>
    public const string EditTerritory = "EditTerritory";

    /// <summary>
    /// The finding noise settings and a full recomputation: they change what every unit sees, so only the district
    /// level (admin, district) may; street and community leaders may not tune the district's findings.
    /// </summary>
    public const string Settings = "Settings";

    /// <summary>Accounts, devices, the dead letters of background work.</summary>
    public const string Admin = "Admin";

    /// <summary>Reporting what one sees (a new incident): everyone but the display (RoleMatrix: ReportIncident).</summary>
    public const string Field = "Field";

    /// <summary>
    /// Posting GPS pings: a worker (or their device) for themselves only (<see cref="PingPermission"/>); admin and
    /// district may relay any worker's pings (a device log brought in by hand, the benchmark). Street, community and
    /// planner accounts may not post pings: a leader's position is not a worker's patrol.
    /// </summary>
    public const string Pings = "Pings";

    /// <summary>An incident workflow step: leaders any step, workers accept and resolve only (<see cref="IncidentStepRequirement"/>).</summary>
    public const string IncidentStep = "IncidentStep";

    /// <summary>The roles each role-list policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Read] = Roles.All,
        [Dispatch] = Roles.Leaders,
        [Plan] = [.. Roles.Leaders, Roles.Planner],
        [EditTerritory] = Roles.Leaders,
        [Settings] = [Roles.Admin, Roles.District],
        [Admin] = [Roles.Admin],
        [Field] = [.. Roles.Leaders, Roles.Planner, Roles.Worker],
        [Pings] = [Roles.Admin, Roles.District, Roles.Worker],
        [IncidentStep] = [.. Roles.Leaders, Roles.Worker],
    };

    public static AuthorizationBuilder AddDashboardPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (name, roles) in RolesOf)
            builder.AddPolicy(name, p =>
            {
                p.AddAuthenticationSchemes(AuthSchemes.Dashboard).RequireAuthenticatedUser().RequireRole(roles);
                if (name == IncidentStep) p.AddRequirements(new IncidentStepRequirement());
            });
        return builder;
    }
}
