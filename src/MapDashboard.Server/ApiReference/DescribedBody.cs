using MapDashboard.Server.Doors;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MapDashboard.Server.ApiReference;

public static class DescribedBody
{
    /// <summary>
    /// The body rule of an endpoint that reads its own body (<see cref="BodyRuleExtensions.WithBody"/>), and the same
    /// body described in the OpenAPI document as <typeparamref name="TBody"/> under the content types the rule takes.
    /// Not through <c>.Accepts&lt;T&gt;()</c>: that metadata also makes routing refuse any other content type with a bare
    /// 415 (or a 404) before the body rule can say what is wrong, and before Open311 can answer in its own error format.
    /// </summary>
    public static RouteHandlerBuilder TakesBody<TBody>(this RouteHandlerBuilder builder, BodyKind kind)
    {
        var rule = new BodyRule(kind);
        return builder.WithMetadata(rule).AddOpenApiOperationTransformer(async (operation, context, cancel) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancel);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = rule.ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
            };
        });
    }
}
