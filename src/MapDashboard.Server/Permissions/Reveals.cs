using MapDashboard.Domain.Permissions;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// Where personal data leaves the server unmasked: every reveal by an entitled account passes through
/// <see cref="OnReveal"/> before the data is sent — the one call site the audit trail records reveals at.
/// </summary>
public sealed class Reveals(ILogger<Reveals> log)
{
    /// <param name="viewer">who asked (a signed-in account)</param>
    /// <param name="what">what was revealed: the request ("GET /api/grids/620102001001-01"), a tile, a hub subscription</param>
    /// <param name="units">the territory units whose people's data was shown unmasked (empty: as far as the edge can tell, any in the viewer's reach)</param>
    public Task OnReveal(Viewer viewer, string what, IReadOnlyCollection<string> units, CancellationToken cancel)
    {
        // The audit trail (AuditLog.RecordRevealAsync) is connected here when it lands; until then the log keeps it.
        log.LogInformation("Personal data revealed to {Account} ({User}, {Role} of {Unit}): {What}; units {Units}",
            viewer.AccountId, viewer.UserName, viewer.Role.Name(), viewer.JurisdictionUnitCode, what, string.Join(",", units));
        return Task.CompletedTask;
    }
}
