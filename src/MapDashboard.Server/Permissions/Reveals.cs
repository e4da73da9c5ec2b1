using MapDashboard.Data.Audit;
using MapDashboard.Domain.Permissions;
using Npgsql;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// Where personal data leaves the server unmasked: every reveal by an entitled account passes through
/// <see cref="OnReveal"/> before the data is sent, and is recorded in the audit trail (source and action 'reveal').
/// </summary>
public sealed class Reveals(NpgsqlDataSource db)
{
    /// <param name="viewer">who asked (a signed-in account)</param>
    /// <param name="what">what was revealed: the request ("GET /api/grids/620102001001-01"), a tile, a hub subscription</param>
    /// <param name="units">the territory units whose people's data was shown unmasked (empty: as far as the edge can tell, any in the viewer's reach)</param>
    public Task OnReveal(Viewer viewer, string what, IReadOnlyCollection<string> units, CancellationToken cancel)
    {
        var who = new AuditScope(viewer.UserName ?? viewer.AccountId?.ToString() ?? "unknown", "reveal", viewer.Role.Name(), viewer.JurisdictionUnitCode);
        // One row per revealing answer; the units it concerned, when the edge knows them, are the row's unit (the
        // first, for the unit filter of GET /api/audit) and its key names all of them.
        var key = units.Count == 0 ? what : $"{what} (units {string.Join(",", units)})";
        return AuditLog.RecordRevealAsync(db, who, key, units.FirstOrDefault(), cancel: cancel);
    }
}
