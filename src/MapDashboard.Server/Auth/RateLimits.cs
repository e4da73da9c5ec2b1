using System.Globalization;
using System.Threading.RateLimiting;
using MapDashboard.Server.Doors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Auth;

/// <summary>
/// ASP.NET Core rate limiting on the doors open without sign-in, per client address (fixed one-minute windows,
/// no queue; limits in <see cref="AuthOptions"/>): sign-in and token (<see cref="SignIn"/>; per user name as well,
/// <see cref="SignInThrottle"/>), Open311 posts (<see cref="Open311Post"/>), the resident's reports and ratings
/// (<see cref="ResidentPost"/>), the base tiles of the resident's map (<see cref="PublicTiles"/>) and the rest (<see cref="Anonymous"/>,
/// which leaves signed-in callers alone). A refusal is 429 with Retry-After and problem details (Open311's error
/// array on Open311).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Open311Post = "open311-post";
    public const string ResidentPost = "resident-post";
    public const string Anonymous = "anonymous";
    public const string PublicTiles = "public-tiles";

    static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddDashboardRateLimits(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.AddPolicy(SignIn, context => PerAddress(context, SignIn, a => a.SignInPerMinute));
        o.AddPolicy(Open311Post, context => PerAddress(context, Open311Post, a => a.Open311PostsPerMinute));
        o.AddPolicy(ResidentPost, context => PerAddress(context, ResidentPost, a => a.ResidentPostsPerMinute));
        o.AddPolicy(PublicTiles, context => PerAddress(context, PublicTiles, a => a.PublicTilesPerMinute));
        o.AddPolicy(Anonymous, context => context.User.Identity?.IsAuthenticated == true
            ? RateLimitPartition.GetNoLimiter("signed-in")
            : PerAddress(context, Anonymous, a => a.AnonymousPerMinute));
        o.OnRejected = (rejected, _) => new ValueTask(Refuse(rejected.HttpContext,
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : Window));
    });

    /// <summary>Sets Retry-After (whole seconds, at least 1); the seconds set.</summary>
    public static int SetRetryAfter(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>429 with Retry-After and a problem body saying when to try again.</summary>
    public static Task Refuse(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = SetRetryAfter(context, retryAfter);
        return DoorAnswers.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"too many requests to {context.Request.Path} from this client; try again in {seconds} s");
    }

    static RateLimitPartition<string> PerAddress(HttpContext context, string policy, Func<AuthOptions, int> limit)
    {
        var permits = limit(context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy} {address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = Window, QueueLimit = 0, AutoReplenishment = true,
        });
    }
}
