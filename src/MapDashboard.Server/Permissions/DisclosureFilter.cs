using Microsoft.AspNetCore.Http.HttpResults;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// <c>.Discloses(shape)</c> on a GET endpoint that answers people's data: its JSON answer passes the viewer's lens
/// before it leaves — personal fields masked by default, removed outside the viewer's reach, unmasked only with
/// <c>?reveal=true</c> by an entitled account (which is recorded, <see cref="Reveals.OnReveal"/>). The handler
/// stays as it was; the shape says where the personal data sits (<see cref="PersonalDataShape"/>).
/// </summary>
public static class DisclosureFilter
{
    /// <summary>The query parameter that asks for personal data unmasked.</summary>
    public const string RevealParameter = "reveal";

    public static RouteHandlerBuilder Discloses(this RouteHandlerBuilder builder, PersonalDataShape shape) =>
        builder.WithMetadata(new DisclosesUnderRule(shape)).AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            var viewer = RequestViewer.Of(http);
            if (!viewer.IsJudged() || result is not ContentHttpResult { ResponseContent: { } json } content
                || content.StatusCode is < 200 or >= 300) return result;

            return TypedResults.Text(await PersonalDataAnswer.FilterAsync(http, shape, json), content.ContentType, statusCode: content.StatusCode);
        });

    /// <summary>Whether the request asks for personal data unmasked (<c>?reveal=true</c>).</summary>
    public static bool AsksToReveal(HttpContext http) =>
        bool.TryParse(http.Request.Query[RevealParameter].ToString(), out var reveal) && reveal;
}
