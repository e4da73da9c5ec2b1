using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace MapDashboard.Server.Doors;

/// <summary>
/// The last line: a request that could not be read (Kestrel's body limit, a body that does not bind, a
/// parameter that does not parse) is the client's 4xx with the reason; anything else is a bug — logged as an
/// error with a correlation id that the client sees in the answer (traceId), so the two can be matched.
/// A database that cannot be reached just now (restarting, failing over, its pool exhausted) is not a bug but an
/// outage: 503 with Retry-After, logged as one warning line, so clients retry (tiles, the field outbox) and the
/// operators' log is not buried under a stack trace per request while PostgreSQL restarts.
/// Exception text is never sent to the client: it may hold SQL, parser internals or data.
/// </summary>
public sealed class DoorExceptionHandler(ILogger<DoorExceptionHandler> log, Microsoft.Extensions.Options.IOptions<BodyLimitOptions> limits) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancel)
    {
        if (context.Response.HasStarted) return false;
        var id = DoorAnswers.CorrelationId(context);
        if (exception is BadHttpRequestException bad)
        {
            var (title, detail) = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ("Body too large", RequestDoor.TooLarge(
                    context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? limits.Value.JsonBodyBytes)),
                StatusCodes.Status415UnsupportedMediaType => ("Unsupported content type", "send application/json"),
                _ => ("Bad request", Reason(bad)),
            };
            log.LogInformation("Refused {Method} {Path}: {Status} {Detail} ({CorrelationId})", context.Request.Method, context.Request.Path, bad.StatusCode, detail, id);
            await DoorAnswers.WriteAsync(context, bad.StatusCode, title, detail);
            return true;
        }
        if (exception is Data.Incidents.ReportNotRoutableException notRoutable)
        {
            log.LogInformation("Refused {Method} {Path}: {Detail} ({CorrelationId})", context.Request.Method, context.Request.Path, notRoutable.Message, id);
            await DoorAnswers.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "Location not routable", notRoutable.Message);
            return true;
        }
        if (DatabaseUnreachable(exception) is { } outage)
        {
            log.LogWarning("Database unreachable on {Method} {Path}: {Reason} ({CorrelationId})", context.Request.Method, context.Request.Path, outage.Message, id);
            context.Response.Headers.RetryAfter = DatabaseRetryAfterSeconds;
            await DoorAnswers.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Database unavailable",
                $"the database cannot be reached just now; retry in {DatabaseRetryAfterSeconds} s (a write retried with the same Idempotency-Key is applied once)");
            return true;
        }
        log.LogError(exception, "Unhandled exception on {Method} {Path} (correlation id {CorrelationId})", context.Request.Method, context.Request.Path, id);
        await DoorAnswers.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal error",
            $"the server failed on this request; quote correlation id {id} to the operators");
        return true;
    }

    const string DatabaseRetryAfterSeconds = "5";

    /// <summary>
    /// Npgsql's own verdict that trying again may succeed (connection refused or broken, the server shutting down or
    /// starting, a pool timeout), wherever it sits in the chain; null for anything else.
    /// </summary>
    static Npgsql.NpgsqlException? DatabaseUnreachable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.NpgsqlException { IsTransient: true } transient) return transient;
        return null;
    }

    /// <summary>The binder's message, with the JSON path of the offending value when the body did not bind.</summary>
    static string Reason(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException { Path: { } path } j => $"the body is not the expected JSON at {path}: {FirstSentence(j.Message)}",
        JsonException j => $"the body is not the expected JSON: {FirstSentence(j.Message)}",
        InvalidOperationException => "the body holds text that is not valid Unicode (a lone surrogate)",
        _ => e.Message,
    };

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …"; the path is given separately.
    static string FirstSentence(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd();
}
