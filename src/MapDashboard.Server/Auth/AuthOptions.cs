namespace MapDashboard.Server.Auth;

/// <summary>Credential lifetimes and limits (section Auth); every default here.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>A person's session or bearer token: one working day, then sign in again.</summary>
    public double PersonTokenHours { get; set; } = 12;

    /// <summary>The wall display is signed in once and kept signed in for a week (revocable by an admin at any time).</summary>
    public double DisplayTokenDays { get; set; } = 7;

    /// <summary>A field device's credential (revocable by an admin at any time).</summary>
    public double DeviceTokenDays { get; set; } = 180;

    /// <summary>How long a credential stays in access_token after it expired or was revoked, before the hourly pruning deletes it.</summary>
    public double KeepEndedTokensDays { get; set; } = 30;

    /// <summary>How often open hub connections are checked against the database (a revocation on another node, by psql, an expiry).</summary>
    public double HubRecheckSeconds { get; set; } = 10;

    /// <summary>Sign-in and token requests per minute, per client address and (separately) per user name.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Open311 report posts per minute per client address.</summary>
    public int Open311PostsPerMinute { get; set; } = 60;

    /// <summary>Resident reports and ratings (/report, no account) per minute per client address: a person on a phone sends a few.</summary>
    public int ResidentPostsPerMinute { get; set; } = 30;

    /// <summary>
    /// Base tiles of the resident's map (/tiles/public, no account) per minute per client address: a phone's map asks
    /// three layers' tiles at a time, some dozens while it is panned and zoomed; many residents behind one address
    /// share it.
    /// </summary>
    public int PublicTilesPerMinute { get; set; } = 600;

    /// <summary>Requests per minute per client address to the other doors open without sign-in (health, Open311 reads, the sign-in page's data).</summary>
    public int AnonymousPerMinute { get; set; } = 300;

    public TimeSpan LifetimeFor(string role) =>
        role == Roles.Display ? TimeSpan.FromDays(DisplayTokenDays) : TimeSpan.FromHours(PersonTokenHours);
}
