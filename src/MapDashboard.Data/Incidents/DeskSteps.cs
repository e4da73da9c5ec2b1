using Dapper;
using MapDashboard.Data.Audit;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.Data.Incidents;

/// <summary>Whom an incident is sent to: a person (grid worker, volunteer) or a co-building unit (an organisation).</summary>
public sealed record Assignee(string Kind, int Id, string Code)
{
    public bool IsPerson => Kind == "person";
}

/// <summary>How a desk action ended: done, refused by the rules (409), or an incident that does not exist (404).</summary>
public sealed record DeskResult(bool Done, string? Missing, string? Refusal)
{
    public static DeskResult Ok { get; } = new(true, null, null);
    public static DeskResult NotFound(string code) => new(false, code, null);
    public static DeskResult Refused(string reason) => new(false, null, reason);
}

/// <summary>
/// The dispatch desk's writes, each in one transaction with its history line, after the rules
/// (<see cref="IncidentWorkflow"/>, <see cref="DeskRules"/>) allowed it; a refusal writes nothing. Dispatching to
/// someone is the loop's dispatch step plus who got it; reassigning sends it to someone else, who must accept it
/// again; escalating moves it one level up by hand; linking closes a copy of another incident.
/// </summary>
public sealed class DeskSteps(NpgsqlDataSource db)
{
    static readonly string LockSql = SqlResource.Beside<IncidentIntake>("lock_for_desk.sql");
    static readonly string FindAssigneeSql = SqlResource.Beside<IncidentIntake>("find_assignee.sql");
    static readonly string AssignSql = SqlResource.Beside<IncidentIntake>("assign_incident.sql");
    static readonly string TransitionSql = SqlResource.Beside<IncidentIntake>("apply_transition.sql");
    static readonly string EscalateSql = SqlResource.Beside<IncidentIntake>("escalate_by_hand.sql");
    static readonly string DuplicateSql = SqlResource.Beside<IncidentIntake>("close_as_duplicate.sql");

    sealed record Locked(long Id, string Code, string Stage, string Category, short Level, double Lon, double Lat,
        int? WorkerId, int? OrganisationId, int Reports, string? DuplicateOf);

    /// <summary>A grid worker, volunteer or co-building unit by code; null for anyone else.</summary>
    public async Task<Assignee?> FindAssigneeAsync(string code, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await conn.QuerySingleOrDefaultAsync<Assignee>(FindAssigneeSql, new { code });
    }

    /// <summary>The loop's dispatch step, sent to <paramref name="to"/> (null: whom routing chose, the grid's worker).</summary>
    /// <param name="rating">none expected: the stage machine refuses a rating on dispatch, as on any step but rate</param>
    public Task<DeskResult> DispatchAsync(string code, Assignee? to, string actor, string? note, int? rating, AuditScope who, CancellationToken cancel) =>
        InTransactionAsync(who, cancel, async (conn, tx) =>
        {
            var step = await IncidentSteps.ApplyAsync(conn, tx, code, IncidentAction.Dispatch, actor, note, rating,
                to is null ? null : new HistoryEvent("dispatched_to", ("assignee", to.Code), ("kind", to.Kind)));
            if (!step.Found) return DeskResult.NotFound(code);
            if (step.Decision is { Allowed: false } refused) return DeskResult.Refused(refused.Refusal!);
            if (to is not null) await AssignAsync(conn, tx, code, to);
            return DeskResult.Ok;
        });

    public Task<DeskResult> ReassignAsync(string code, Assignee to, string actor, string? note, AuditScope who, CancellationToken cancel) =>
        InTransactionAsync(who, cancel, async (conn, tx) =>
        {
            if (await LockAsync(conn, tx, code) is not { } incident) return DeskResult.NotFound(code);
            var from = StageNames.ParseStage(incident.Stage);
            var decision = DeskRules.Decide(from, (EscalationLevel)incident.Level, DeskAction.Reassign);
            if (!decision.Allowed) return DeskResult.Refused(decision.Refusal!);
            if (to.IsPerson ? incident.WorkerId == to.Id : incident.OrganisationId == to.Id)
                return DeskResult.Refused($"{code} is already with {to.Code}: choose someone else to reassign it to");

            var now = DateTimeOffset.UtcNow;
            var limits = await TimeLimitsReader.ForAsync(conn, tx, incident.Category);
            var happened = new HistoryEvent("reassigned", ("assignee", to.Code), ("kind", to.Kind));
            await conn.ExecuteAsync(TransitionSql, new
            {
                id = incident.Id, from = from.Name(), to = decision.To.Name(), dueAt = limits.DueAt(decision.To, now), now,
                rating = (short?)null, actor, note = note ?? "", @event = happened.Code, @params = happened.ParamsJson,
            }, tx);
            await AssignAsync(conn, tx, incident.Code, to);
            await GridStatusRefresher.RefreshAsync(conn, tx, (incident.Lon, incident.Lat));
            return DeskResult.Ok;
        });

