using System.Diagnostics;
using MapDashboard.Server.Open311;
using Microsoft.AspNetCore.Mvc;

namespace MapDashboard.Server.Doors;

/// <summary>
/// How the door answers a refusal it makes itself (413, 415, a bad URL value, a body that cannot be bound,
/// an unexpected exception): problem details with the correlation id, or Open311's error array on the
/// Open311 endpoints. One place, so the middleware and the exception handler say it the same way.
/// </summary>
public static class DoorAnswers
{
    /// <summary>The id a client quotes and the log carries: the W3C trace id when tracing, else the connection's request id.</summary>
    public static string CorrelationId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (context.GetEndpoint()?.Metadata.GetMetadata<Open311Errors>() is not null)
        {
            var format = context.Request.RouteValues["format"] as string == Open311Format.Xml ? Open311Format.Xml : Open311Format.Json;
            await Open311Format.Errors(format, status, $"{title}: {detail}").ExecuteAsync(context);
            return;
        }
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status, Title = title, Detail = detail,
                Extensions = { ["traceId"] = CorrelationId(context) },
            },
        });
    }
}
