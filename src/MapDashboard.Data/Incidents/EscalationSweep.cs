using Dapper;
using MapDashboard.Data.Audit;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.Data.Incidents;

/// <summary>
/// One pass of escalation: every incident whose timed stage outlived its limit
/// goes up a level (<see cref="Escalation"/>), then every grid is recoloured —
/// time passing is what turns a grid red, and no row change announces it.
/// Each incident is escalated under a savepoint: one that fails by itself (a
/// trigger, a bad row) is rolled back alone and set aside as a dead letter, and
/// the others and the recolouring still commit.
/// </summary>
public static class EscalationSweep
{
    static readonly string OverdueSql = SqlResource.Beside<IncidentIntake>("overdue_incidents.sql");
    static readonly string EscalateSql = SqlResource.Beside<IncidentIntake>("apply_escalation.sql");

    sealed record Overdue(long Id, string Code, string Stage, short Level, string Category);

    /// <summary>The chore name of escalation dead letters (their unit key is the incident code).</summary>
    public const string Chore = "escalation";

    /// <summary>Who escalates, in the audit trail: the server's chore, not a person.</summary>
    static readonly AuditScope Escalator = AuditScope.System(Chore);

    public sealed record SweepResult(int Escalated, int MarkedOverdue, int GridsRecoloured, int SetAside = 0);

    public static async Task<SweepResult> RunOnceAsync(NpgsqlDataSource db, CancellationToken cancel = default)
    {
        var now = DateTimeOffset.UtcNow;
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await Escalator.ApplyAsync(conn, tx, cancel);
        var overdue = (await conn.QueryAsync<Overdue>(OverdueSql, new { now }, tx)).ToList();
        var limits = new Dictionary<string, StageTimeLimits>();
        var (escalated, setAside) = (0, 0);
        foreach (var o in overdue)
        {
            await tx.SaveAsync("incident", cancel);
            try
            {
                if (!limits.TryGetValue(o.Category, out var l)) limits[o.Category] = l = await TimeLimitsReader.ForAsync(conn, tx, o.Category);
                var d = Escalation.OnOverdue(StageNames.ParseStage(o.Stage), (EscalationLevel)o.Level, l, now);
                var happened = d.Escalated
                    ? new HistoryEvent("escalated", ("stage", o.Stage), ("limitMinutes", LimitMinutes(l, o.Stage)),
                        ("from", Escalation.Name((EscalationLevel)o.Level)), ("to", Escalation.Name(d.Level)))
                    : new HistoryEvent("overdue_at_top", ("stage", o.Stage), ("limitMinutes", LimitMinutes(l, o.Stage)), ("level", Escalation.Name(d.Level)));
                await conn.ExecuteAsync(EscalateSql, new { id = o.Id, level = (short)d.Level, dueAt = d.NewDueAt, now, @event = happened.Code, @params = happened.ParamsJson }, tx);
                if (d.Escalated) escalated++;
                await tx.ReleaseAsync("incident", cancel);
            }
            catch (Exception e) when (!DatabaseErrors.IsTransient(e) && e is not OperationCanceledException)
            {
                await tx.RollbackAsync("incident", cancel);
                await Background.DeadLetters.SetAsideAsync(conn, Chore, o.Code, e, tx);
                setAside++;
            }
        }
        var recoloured = await GridStatusRefresher.RefreshAsync(conn, tx);
        await tx.CommitAsync(cancel);
        return new SweepResult(escalated, overdue.Count - escalated - setAside, recoloured, setAside);
    }

    static int? LimitMinutes(StageTimeLimits limits, string stage) =>
        limits.For(StageNames.ParseStage(stage)) is { } limit ? (int)Math.Round(limit.TotalMinutes) : null;
}
