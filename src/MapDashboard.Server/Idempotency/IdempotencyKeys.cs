using System.Text.RegularExpressions;
using MapDashboard.Data;
using MapDashboard.Server.Auth;
using MapDashboard.Server.Http;
using MapDashboard.Server.Options;
using Npgsql;

namespace MapDashboard.Server.Idempotency;

/// <summary>Marks an endpoint whose writes honour an <c>Idempotency-Key</c> header (see <see cref="IdempotencyKeys"/>).</summary>
public sealed class IdempotentMetadata;

/// <summary>
/// <c>Idempotency-Key: KEY</c> on a marked write: the first request with a key is handled and its 2xx answer kept (per
/// account, table idempotent_request); a repeat of the key gets that answer again (with <c>Idempotent-Replayed: true</c>)
/// and acts no second time. So the field page can resend a resolution, a photo or a report after a lost answer without
/// doing it twice. A refused request keeps nothing (it wrote nothing; the retry may succeed). The same key on another
/// request is 422; a repeat while the first is still being handled is 409. Without the header nothing changes.
/// </summary>
public sealed partial class IdempotencyKeys(RequestDelegate next, NpgsqlDataSource db)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    const int MaxKeyLength = 100;

    /// <summary>A claim this old without an answer belongs to a request that died (a node stopped): it may be taken again.</summary>
    const int StaleSeconds = 120;

    static readonly string ClaimSql = SqlResource.Beside<IdempotentMetadata>("claim_key.sql");
    static readonly string ReadSql = SqlResource.Beside<IdempotentMetadata>("read_key.sql");
    static readonly string AnswerSql = SqlResource.Beside<IdempotentMetadata>("answer_key.sql");
    static readonly string ReleaseSql = SqlResource.Beside<IdempotentMetadata>("release_key.sql");

    [GeneratedRegex("^[A-Za-z0-9_.:-]+$")]
    private static partial Regex KeyPattern();

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0 || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentMetadata>() is null
            || context.User.AccountId() is not { } account)
        {
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength || !KeyPattern().IsMatch(key))
        {
            await Problems.BadRequest("Bad idempotency key",
                $"{Header} must be 1 to {MaxKeyLength} characters of letters, digits, '_', '.', ':' or '-'").ExecuteAsync(context);
            return;
        }

        var request = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
        var cancel = context.RequestAborted;
        if (!await ClaimAsync(account, key, request, cancel))
        {
            await AnswerTakenAsync(context, account, key, request, cancel);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var succeeded = false;
        try
        {
            await next(context);
            succeeded = context.Response.StatusCode is >= 200 and < 300;
        }
        finally
        {
            context.Response.Body = original;
            // The answer is kept (or the claim released) whatever the client does now: it may already be gone.
            if (succeeded) await KeepAsync(account, key, context.Response.StatusCode, context.Response.ContentType, buffer.ToArray());
            else await ReleaseAsync(account, key);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, cancel);
    }

    async Task<bool> ClaimAsync(int account, string key, string request, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(ClaimSql);
        cmd.Parameters.AddWithValue("account", account);
        cmd.Parameters.AddWithValue("key", key);
        cmd.Parameters.AddWithValue("request", request);
        cmd.Parameters.AddWithValue("stale_seconds", (double)StaleSeconds);
        return await cmd.ExecuteScalarAsync(cancel) is true;
    }

    async Task AnswerTakenAsync(HttpContext context, int account, string key, string request, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(ReadSql);
        cmd.Parameters.AddWithValue("account", account);
        cmd.Parameters.AddWithValue("key", key);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        if (!await reader.ReadAsync(cancel) || reader.IsDBNull(1))
        {
            await Problems.Conflict("Request in progress",
                $"a request with {Header} '{key}' is still being handled; send it again in a moment").ExecuteAsync(context);
            return;
        }
        if (reader.GetString(0) != request)
        {
            await TypedResults.Problem(title: "Idempotency key reused", statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: $"{Header} '{key}' was used for {reader.GetString(0)}, not for {request}; make a new key for each action").ExecuteAsync(context);
            return;
        }
        context.Response.StatusCode = reader.GetInt32(1);
        if (!reader.IsDBNull(2)) context.Response.ContentType = reader.GetString(2);
        context.Response.Headers[ReplayedHeader] = "true";
        var body = reader.IsDBNull(3) ? [] : (byte[])reader[3];
        await context.Response.Body.WriteAsync(body, cancel);
    }

    async Task KeepAsync(int account, string key, int status, string? contentType, byte[] body)
    {
        await using var cmd = db.CreateCommand(AnswerSql);
        cmd.Parameters.AddWithValue("account", account);
        cmd.Parameters.AddWithValue("key", key);
        cmd.Parameters.AddWithValue("status", status);
        cmd.Parameters.AddWithValue("content_type", (object?)contentType ?? DBNull.Value);
        cmd.Parameters.AddWithValue("body", body);
        await cmd.ExecuteNonQueryAsync();
    }

    async Task ReleaseAsync(int account, string key)
    {
        await using var cmd = db.CreateCommand(ReleaseSql);
        cmd.Parameters.AddWithValue("account", account);
        cmd.Parameters.AddWithValue("key", key);
        await cmd.ExecuteNonQueryAsync();
    }
}

public static class IdempotencyRegistration
{
    /// <summary>How long kept answers stay (Idempotency:KeepHours, bounded) and the chore that prunes the older ones.</summary>
    public static WebApplicationBuilder AddIdempotencyKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>().Bind(builder.Configuration.GetSection(IdempotencyOptions.Section))
            .Validate(o => o.KeepHours is >= IdempotencyOptions.MinKeepHours and <= IdempotencyOptions.MaxKeepHours,
                $"{IdempotencyOptions.Section}:KeepHours must be from {IdempotencyOptions.MinKeepHours} to {IdempotencyOptions.MaxKeepHours}")
            .Validate(o => o.PruneEverySeconds > 0, $"{IdempotencyOptions.Section}:PruneEverySeconds must be positive")
            .ValidateOnStart();
        // After DatabaseStartup (hosted services start in registration order): the table exists by then.
        builder.Services.AddHostedService<IdempotencyKeyPruner>();
        return builder;
    }

    /// <summary>After sign-in (the key belongs to the account) and before the endpoint runs.</summary>
    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyKeys>();
        return app;
    }

    /// <summary>This write honours Idempotency-Key.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new IdempotentMetadata());
}
