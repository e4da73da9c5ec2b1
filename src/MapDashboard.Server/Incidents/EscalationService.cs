using MapDashboard.Data.Incidents;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Incidents;

/// <summary>Runs <see cref="EscalationSweep"/> every Incidents:EscalationCheckSeconds. Any node may run it; rows are taken with skip locked.</summary>
public sealed class EscalationService(NpgsqlDataSource db, IOptions<IncidentOptions> options, ILogger<EscalationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.EscalationCheckSeconds)));
        while (!stop.IsCancellationRequested)
        {
            try { await timer.WaitForNextTickAsync(stop); }
            catch (OperationCanceledException) { return; }
            try
            {
                var r = await EscalationSweep.RunOnceAsync(db, stop);
                if (r.Escalated + r.MarkedOverdue + r.GridsRecoloured > 0)
                    log.LogInformation("Escalation: {Escalated} escalated, {Overdue} overdue at the street, {Grids} grids recoloured",
                        r.Escalated, r.MarkedOverdue, r.GridsRecoloured);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                log.LogWarning("Escalation check failed: {Error}", e.Message);
            }
        }
    }
}
