using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Findings;
using MapDashboard.Domain.Findings;
using MapDashboard.Domain.Input;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Http;
using MapDashboard.Server.Layers;
using MapDashboard.Server.Permissions;
using MapDashboard.Server.Territory;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Findings;

/// <summary>
/// Where ownership is unclear: the findings (gaps, overlaps, straddles, police mismatch, ownerless and disputed
/// assets), their plain-words explanations, the status workflow new → assigned → resolved / accepted, opening one
/// as a case, indicators per street and community, and the noise settings.
/// </summary>
public static class FindingsApi
{
    static readonly string ListSql = SqlResource.Beside<Marker>("findings_list.sql");
    static readonly string OneSql = SqlResource.Beside<Marker>("finding_one.sql");
    static readonly string TransitionSql = SqlResource.Beside<Marker>("finding_transition.sql");
    static readonly string StatusSql = SqlResource.Beside<Marker>("finding_status.sql");
    static readonly string IndicatorsSql = SqlResource.Beside<Marker>("finding_indicators.sql");
    static readonly string SettingsSql = SqlResource.Beside<Marker>("settings_get.sql");
    static readonly string SettingsUpdateSql = SqlResource.Beside<Marker>("settings_update.sql");
    static readonly string NameActorSql = SqlResource.Beside<FindingCases>("name_actor.sql");

    // A finding's assignee, judged by the finding's community, as the 'findings' layer declares; one finding's
    // history names who moved it.
    static readonly LayerDeclaration Layer = LayerCatalog.Find("findings")!;
    static readonly PersonalDataShape Many = PersonalDataShape.ForLayer(Layer, collection: true);
    static readonly PersonalDataShape One = PersonalDataShape.ForLayer(Layer).With(("history[].actor", PersonalKind.Name));

    static readonly string[] Kinds =
        ["gap", "overlap", "straddle", "boundary_hazard", "police_mismatch", "ownerless", "unmanaged", "disputed"];
    const int MaxLimit = 5000;
    const double MaxSettingMetres = 10_000;

    public sealed record Transition(string? Actor, string? Note, string? Assignee);
    public sealed record CaseLink(string? IncidentCode, string? Actor);
    public sealed record Settings(double? MinAreaM2, double? MinWidthM, double? HazardBoundaryToleranceM);

