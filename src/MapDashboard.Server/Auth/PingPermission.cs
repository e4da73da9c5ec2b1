using System.Security.Claims;

namespace MapDashboard.Server.Auth;

/// <summary>
/// Whose pings a principal may post (policy <see cref="Policies.Pings"/> decided that it may post at all): a worker
/// account, or a device bound to one, only its own person's; admin and district may relay anyone's.
/// </summary>
public static class PingPermission
{
    /// <summary>Why this batch is refused (403), or null.</summary>
    public static string? Problem(ClaimsPrincipal user, IEnumerable<string?> workers)
    {
        if (!user.IsInRole(Roles.Worker)) return null;
        var own = user.PersonCode();
        var other = workers.FirstOrDefault(w => w is not null && w != own);
        if (other is null) return null;
        var who = user.DeviceIdOf() is { } device ? $"device {device} of worker {own}" : $"worker account {user.Identity?.Name} ({own})";
        return $"{who} may post pings only for {own}, not for {other}; nothing was stored";
    }
}
