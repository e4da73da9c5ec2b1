namespace MapDashboard.Domain.Permissions;

/// <summary>
/// THE permission table: role × capability → where. Every edge (HTTP writes, JSON reads, tiles, the live hub) asks
/// this table through the Jurisdiction service of the server; none keeps a rule of its own. Read a row as "a
/// street leader may dispatch incidents inside their jurisdiction". Outside where a row allows, an account still
/// sees the map (geometry, colours, counts), but no personal data, and a write is refused with 403.
/// A capability missing from a role's row is <see cref="Scope.Never"/>.
/// </summary>
public static class RoleMatrix
{
    const Scope All = Scope.Everywhere, Unit = Scope.Jurisdiction, Own = Scope.Own, No = Scope.Never;

    static readonly Capability[] Columns =
    [
        Capability.SeePersonalData, Capability.RevealPersonalData, Capability.EditBoundary, Capability.DispatchIncident,
        Capability.HandleIncident, Capability.ReportIncident, Capability.MoveFinding, Capability.EditHazard,
        Capability.EditRoute, Capability.FindingSettings,
    ];

    static readonly Dictionary<Role, Scope[]> Rows = new()
    {
        //                   see   reveal boundary dispatch handle report finding hazard route settings
        [Role.Admin]     = [ All,  All,   All,     All,     All,   All,   All,    All,   All,  All ],
        [Role.District]  = [ All,  All,   All,     All,     All,   All,   All,    All,   All,  All ],
        [Role.Street]    = [ Unit, Unit,  Unit,    Unit,    Unit,  All,   Unit,   Unit,  Unit, No  ],
        [Role.Community] = [ Unit, Unit,  Unit,    Unit,    Unit,  All,   Unit,   Unit,  Unit, No  ],
        [Role.Planner]   = [ Unit, No,    No,      No,      No,    All,   No,     No,    Unit, No  ],
        [Role.Worker]    = [ Unit, No,    No,      No,      Own,   All,   No,     No,    No,   No  ],
        [Role.Display]   = [ No,   No,    No,      No,      No,    No,    No,     No,    No,   No  ],
    };

    /// <summary>Where <paramref name="role"/> may use <paramref name="capability"/>.</summary>
    public static Scope ScopeOf(Role role, Capability capability) =>
        Rows.TryGetValue(role, out var row) ? row[Array.IndexOf(Columns, capability)] : Scope.Never;

    /// <summary>The capabilities in the table's column order (for documentation and tests).</summary>
    public static IReadOnlyList<Capability> Capabilities => Columns;
}
