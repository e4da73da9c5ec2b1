using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Incidents;
using MapDashboard.Domain.Incidents;
using MapDashboard.Domain.Input;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Http;
using MapDashboard.Server.Idempotency;
using MapDashboard.Server.Permissions;
using MapDashboard.Server.Territory;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Incidents;

/// <summary>
/// The project's own door to the incident loop: report, read with history,
/// list, and the workflow steps 社区派单 (dispatch), 党员接单 (accept) or decline, resolve,
/// 群众评单 (rate), close. Every refusal is a problem details body naming why.
/// </summary>
public static class IncidentsApi
{
    static readonly string DetailSql = SqlResource.Beside<Marker>("incident_detail.sql");
    static readonly string ListSql = SqlResource.Beside<Marker>("incident_list.sql");

    const int MaxList = 500;

    /// <summary>Opened only from a finding (POST /api/findings/{id}/case), which names the owner the incident goes to.</summary>
    const string InternalCategory = "ownership_unclear";

    /// <summary>
    /// People in an incident, judged by its grid (else community, street, responsible unit): the worker sent, and
    /// who took each step. The reporter's contact is never read out (incident_detail.sql).
    /// </summary>
    static readonly PersonalDataShape Detail = PersonalDataShape.Of("", ["grid.code", "community.code", "street.code", "responsibleUnit.code"],
        ("worker.name", PersonalKind.Name), ("history[].actor", PersonalKind.Name), ("history[].assignedPerson.name", PersonalKind.Name));

    /// <summary>A report's answer holds the incident's detail under "incident".</summary>
    static readonly PersonalDataShape ReportAnswer = Detail with { Items = "incident" };

    public sealed record ReportBody(string? Category, double? Lat, double? Lon, string? Description, string? PhotoUrl, string? Contact, string? Actor);