    public Task<DeskResult> EscalateAsync(string code, string actor, string? note, AuditScope who, CancellationToken cancel) =>
        InTransactionAsync(who, cancel, async (conn, tx) =>
        {
            if (await LockAsync(conn, tx, code) is not { } incident) return DeskResult.NotFound(code);
            var stage = StageNames.ParseStage(incident.Stage);
            var level = (EscalationLevel)incident.Level;
            var decision = DeskRules.Decide(stage, level, DeskAction.Escalate);
            if (!decision.Allowed) return DeskResult.Refused(decision.Refusal!);
            var next = level + 1;
            var happened = new HistoryEvent("escalated_by_hand", ("stage", stage.Name()), ("from", Escalation.Name(level)), ("to", Escalation.Name(next)));
            await conn.ExecuteAsync(EscalateSql, new
            {
                id = incident.Id, level = (short)next, now = DateTimeOffset.UtcNow, actor, note, @params = happened.ParamsJson,
            }, tx);
            return DeskResult.Ok;
        });

    /// <summary>Closes <paramref name="code"/> as a duplicate of <paramref name="original"/>, which takes its reports.</summary>
    public Task<DeskResult> LinkAsync(string code, string original, string actor, string? note, AuditScope who, CancellationToken cancel) =>
        InTransactionAsync(who, cancel, async (conn, tx) =>
        {
            var locked = (await conn.QueryAsync<Locked>(LockSql, new { codes = new[] { code, original } }, tx)).ToList();
            var copy = locked.FirstOrDefault(l => l.Code == code);
            if (copy is null) return DeskResult.NotFound(code);
            var stage = StageNames.ParseStage(copy.Stage);
            var decision = DeskRules.Decide(stage, (EscalationLevel)copy.Level, DeskAction.Link);
            if (!decision.Allowed) return DeskResult.Refused(decision.Refusal!);
            if (string.Equals(code, original, StringComparison.OrdinalIgnoreCase))
                return DeskResult.Refused(DeskRules.LinkRefusal(code, stage, original, null)!);
            if (locked.FirstOrDefault(l => l.Code == original) is not { } target) return DeskResult.NotFound(original);
            if (DeskRules.LinkRefusal(code, StageNames.ParseStage(target.Stage), original, target.DuplicateOf) is { } refusal)
                return DeskResult.Refused(refusal);

            await conn.ExecuteAsync(DuplicateSql, new
            {
                id = copy.Id, code, stage = copy.Stage, originalId = target.Id, original, reports = copy.Reports,
                now = DateTimeOffset.UtcNow, actor, note,
            }, tx);
            await GridStatusRefresher.RefreshAsync(conn, tx, (copy.Lon, copy.Lat));
            return DeskResult.Ok;
        });

    async Task<DeskResult> InTransactionAsync(AuditScope who, CancellationToken cancel,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<DeskResult>> act)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await who.ApplyAsync(conn, tx, cancel);
        var result = await act(conn, tx);
        if (result.Done) await tx.CommitAsync(cancel);
        return result;
    }

    static async Task<Locked?> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string code) =>
        (await conn.QueryAsync<Locked>(LockSql, new { codes = new[] { code } }, tx)).SingleOrDefault();

    static Task AssignAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string code, Assignee to) =>
        conn.ExecuteAsync(AssignSql, new { code, workerId = to.IsPerson ? to.Id : (int?)null, organisationId = to.IsPerson ? null : (int?)to.Id }, tx);
}
