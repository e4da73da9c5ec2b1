namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>What an endpoint needs, in the words of the README's role tables (not the server's own names).</summary>
public enum Need
{
    /// <summary>A door open without sign-in (health, sign-in, Open311 with its key, the root redirect, the sign-in page).</summary>
    Open,
    /// <summary>Any signed-in account: every read, the map, tiles, the views.</summary>
    Read,
    /// <summary>One's own credential (sign out).</summary>
    Session,
    /// <summary>Report an incident.</summary>
    Report,
    /// <summary>Dispatch, rate, close an incident.</summary>
    Dispatch,
    /// <summary>Accept, resolve an incident.</summary>
    Handle,
    /// <summary>Assign / resolve / accept a finding, open it as a case.</summary>
    MoveFinding,
    /// <summary>Change a hazard.</summary>
    EditHazard,
    /// <summary>Save, edit, delete a route.</summary>
    EditRoute,
    /// <summary>Route analysis and suggestion: the planning tools, which write nothing.</summary>
    Plan,
    /// <summary>Redraw a boundary.</summary>
    Boundary,
    /// <summary>Findings settings, full recomputation.</summary>
    Settings,
    /// <summary>Post GPS pings.</summary>
    Pings,
    /// <summary>See an incident's photos: who may see its personal data (never the wall display).</summary>
    SeePhotos,
    /// <summary>Accounts, devices, the audit trail, dead letters.</summary>
    Admin,
}

/// <summary>Where a role may use a need: everywhere, inside its jurisdiction, only its own (worker), never.</summary>
public enum Reach { All, Unit, Own, No }

/// <summary>
/// THE EXPECTED TABLE of the permission matrix, written out by hand from issue 14 and the server README ("Role
/// policies", "Permissions: one rule"), deliberately not read from the server's RoleMatrix or Policies, so a wrong
/// policy there shows up here as a failed cell.
/// </summary>
public static class PermissionMatrixTable
{
    public static readonly string[] Roles = ["admin", "district", "street", "community", "planner", "worker", "display"];

    const Reach All = Reach.All, Unit = Reach.Unit, Own = Reach.Own, No = Reach.No;

    static readonly Dictionary<Need, Reach[]> Rows = new()
    {
        //                      admin district street community planner worker display
        [Need.Read]        = [ All,  All,     All,   All,      All,    All,   All ],
        [Need.Session]     = [ All,  All,     All,   All,      All,    All,   All ],
        [Need.Report]      = [ All,  All,     All,   All,      All,    All,   No  ],
        [Need.Dispatch]    = [ All,  All,     Unit,  Unit,     No,     No,    No  ],
        [Need.Handle]      = [ All,  All,     Unit,  Unit,     No,     Own,   No  ],
        [Need.MoveFinding] = [ All,  All,     Unit,  Unit,     No,     No,    No  ],
        [Need.EditHazard]  = [ All,  All,     Unit,  Unit,     No,     No,    No  ],
        [Need.EditRoute]   = [ All,  All,     Unit,  Unit,     Unit,   No,    No  ],
        [Need.Plan]        = [ All,  All,     All,   All,      All,    No,    No  ],
        [Need.Boundary]    = [ All,  All,     Unit,  Unit,     No,     No,    No  ],
        [Need.Settings]    = [ All,  All,     No,    No,       No,     No,    No  ],
        [Need.Pings]       = [ All,  All,     No,    No,       No,     Own,   No  ],
        [Need.SeePhotos]   = [ All,  All,     Unit,  Unit,     Unit,   Unit,  No  ],
        [Need.Admin]       = [ All,  No,      No,    No,       No,     No,    No  ],
    };

    /// <summary>Whether <paramref name="role"/> may use <paramref name="need"/> on an object on <paramref name="side"/> of its jurisdiction.</summary>
    public static bool Allows(Need need, string role, Side side)
    {
        if (need == Need.Open) return true;
        return Rows[need][Array.IndexOf(Roles, role)] switch
        {
            Reach.All => true,
            Reach.Unit or Reach.Own => side != Side.Outside,
            _ => false,
        };
    }
}

/// <summary>Where the sample's object lies for the account: inside its jurisdiction (for a worker: its own), outside, or no unit concerned.</summary>
public enum Side { None, Inside, Outside }

/// <summary>One cell's call: the role (null: anonymous), the side, and whether the table expects it to be allowed.</summary>
public sealed record Call(string? Role, Side Side, bool Allowed);

/// <summary>
/// A sample request of one endpoint ("METHOD /route/pattern", as in the route table); <see cref="Variant"/> tells
/// apart several samples of one endpoint (the incident steps). <see cref="Ok"/>: the statuses an allowed call may
/// answer; <see cref="Anonymous"/>: what a request without sign-in answers.
/// </summary>
public sealed record Sample(string Endpoint, string Variant, Need Need, bool Sided, Func<Call, Task<HttpRequestMessage>> Build, int[] Ok, int Anonymous = 401)
{
    /// <summary>The person of the worker account for this row, when not the matrix's usual worker.</summary>
    public string? WorkerPerson { get; init; }

    public string Name => Variant.Length == 0 ? Endpoint : $"{Endpoint} [{Variant}]";
}
