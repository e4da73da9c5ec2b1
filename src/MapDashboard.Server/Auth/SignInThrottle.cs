using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Auth;

/// <summary>
/// Sign-in and token attempts per user name (lower case), whatever address they come from: guessing one account's
/// password from many addresses meets this limit before the lockout. A permit is taken once the body names the user.
/// </summary>
public sealed class SignInThrottle(IOptions<AuthOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(userName =>
        RateLimitPartition.GetFixedWindowLimiter(userName, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SignInPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Null when this attempt may go ahead, else how long to wait.</summary>
    public TimeSpan? Refused(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName.ToLowerInvariant());
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
