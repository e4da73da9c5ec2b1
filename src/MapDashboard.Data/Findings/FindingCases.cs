using Dapper;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Incidents;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.Data.Findings;

/// <summary>Why a finding could not be opened as a case; null when it was.</summary>
public enum CaseRefusal { UnknownFinding, AlreadyOpen, NotOpen, UnknownIncident }

/// <summary>The case a finding was opened as (or already had), or why not.</summary>
public sealed record CaseResult(string? IncidentCode, CaseRefusal? Refused, string? FindingStatus = null);

/// <summary>
/// Turns a finding into work: one transaction creates an incident of category
/// <c>ownership_unclear</c> at a point on the finding, routed to the finding's
/// default owner (属地兜底 was decided when the finding was detected — the
/// parties themselves are excluded), dispatches it through the ordinary
/// workflow, and links the finding to it (assigned). Closing the incident re-checks the finding
/// (Schema/27_finding_cases.sql): still detected, it goes back to the status it had before the case;
/// gone, it is resolved. A finding can instead be linked to an
/// incident that already exists (e.g. a resident's report of the same wall).
/// </summary>
public sealed class FindingCases(NpgsqlDataSource db)
{
    public const string Category = "ownership_unclear";

    static readonly string FactsSql = SqlResource.Beside<FindingCases>("finding_case_facts.sql");
    static readonly string LinkSql = SqlResource.Beside<FindingCases>("link_case.sql");
    static readonly string IncidentExistsSql = SqlResource.Beside<FindingCases>("incident_exists.sql");
    static readonly string NameActorSql = SqlResource.Beside<FindingCases>("name_actor.sql");
    static readonly string InsertSql = SqlResource.Beside<IncidentIntake>("insert_incident.sql");
    static readonly string[] OpenStatuses = ["new", "assigned"];

    sealed record Facts(long Id, string Status, string? CaseCode, string Kind, string ExplanationZh, string ExplanationEn,
        double Lon, double Lat, int? OwnerId, string? OwnerCode, string? OwnerName, string? OwnerKind, int? CommunityId, int? StreetId,
        int? GridId, int? GridWorkerId);

    sealed record Created(long Id, string Code);

    public async Task<CaseResult> OpenAsync(long findingId, string actor, string? existingIncident, AuditScope who, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await who.ApplyAsync(conn, tx, cancel);
        var f = await conn.QuerySingleOrDefaultAsync<Facts>(FactsSql, new { id = findingId }, tx);
        if (f is null) return new CaseResult(null, CaseRefusal.UnknownFinding);
        if (f.CaseCode is not null) return new CaseResult(f.CaseCode, CaseRefusal.AlreadyOpen, f.Status);
        if (!OpenStatuses.Contains(f.Status)) return new CaseResult(null, CaseRefusal.NotOpen, f.Status);

        string code;
        if (existingIncident is not null)
        {
            if (await conn.ExecuteScalarAsync<long?>(IncidentExistsSql, new { code = existingIncident }, tx) is null)
                return new CaseResult(existingIncident, CaseRefusal.UnknownIncident);
            code = existingIncident;
        }
        else
            code = await CreateAndDispatchAsync(conn, tx, f, actor);

        var opened = new HistoryEvent("case_opened", ("incident", code));
        await conn.ExecuteAsync(NameActorSql, new { actor, note = "", @event = opened.Code, @params = opened.ParamsJson }, tx);
        await conn.ExecuteAsync(LinkSql, new { id = f.Id, incident = code, assignee = f.OwnerCode }, tx);
        await tx.CommitAsync(cancel);
        return new CaseResult(code, null);
    }

    static async Task<string> CreateAndDispatchAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Facts f, string actor)
    {
        var level = f.OwnerKind switch
        {
            "community" => EscalationLevel.Community,
            "street" or "district" => EscalationLevel.Street,
            _ => EscalationLevel.Grid,
        };
        var limits = await TimeLimitsReader.ForAsync(conn, tx, Category);
        var created = await conn.QuerySingleAsync<Created>(InsertSql, new
        {
            category = Category, description = f.ExplanationZh, lon = f.Lon, lat = f.Lat, source = "finding",
            gridId = f.GridId, communityId = f.CommunityId, streetId = f.StreetId,
            responsibleId = f.OwnerId ?? f.StreetId, workerId = level == EscalationLevel.Grid ? f.GridWorkerId : null,
            level = (short)level, unclear = true, reason = $"finding {f.Id}: {f.Kind}",
            contact = (string?)null, photoUrl = (string?)null,
            dueAt = limits.DueAt(IncidentStage.Reported, DateTimeOffset.UtcNow), token = (string?)null,
            actor, note = "", @event = "opened_from_finding",
            @params = new HistoryEvent("opened_from_finding", ("finding", f.Id), ("kind", f.Kind)).ParamsJson,
        }, tx);
        var owner = f.OwnerCode is null ? null : new Dictionary<string, string?> { ["code"] = f.OwnerCode, ["name"] = f.OwnerName };
        var dispatched = await IncidentSteps.ApplyAsync(conn, tx, created.Code, IncidentAction.Dispatch, actor, note: null, rating: null,
            new HistoryEvent("dispatched_to_default_owner", ("unit", owner)));
        if (dispatched.Decision is not { Allowed: true })
            throw new InvalidOperationException($"a new incident could not be dispatched: {dispatched.Decision?.Refusal}");
        return created.Code;
    }
}
