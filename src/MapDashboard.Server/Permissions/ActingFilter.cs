using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Http;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// <c>.Acts(capability, concern)</c> on a write endpoint: before its handler runs, the viewer must hold the
/// capability where the write lands (<see cref="RoleMatrix"/>, judged by <see cref="Jurisdiction"/>); otherwise
/// 403 with a problem body naming why, and nothing is written. The concern is read from the request as bound
/// (route values, the body); a concern that cannot be read yet (a body that does not parse, an unknown thing) is
/// left to the handler, which refuses it with 400 or 404 as before.
/// </summary>
public static class ActingFilter
{
    public static RouteHandlerBuilder Acts(this RouteHandlerBuilder builder, Capability capability,
        Func<EndpointFilterInvocationContext, Concern?>? concern = null) =>
        builder.Judged(_ => capability, context => [concern?.Invoke(context)]);

    /// <summary>A write that concerns several things (a route moved from one grid to another: both must be the editor's).</summary>
    public static RouteHandlerBuilder Acts(this RouteHandlerBuilder builder, Capability capability,
        Func<EndpointFilterInvocationContext, IEnumerable<Concern?>> concerns) =>
        builder.Judged(_ => capability, concerns);

    /// <summary>A write whose capability depends on the request (an incident's step); null: none (the handler answers 404).</summary>
    public static RouteHandlerBuilder Acts(this RouteHandlerBuilder builder, Func<EndpointFilterInvocationContext, Capability?> capability,
        Func<EndpointFilterInvocationContext, Concern?> concern) =>
        builder.Judged(capability, context => [concern(context)]);

    /// <summary>A write whose capability depends on the request and that concerns several things (an incident linked to another as its duplicate: both must be in reach).</summary>
    public static RouteHandlerBuilder Acts(this RouteHandlerBuilder builder, Func<EndpointFilterInvocationContext, Capability?> capability,
        Func<EndpointFilterInvocationContext, IEnumerable<Concern?>> concerns) =>
        builder.Judged(capability, concerns);

    static RouteHandlerBuilder Judged(this RouteHandlerBuilder builder, Func<EndpointFilterInvocationContext, Capability?> capability,
        Func<EndpointFilterInvocationContext, IEnumerable<Concern?>> concerns) =>
        builder.WithMetadata(new ActsUnderRule()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var viewer = RequestViewer.Of(http);
            if (!viewer.IsJudged() || capability(context) is not { } action) return await next(context);
            var refusal = await http.RequestServices.GetRequiredService<Jurisdiction>()
                .RefusalAsync(viewer!, action, concerns(context), http.RequestAborted);
            return refusal is null ? await next(context) : Problems.Forbidden(refusal);
        });

    /// <summary>A route value of the request, as text.</summary>
    public static string Route(this EndpointFilterInvocationContext context, string name) =>
        context.HttpContext.Request.RouteValues[name]?.ToString() ?? "";

    /// <summary>The bound argument of type <typeparamref name="T"/> (a JSON body), or null.</summary>
    public static T? Body<T>(this EndpointFilterInvocationContext context) where T : class =>
        context.Arguments.OfType<T>().FirstOrDefault();
}
