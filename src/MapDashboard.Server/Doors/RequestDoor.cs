using MapDashboard.Domain.Input;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MapDashboard.Server.Doors;

/// <summary>
/// Checks what every endpoint receives before its handler runs: route and query values are clean text
/// (<see cref="TextRules"/>), and a body has the endpoint's content type (415) and fits its size limit (413).
/// The limit is set on Kestrel's per-request maximum before anything reads the body, so a body larger than the
/// limit fails while it streams in: memory stays bounded by the limit, whatever the client sends.
/// </summary>
public sealed class RequestDoor(RequestDelegate next, IOptions<BodyLimitOptions> limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<SkipDoor>() is not null) { await next(context); return; }

        if (UrlProblem(context) is { } url)
        {
            await DoorAnswers.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad request value", url);
            return;
        }

        var request = context.Request;
        var rule = endpoint.Metadata.GetMetadata<BodyRule>()
                   ?? (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) ? BodyRule.Json : null);
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() ?? "" : "";
        var max = limits.Value.BytesFor(rule?.Kind ?? BodyKind.Json, mediaType);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = max;

        var hasBody = request.ContentLength > 0 || request.ContentLength is null && request.Headers.TransferEncoding.Count > 0;
        if (hasBody && rule is not null)
        {
            if (request.ContentLength > max)
            {
                await DoorAnswers.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Body too large", TooLarge(max));
                return;
            }
            if (!rule.Accepts(mediaType))
            {
                await DoorAnswers.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                    $"the body is '{(mediaType.Length > 0 ? mediaType : "(no Content-Type)")}'; send {rule.Expected}");
                return;
            }
        }
        await next(context);
    }

    public static string TooLarge(long max) => $"the body is larger than this endpoint's limit of {max:N0} bytes";

    static string? UrlProblem(HttpContext context)
    {
        foreach (var (name, value) in context.Request.RouteValues)
            if (value is string s && TextRules.Problem(s, name, TextRules.MaxQueryValue) is { } p) return p;
        foreach (var (name, values) in context.Request.Query)
            foreach (var s in values)
                if (TextRules.Problem(s, name, TextRules.MaxQueryValue) is { } p) return p;
        return null;
    }
}

/// <summary>Endpoint metadata: not checked by <see cref="RequestDoor"/> (the SignalR hub negotiates its own transport).</summary>
public sealed class SkipDoor
{
    public static readonly SkipDoor Instance = new();
}
