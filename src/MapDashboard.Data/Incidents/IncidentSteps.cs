using Dapper;
using MapDashboard.Data.Audit;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.Data.Incidents;

/// <summary>The outcome of a workflow step: done (with the stage reached), refused with a reason, or no such incident.</summary>
public sealed record StepResult(bool Found, TransitionDecision? Decision);

/// <summary>
/// Applies a workflow step (dispatch, accept, resolve, rate, close) as
/// <see cref="IncidentWorkflow"/> decides: the new stage with its due time, the
/// history entry (who, when, note) and the grid's colour, in one transaction.
/// </summary>
public sealed class IncidentSteps(NpgsqlDataSource db)
{
    static readonly string LockSql = SqlResource.Beside<IncidentIntake>("lock_incident.sql");
    static readonly string ApplySql = SqlResource.Beside<IncidentIntake>("apply_transition.sql");

    sealed record Locked(long Id, string Stage, string Category, double Lon, double Lat, int Reopens);

    public async Task<StepResult> ActAsync(string code, IncidentAction action, string actor, string? note, int? rating, AuditScope who,
        CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await who.ApplyAsync(conn, tx, cancel);
        var result = await ApplyAsync(conn, tx, code, action, actor, note, rating);
        if (result.Decision is { Allowed: true }) await tx.CommitAsync(cancel);
        return result;
    }

    /// <summary>
    /// The step inside the caller's transaction (opening a finding as a case creates and dispatches its
    /// incident in one). Nothing is written unless the decision allows it; the caller commits.
    /// </summary>
    public static async Task<StepResult> ApplyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string code,
        IncidentAction action, string actor, string? note, int? rating, HistoryEvent? happened = null)
    {
        var incident = await conn.QuerySingleOrDefaultAsync<Locked>(LockSql, new { code }, tx);
        if (incident is null) return new StepResult(false, null);

        var from = StageNames.ParseStage(incident.Stage);
        var decision = IncidentWorkflow.Decide(from, action, rating, incident.Reopens);
        if (!decision.Allowed) return new StepResult(true, decision);

        var now = DateTimeOffset.UtcNow;
        var limits = await TimeLimitsReader.ForAsync(conn, tx, incident.Category);
        happened ??= action == IncidentAction.Rate
            ? new HistoryEvent("rated", ("rating", rating), ("reopened", decision.Reopened))
            : null;
        await conn.ExecuteAsync(ApplySql, new
        {
            id = incident.Id, from = from.Name(), to = decision.To.Name(), dueAt = limits.DueAt(decision.To, now), now,
            rating = (short?)rating, actor, note = note ?? "", @event = happened?.Code, @params = happened?.ParamsJson,
        }, tx);
        await GridStatusRefresher.RefreshAsync(conn, tx, (incident.Lon, incident.Lat));
        return new StepResult(true, decision);
    }
}