    /// <param name="Assignee">dispatch, reassign: the code of a grid worker, a party-member volunteer or a co-building unit</param>
    /// <param name="DuplicateOf">link: the code of the open incident this one repeats</param>
    public sealed record StepBody(string? Actor, string? Note, int? Rating, string? Assignee = null, string? DuplicateOf = null);

    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").RequireAuthorization(Auth.Policies.Read);
        api.MapPost("/", Report).Produces<IncidentReported>(StatusCodes.Status201Created).Produces<IncidentReported>().Acts(Capability.ReportIncident).Discloses(ReportAnswer).RequireAuthorization(Auth.Policies.Field).Idempotent();
        api.MapGet("/", List).Produces<IReadOnlyList<IncidentListItem>>();
        api.MapGet("/feed", IncidentFeedApi.Get).Produces<IReadOnlyList<IncidentFeedItem>>();
        api.MapGet("/{code}", Get).Produces<IncidentDetail>().Discloses(Detail);
        api.MapPost("/{code}/{action}", Step).Produces<IncidentDetail>().Acts(c => StepCapability(c.Route("action")), StepConcerns).Discloses(Detail).RequireAuthorization(Auth.Policies.IncidentStep).Idempotent();
        api.MapIncidentDesk();
        return app;
    }

    static async Task<IResult> Report(ReportBody? body, ReportValidatorSource validators, IncidentIntake intake,
        NpgsqlDataSource db, AuditScope who, CancellationToken cancel)
    {
        if (body is null) return Problems.BadRequest("No report", "send a JSON body with category, lat, lon and optionally description, photoUrl, contact");
        var report = new IncidentReport(body.Category, body.Lat, body.Lon, body.Description, body.PhotoUrl, body.Contact);
        var problems = (await validators.GetAsync(cancel)).Validate(report, ReportValidator.FieldNames.Rest);
        if (TextRules.Problem(body.Actor, "actor", TextRules.MaxName) is { } actor) problems = [.. problems, new("actor", actor)];
        if (body.Category == InternalCategory)
            problems = [.. problems, new("category", $"category '{InternalCategory}' is opened from a finding (POST /api/findings/{{id}}/case), not reported")];
        if (problems.Count > 0)
            return Problems.BadRequest("Invalid report", string.Join("; ", problems.Select(p => p.Message)));

        var result = await intake.ReportAsync(report, new IntakeSource("api", body.Actor ?? "reporter"), who, cancel);
        var detail = (await SqlJson.QueryAsync(db, DetailSql, cancel, ("code", result.Code)))!;
        var notice = result.Duplicate
            ? $"the same problem is already open as {result.Code}: this report was linked to it instead of creating a new incident"
            : null;
        var json = $$"""{"duplicate":{{(result.Duplicate ? "true" : "false")}},"notice":{{System.Text.Json.JsonSerializer.Serialize(notice)}},"incident":{{detail}}}""";
        return result.Duplicate
            ? TypedResults.Text(json, "application/json; charset=utf-8", statusCode: StatusCodes.Status200OK)
            : TypedResults.Text(json, "application/json; charset=utf-8", statusCode: StatusCodes.Status201Created);
    }

    static async Task<IResult> Get(string code, NpgsqlDataSource db, CancellationToken cancel) =>
        await SqlJson.QueryAsync(db, DetailSql, cancel, ("code", code)) is { } json
            ? SqlJson.Json(json)
            : Problems.NotFound("Unknown incident", $"no incident has code '{code}'");

    static async Task<IResult> List(string? unit, string? stage, string? category, bool? open, bool? overdue, int? limit,
        NpgsqlDataSource db, CancellationToken cancel)
    {
        string[]? stages = null;
        if (!string.IsNullOrWhiteSpace(stage))
        {
            stages = stage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (stages.FirstOrDefault(s => !Enum.GetValues<IncidentStage>().Select(x => x.Name()).Contains(s)) is { } bad)
                return Problems.BadRequest("Unknown stage", $"stage '{bad}' is not one of {string.Join(", ", Enum.GetValues<IncidentStage>().Select(x => x.Name()))}");
        }
        if (limit is < 1 or > MaxList) return Problems.BadRequest("Bad limit", $"limit must be between 1 and {MaxList}");
        if (unit is not null && !await TerritoryLookup.UnitExistsAsync(db, unit, cancel))
            return Problems.NotFound("Unknown territory unit", $"no district, street, community or grid has code '{unit}'");

        await using var cmd = db.CreateCommand(ListSql);
        cmd.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Text) { Value = (object?)unit ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("stages", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)stages ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("category", NpgsqlDbType.Text) { Value = (object?)category ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("open", NpgsqlDbType.Boolean) { Value = (object?)open ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("overdue", NpgsqlDbType.Boolean) { Value = (object?)overdue ?? DBNull.Value });
        cmd.Parameters.AddWithValue("limit", limit ?? 100);
        return SqlJson.Json((string)(await cmd.ExecuteScalarAsync(cancel))!);
    }

    static async Task<IResult> Step(string code, string action, StepBody? body, IncidentSteps steps, DeskSteps desk, NpgsqlDataSource db,
        AuditScope who, CancellationToken cancel)
    {
        var deskAction = IncidentDeskApi.IsDeskAction(action);
        if (!StageNames.TryParseAction(action, out var act) && !deskAction)
            return Problems.NotFound("Unknown workflow step", $"'{action}' is not one of dispatch, accept, decline, resolve, rate, close, reassign, escalate, link");
        if (string.IsNullOrWhiteSpace(body?.Actor))
            return Problems.BadRequest("Who acts?", "actor is required: the dispatcher, worker or reporter taking this step");
        if (TextRules.Problem(body.Actor, "actor", TextRules.MaxName) is { } actor) return Problems.BadRequest("Bad actor", actor);
        if (act == IncidentAction.Rate && body.Rating is not (>= 1 and <= 5))
            return Problems.BadRequest("Rating needed", body.Rating is null ? "rate needs a rating from 1 to 5" : $"rating {body.Rating} is not between 1 and 5");
        if (TextRules.Problem(body.Note, "note", TextRules.MaxNote, multiLine: true) is { } note) return Problems.BadRequest("Bad note", note);
        if (act == IncidentAction.Decline && string.IsNullOrWhiteSpace(body.Note))
            return Problems.BadRequest("Reason needed", "decline needs a note saying why the task is given back (the dispatcher reads it)");

        if (deskAction || act == IncidentAction.Dispatch)
            return await IncidentDeskApi.StepAsync(code, action, body, desk, who, cancel) is { } notDone
                ? notDone
                : SqlJson.Json((await SqlJson.QueryAsync(db, DetailSql, cancel, ("code", code)))!);
        if (body.Assignee is not null || body.DuplicateOf is not null)
            return Problems.BadRequest("Not for this step", $"only dispatch and reassign take an assignee, only link takes duplicateOf, not {action}");

        var result = await steps.ActAsync(code, act, body.Actor, body.Note, body.Rating, who, cancel);
        if (!result.Found) return Problems.NotFound("Unknown incident", $"no incident has code '{code}'");
        if (result.Decision is { Allowed: false } refused)
            return TypedResults.Problem(title: "Step not allowed", detail: refused.Refusal, statusCode: StatusCodes.Status409Conflict);
        return SqlJson.Json((await SqlJson.QueryAsync(db, DetailSql, cancel, ("code", code)))!);
    }

    /// <summary>The incident a step acts on; linking a duplicate concerns the incident it is linked to as well.</summary>
    static IEnumerable<Concern?> StepConcerns(EndpointFilterInvocationContext c) =>
        DeskRules.TryParse(c.Route("action"), out var a) && a == DeskAction.Link && c.Body<StepBody>()?.DuplicateOf is { Length: > 0 } original
            ? new[] { Concern.Incident(c.Route("code")), Concern.Incident(original.Trim()) }
            : new[] { Concern.Incident(c.Route("code")) };

    /// <summary>The desk dispatches, reassigns, escalates, links duplicates, rates and closes; the one sent accepts, declines and resolves.</summary>
    static Capability? StepCapability(string action) => IncidentDeskApi.IsDeskAction(action) ? Capability.DispatchIncident
        : !StageNames.TryParseAction(action, out var act) ? null : act switch
    {
        IncidentAction.Accept or IncidentAction.Resolve or IncidentAction.Decline => Capability.HandleIncident,
        _ => Capability.DispatchIncident,
    };

    sealed class Marker;
}
