using MapDashboard.Server.ApiReference;
using System.Text.Json;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Patrols;
using MapDashboard.Domain.Patrols;
using MapDashboard.Server.Doors;
using MapDashboard.Server.Http;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Patrols;

/// <summary>
/// POST /api/patrols/pings: field devices' GPS batches. 200 means committed.
/// Any rejected ping refuses the whole batch (422, every fault by index) so a
/// device never has to guess which half of a batch got in.
/// </summary>
public static class PingsApi
{
    const int MaxMessagesInDetail = 5;

    public static IEndpointRouteBuilder MapPingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/patrols/pings", Post).Produces<PingsStored>().TakesBody<PingBatchBody>(BodyKind.Pings).RequireAuthorization(Auth.Policies.Pings);
        return app;
    }

    static async Task<IResult> Post(HttpRequest request, PingIngest ingest, IOptions<PatrolOptions> options, NpgsqlDataSource db, AuditScope who,
        CancellationToken cancel)
    {
        var (document, notJson) = await JsonBodies.ReadAsync(request, cancel);
        if (document is null) return Problems.BadRequest("Body is not JSON", $"send {{\"pings\": [{{worker, recordedAt, lon, lat, accuracy}}, …]}}: {notJson}");
        using var _ = document;

        if (PingBatchReader.Read(document.RootElement) is not { } batch)
            return Problems.BadRequest("No pings", "send {\"pings\": [{worker, recordedAt, lon, lat, accuracy}, …]}");
        if (batch.Pings.Count == 0)
            return Problems.BadRequest("No pings", "pings is empty");
        if (batch.Pings.Count > options.Value.MaxBatchSize)
            return Problems.BadRequest("Batch too large", $"pings holds {batch.Pings.Count} pings; at most {options.Value.MaxBatchSize} per batch");
        if (Auth.PingPermission.Problem(request.HttpContext.User, batch.Pings.Select(p => p.Worker)) is { } notYours)
            return TypedResults.Problem(title: "Not your pings", detail: notYours, statusCode: StatusCodes.Status403Forbidden);

        if (batch.Errors.Count > 0)
        {
            // Report malformed fields and every other fault together; a malformed field is not also "missing".
            var malformed = batch.Errors.Select(e => (e.Index, e.Field)).ToHashSet();
            var others = (await ingest.ValidateAsync(batch.Pings, cancel)).Where(e => !malformed.Contains((e.Index, e.Field)));
            return Rejected(batch.Errors.Concat(others).OrderBy(e => e.Index).ToList(), batch.Pings.Count);
        }

        var outcome = await ingest.IngestAsync(batch.Pings, cancel);
        if (outcome.Rejected) return Rejected(outcome.Errors, batch.Pings.Count);
        await RecordBatchAsync(db, who, batch.Pings, outcome, cancel);
        return TypedResults.Ok(new PingsStored(outcome.Stored, outcome.Duplicates, outcome.Flagged));
    }

    /// <summary>
    /// Pings are machine data at hundreds a second: the trail gets one row per accepted batch, with its counts, not
    /// one per ping. It is written right after the batch commits, in its own short transaction, so that the ping
    /// statement (prepared, on the ingest's hot path) stays as it is; the pings themselves carry worker and time.
    /// </summary>
    static Task RecordBatchAsync(NpgsqlDataSource db, AuditScope who, IReadOnlyList<PingInput> pings, PingIngest.Outcome outcome,
        CancellationToken cancel) =>
        AuditLog.RecordAsync(db, who, who.Request ?? "patrol pings", "patrol_ping", after: new
        {
            pings = pings.Count, stored = outcome.Stored, duplicates = outcome.Duplicates, flagged = outcome.Flagged.Count,
            workers = pings.Select(p => p.Worker).Distinct().Order().ToList(),
        }, cancel: cancel);

    static IResult Rejected(IReadOnlyList<PingError> errors, int count)
    {
        var pings = errors.Select(e => e.Index).Distinct().Count();
        var detail = $"{pings} of {count} pings rejected, nothing was stored: "
                     + string.Join("; ", errors.Take(MaxMessagesInDetail).Select(e => e.Message))
                     + (errors.Count > MaxMessagesInDetail ? $"; and {errors.Count - MaxMessagesInDetail} more" : "");
        return TypedResults.Problem(title: "Pings rejected", detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new { index = e.Index, field = e.Field, reason = e.Reason, message = e.Message }).ToList(),
            });
    }
}
