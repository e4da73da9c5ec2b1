using Microsoft.AspNetCore.Authorization;

namespace MapDashboard.Server.Auth;

/// <summary>
/// POST /api/incidents/{code}/{action}: leaders may take any step; a worker (党员接单) only accepts, declines and resolves.
/// Which incidents a worker may step (their own tasks) is the jurisdiction rule's, not this one's.
/// </summary>
public sealed class IncidentStepRequirement : IAuthorizationRequirement;

public sealed class IncidentStepHandler : AuthorizationHandler<IncidentStepRequirement>
{
    static readonly string[] WorkerSteps = ["accept", "decline", "resolve"];

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, IncidentStepRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Worker))
        {
            var action = (context.Resource as HttpContext)?.Request.RouteValues["action"] as string;
            if (action is null || !WorkerSteps.Contains(action))
            {
                context.Fail(new AuthorizationFailureReason(this, $"a worker account may only accept, decline or resolve an incident, not '{action}'"));
                return Task.CompletedTask;
            }
        }
        context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
