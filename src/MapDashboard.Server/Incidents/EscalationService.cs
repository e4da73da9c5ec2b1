using MapDashboard.Data.Incidents;
using MapDashboard.Server.Hosting;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Incidents;

/// <summary>Runs <see cref="EscalationSweep"/> every Incidents:EscalationCheckSeconds. Any node may run it; rows are taken with skip locked.</summary>
public sealed class EscalationService(NpgsqlDataSource db, IOptions<IncidentOptions> options, BackgroundHealth health, ILogger<EscalationService> log)
    : PeriodicDatabaseService(health, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.EscalationCheckSeconds);

    protected override string Name => "Escalation check";

    protected override async Task RunOnceAsync(CancellationToken stop)
    {
        var r = await EscalationSweep.RunOnceAsync(db, stop);
        if (r.SetAside > 0)
            log.LogError("Escalation: {Count} incidents failed and were set aside (see /api/health/dead-letters)", r.SetAside);
        if (r.Escalated + r.MarkedOverdue + r.GridsRecoloured > 0)
            log.LogInformation("Escalation: {Escalated} escalated, {Overdue} overdue at the street, {Grids} grids recoloured",
                r.Escalated, r.MarkedOverdue, r.GridsRecoloured);
    }
}
