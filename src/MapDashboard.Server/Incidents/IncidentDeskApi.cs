using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Incidents;
using MapDashboard.Domain.Incidents;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Http;
using MapDashboard.Server.Permissions;
using Npgsql;

namespace MapDashboard.Server.Incidents;

/// <summary>
/// The dispatch desk's part of the incident door: whom to send an incident to (GET /api/incidents/{code}/assignees),
/// and the desk's steps beside the loop's own — dispatch to someone, reassign, escalate, link a duplicate — which
/// <see cref="IncidentsApi"/>'s step endpoint hands here. Refusals are problem details; nothing is written on one.
/// </summary>
public static class IncidentDeskApi
{
    static readonly string AssigneesSql = SqlResource.Beside<Marker>("incident_assignees.sql");

    /// <summary>A position older than this says nothing about where someone is now: their grid is measured instead.</summary>
    const int FreshPositionMinutes = 60;
    /// <summary>Others than the own grid's people offered, nearest first; and co-building units.</summary>
    const int OtherPeople = 10, CoBuildingUnits = 3;

    /// <summary>Candidates' names are judged by each candidate's own grid: masked inside the account's reach, removed outside it.</summary>
    static readonly PersonalDataShape Candidates = PersonalDataShape.Of("candidates[]", ["grid.code"], ("person.name", PersonalKind.Name));

    public static RouteGroupBuilder MapIncidentDesk(this RouteGroupBuilder incidents)
    {
        incidents.MapGet("/{code}/assignees", Assignees).Produces<AssigneeList>()
            .Acts(Capability.DispatchIncident, c => Concern.Incident(c.Route("code"))).Discloses(Candidates);
        return incidents;
    }

    static async Task<IResult> Assignees(string code, NpgsqlDataSource db, CancellationToken cancel) =>
        await SqlJson.QueryAsync(db, AssigneesSql, cancel, ("code", code), ("freshMinutes", FreshPositionMinutes),
            ("others", OtherPeople), ("units", CoBuildingUnits)) is { } json
            ? SqlJson.Json(json)
            : Problems.NotFound("Unknown incident", $"no incident has code '{code}'");

    /// <summary>Whether the step endpoint's action is one of the desk's (reassign, escalate, link).</summary>
    public static bool IsDeskAction(string action) => DeskRules.TryParse(action, out _);

    /// <summary>Dispatch (to whom routing chose, or to <paramref name="assignee"/>) and the desk's actions.</summary>
    public static async Task<IResult?> StepAsync(string code, string action, IncidentsApi.StepBody body, DeskSteps desk, AuditScope who,
        CancellationToken cancel)
    {
        var dispatch = string.Equals(action, IncidentAction.Dispatch.Name(), StringComparison.OrdinalIgnoreCase);
        DeskRules.TryParse(action, out var act);
        var takesAssignee = dispatch || act == DeskAction.Reassign;
        if (!takesAssignee && body.Assignee is not null)
            return Problems.BadRequest("No assignee here", $"only dispatch and reassign take an assignee, not {action}");
        if (act != DeskAction.Link && body.DuplicateOf is not null)
            return Problems.BadRequest("No duplicateOf here", $"only link takes duplicateOf, not {action}");
        if (!dispatch && body.Rating is not null)
            return Problems.BadRequest("No rating here", $"only rate takes a rating, not {action}");

        Assignee? to = null;
        if (takesAssignee && !string.IsNullOrWhiteSpace(body.Assignee))
        {
            to = await desk.FindAssigneeAsync(body.Assignee.Trim(), cancel);
            if (to is null)
                return Problems.BadRequest("Unknown assignee",
                    $"assignee '{body.Assignee}' is not a grid worker, a party-member volunteer or a co-building unit (by code)");
        }

        var result = dispatch
            ? await desk.DispatchAsync(code, to, body.Actor!, body.Note, body.Rating, who, cancel)
            : act switch
            {
                DeskAction.Reassign when to is null => null,
                DeskAction.Reassign => await desk.ReassignAsync(code, to!, body.Actor!, body.Note, who, cancel),
                DeskAction.Escalate => await desk.EscalateAsync(code, body.Actor!, body.Note, who, cancel),
                _ when string.IsNullOrWhiteSpace(body.DuplicateOf) => null,
                _ => await desk.LinkAsync(code, body.DuplicateOf!.Trim(), body.Actor!, body.Note, who, cancel),
            };
        if (result is null)
            return act == DeskAction.Reassign
                ? Problems.BadRequest("Reassign to whom?", "reassign needs an assignee: the code of a grid worker, a party-member volunteer or a co-building unit")
                : Problems.BadRequest("Duplicate of what?", "link needs duplicateOf: the code of the open incident this one repeats");
        if (result.Missing is { } missing) return Problems.NotFound("Unknown incident", $"no incident has code '{missing}'");
        if (result.Refusal is { } refusal) return Problems.Conflict("Step not allowed", refusal);
        return null; // done: the caller answers the incident as it is now
    }

    sealed class Marker;
}