    public static IEndpointRouteBuilder MapFindingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/findings").RequireAuthorization(Auth.Policies.Read);
        api.MapGet("/", List).Produces<GeoJsonFeatureCollection<FindingProperties>>().Discloses(Many);
        api.MapGet("/indicators", Indicators).Produces<FindingIndicators>();
        api.MapGet("/settings", GetSettings).Produces<FindingSettings>();
        api.MapPut("/settings", PutSettings).Produces<FindingSettings>().Acts(Capability.FindingSettings, _ => Concern.District).RequireAuthorization(Auth.Policies.Settings);
        api.MapPost("/recompute", Recompute).Produces<RecomputeDone>().Acts(Capability.FindingSettings, _ => Concern.District).RequireAuthorization(Auth.Policies.Settings);
        api.MapGet("/{id:long}", GetOne).Produces<FindingDetail>().Discloses(One);
        api.MapPost("/{id:long}/case", OpenCase).Produces<FindingDetail>().Acts(Capability.MoveFinding, c => Concern.Finding(long.Parse(c.Route("id")))).Discloses(One).RequireAuthorization(Auth.Policies.Dispatch);
        api.MapPost("/{id:long}/{move}", Move).Produces<FindingDetail>().Acts(Capability.MoveFinding, c => Concern.Finding(long.Parse(c.Route("id")))).Discloses(One).RequireAuthorization(Auth.Policies.Dispatch);
        return app;
    }

    static async Task<IResult> List(string? unit, string? kind, string? status, int? limit, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (kind is not null && !Kinds.Contains(kind))
            return Problems.BadRequest("Unknown finding kind", $"kind '{kind}' is not one of {string.Join(", ", Kinds)}");
        var statuses = (status ?? string.Join(',', FindingWorkflow.Open)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (statuses.FirstOrDefault(s => !FindingWorkflow.Statuses.Contains(s)) is { } bad)
            return Problems.BadRequest("Unknown finding status", $"status '{bad}' is not one of {string.Join(", ", FindingWorkflow.Statuses)}");
        if (limit is < 1 or > MaxLimit)
            return Problems.BadRequest("Limit out of range", $"limit must be between 1 and {MaxLimit}");
        if (unit is not null && !await TerritoryLookup.UnitExistsAsync(db, unit, cancel))
            return Problems.NotFound("Unknown territory unit", $"no territory unit has code '{unit}'");

        await using var cmd = db.CreateCommand(ListSql);
        cmd.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Text) { Value = (object?)unit ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = (object?)kind ?? DBNull.Value });
        cmd.Parameters.AddWithValue("statuses", statuses);
        cmd.Parameters.AddWithValue("limit", limit ?? MaxLimit);
        return SqlJson.Json((string)(await cmd.ExecuteScalarAsync(cancel))!);
    }

    static async Task<IResult> GetOne(long id, NpgsqlDataSource db, CancellationToken cancel) =>
        await SqlJson.QueryAsync(db, OneSql, cancel, ("id", id)) is { } json
            ? SqlJson.Json(json)
            : UnknownFinding(id);

    static async Task<IResult> Move(long id, string move, Transition? body, NpgsqlDataSource db, AuditScope who, CancellationToken cancel)
    {
        if (FindingWorkflow.Find(move) is not { } rule)
            return Problems.NotFound("Unknown action", $"'{move}' is not one of {string.Join(", ", FindingWorkflow.Steps.Keys)}, case");
        if (move == "assign" && string.IsNullOrWhiteSpace(body?.Assignee))
            return Problems.BadRequest("Nobody to assign", "assign needs an assignee (a person, unit or organisation code)");
        if (TextRules.FirstProblem(("assignee", body?.Assignee, TextRules.MaxName, false), ("actor", body?.Actor, TextRules.MaxName, false),
                ("note", body?.Note, TextRules.MaxNote, true)) is { } bad)
            return Problems.BadRequest("Bad text", bad);
        var actor = string.IsNullOrWhiteSpace(body?.Actor) ? "api" : body.Actor;

        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await who.ApplyAsync(conn, tx, cancel);
        await NameActorAsync(conn, actor, body?.Note, cancel);
        await using var cmd = new NpgsqlCommand(TransitionSql, conn);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("to", rule.To);
        cmd.Parameters.AddWithValue("from", rule.From.ToArray());
        cmd.Parameters.AddWithValue("actor", actor);
        cmd.Parameters.Add(new NpgsqlParameter("assignee", NpgsqlDbType.Text) { Value = (object?)body?.Assignee ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("note", NpgsqlDbType.Text) { Value = (object?)body?.Note ?? DBNull.Value });
        if ((int)(await cmd.ExecuteScalarAsync(cancel))! == 0)
        {
            await using var current = new NpgsqlCommand(StatusSql, conn);
            current.Parameters.AddWithValue("id", id);
            return await current.ExecuteScalarAsync(cancel) is string status
                ? Problems.Conflict("Not allowed from this status",
                    $"finding {id} is '{status}'; {move} needs it to be {string.Join(" or ", rule.From)}")
                : UnknownFinding(id);
        }
        await tx.CommitAsync(cancel);
        return await GetOne(id, db, cancel);
    }

    /// <summary>
    /// Opens the finding as a case: creates an ownership_unclear incident at the finding, dispatched to its default
    /// owner, or links an existing incident when incidentCode is sent. Answers the finding (caseIncidentCode set).
    /// </summary>
    static async Task<IResult> OpenCase(long id, CaseLink? body, FindingCases cases, NpgsqlDataSource db, AuditScope who, CancellationToken cancel)
    {
        if (TextRules.FirstProblem(("actor", body?.Actor, TextRules.MaxName, false), ("incidentCode", body?.IncidentCode, TextRules.MaxCode, false)) is { } bad)
            return Problems.BadRequest("Bad text", bad);
        var actor = string.IsNullOrWhiteSpace(body?.Actor) ? "api" : body.Actor;
        var existing = string.IsNullOrWhiteSpace(body?.IncidentCode) ? null : body.IncidentCode;
        var result = await cases.OpenAsync(id, actor, existing, who, cancel);
        return result.Refused switch
        {
            CaseRefusal.UnknownFinding => UnknownFinding(id),
            CaseRefusal.AlreadyOpen => Problems.Conflict("Case already open", $"finding {id} is already followed up by incident {result.IncidentCode}"),
            CaseRefusal.NotOpen => Problems.Conflict("Not allowed from this status",
                $"finding {id} is '{result.FindingStatus}'; a case can be opened only for a new or assigned finding"),
            CaseRefusal.UnknownIncident => Problems.NotFound("Unknown incident", $"no incident has code '{result.IncidentCode}'"),
            // Read after the commit: a function called in RETURNING would see the row as it was before the update.
            _ => await GetOne(id, db, cancel),
        };
    }

    static async Task<IResult> Indicators(int? days, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (days is < 1 or > 366) return Problems.BadRequest("Days out of range", "days must be between 1 and 366");
        return SqlJson.Json((await SqlJson.QueryAsync(db, IndicatorsSql, cancel, ("days", days ?? 30)))!);
    }

    static async Task<IResult> GetSettings(NpgsqlDataSource db, CancellationToken cancel) =>
        SqlJson.Json((await SqlJson.QueryAsync(db, SettingsSql, cancel))!);

    static async Task<IResult> PutSettings(Settings? body, NpgsqlDataSource db, AuditScope who, CancellationToken cancel)
    {
        if (body is null || body is { MinAreaM2: null, MinWidthM: null, HazardBoundaryToleranceM: null })
            return Problems.BadRequest("Nothing to change", "send at least one of minAreaM2, minWidthM, hazardBoundaryToleranceM (metres, 0 to 10000)");
        var problems = new[] { ("minAreaM2", body.MinAreaM2), ("minWidthM", body.MinWidthM), ("hazardBoundaryToleranceM", body.HazardBoundaryToleranceM) }
            .Select(f => NumberRules.Problem(f.Item2, f.Item1, 0, MaxSettingMetres)).OfType<string>().ToList();
        if (problems.Count > 0) return Problems.BadRequest("Settings out of range", string.Join("; ", problems));
        // One implicit transaction: the setting and its recomputation; the audit scope rides in front (AuditScope.Command).
        await using var cmd = who.Command(db, SettingsUpdateSql);
        cmd.CommandTimeout = 600;
        foreach (var (name, value) in new[] { ("minArea", body.MinAreaM2), ("minWidth", body.MinWidthM), ("tolerance", body.HazardBoundaryToleranceM) })
            cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Double) { Value = (object?)value ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync(cancel);
        return await GetSettings(db, cancel);
    }

    static async Task<IResult> Recompute(NpgsqlDataSource db, AuditScope who, CancellationToken cancel)
    {
        var started = DateTime.UtcNow;
        await FindingRecomputation.FullAsync(db, cancel);
        var milliseconds = (int)(DateTime.UtcNow - started).TotalMilliseconds;
        // The findings it stores are machine output, not captured row by row: one row says who asked.
        await AuditLog.RecordAsync(db, who, who.Request ?? "recompute findings", "finding", after: new { recomputed = true, milliseconds }, cancel: cancel);
        return TypedResults.Ok(new RecomputeDone(true, milliseconds));
    }

    /// <summary>The history trigger reads who acts and why from these transaction-local settings.</summary>
    static async Task NameActorAsync(NpgsqlConnection conn, string actor, string? note, CancellationToken cancel)
    {
        await using var cmd = new NpgsqlCommand(NameActorSql, conn);
        cmd.Parameters.AddWithValue("actor", actor);
        cmd.Parameters.AddWithValue("note", note ?? "");
        // A person's step: their note says why; no system event.
        cmd.Parameters.Add(new NpgsqlParameter("event", NpgsqlDbType.Text) { Value = DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("params", NpgsqlDbType.Text) { Value = DBNull.Value });
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    static IResult UnknownFinding(long id) => Problems.NotFound("Unknown finding", $"no finding has id {id}");

    sealed class Marker;
}
