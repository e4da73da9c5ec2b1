using MapDashboard.Server.Doors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace MapDashboard.Server.Auth;

/// <summary>
/// How a refusal by an endpoint policy is answered: 403 with problem details naming the reason (the role and who
/// may, or the requirement's own reason); a request that is not signed in is challenged by its scheme (401, or a
/// page redirected to /signin).
/// </summary>
public sealed class AuthorizationAnswers : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden || context.User.Identity?.IsAuthenticated != true)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        await DoorAnswers.WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed", Reason(context, result.AuthorizationFailure));
    }

    static string Reason(HttpContext context, AuthorizationFailure? failure)
    {
        if (failure?.FailureReasons.FirstOrDefault() is { } reason) return reason.Message;
        var role = context.User.Role();
        var allowed = failure?.FailedRequirements.OfType<RolesAuthorizationRequirement>().FirstOrDefault()?.AllowedRoles;
        var what = $"{context.Request.Method} {context.Request.Path}";
        if (role == Roles.Display) return $"the display account is read-only: {what} is refused";
        return allowed is null
            ? $"role '{role}' may not {what}"
            : $"role '{role}' may not {what}; it needs one of: {string.Join(", ", allowed)}";
    }
}
