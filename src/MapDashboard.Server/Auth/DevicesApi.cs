using MapDashboard.Data.Audit;
using MapDashboard.Data.Accounts;
using MapDashboard.Domain.Input;
using MapDashboard.Server.Http;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Auth;

/// <summary>
/// Admin only: POST /api/devices gives a worker's field device its own credential (a long-lived bearer token, shown
/// once: only its hash is kept), bound to that worker; POST /api/devices/{id}/revoke ends it at once.
/// </summary>
public static class DevicesApi
{
    public sealed record DeviceBody(string? Worker, string? Name);

    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/devices").RequireAuthorization(Policies.Admin);
        api.MapPost("/", Create).Produces<DeviceCreated>(StatusCodes.Status201Created);
        api.MapPost("/{id:int}/revoke", Revoke).Produces<DeviceRevoked>();
        return app;
    }

    static async Task<IResult> Create(DeviceBody? body, AccountStore accounts, AuditScope who, IOptions<AuthOptions> options, CancellationToken cancel)
    {
        var problem = body is null ? "send {worker: the worker account's user name, name}"
            : TextRules.FirstProblem(("worker", body.Worker, TextRules.MaxName, false), ("name", body.Name, TextRules.MaxName, false))
              ?? (string.IsNullOrWhiteSpace(body.Worker) ? "worker (the worker account's user name) is required"
                  : string.IsNullOrWhiteSpace(body.Name) ? "name is required" : null);
        if (problem is not null) return Problems.BadRequest("Invalid device", problem);
        if (await accounts.As(who).CreateDeviceAsync(body!.Worker!, body.Name!, TimeSpan.FromDays(options.Value.DeviceTokenDays), cancel) is not { } device)
            return Problems.BadRequest("Invalid device", $"'{body.Worker}' is not a live worker account");
        return TypedResults.Created($"/api/devices/{device.DeviceId}",
            new DeviceCreated(device.DeviceId, body.Name!, body.Worker!, device.Token, device.ExpiresAt));
    }

    static async Task<IResult> Revoke(int id, AccountStore accounts, AuditScope who, HubConnections hub, CancellationToken cancel)
    {
        if (!await accounts.As(who).RevokeDeviceAsync(id, cancel)) return Problems.NotFound("Unknown device", $"no device {id}");
        return TypedResults.Ok(new DeviceRevoked(id, true, hub.CloseDevice(id)));
    }
}
