namespace MapDashboard.Server.Auth;

/// <summary>
/// The roles of issue 14. Every account holds one, bound to one territory unit (its jurisdiction: that unit and
/// everything under it). What a role may do at the endpoint level is <see cref="Policies"/>; whether the object is
/// inside the jurisdiction is decided per request, not here.
/// </summary>
public static class Roles
{
    /// <summary>Accounts, devices, settings; the whole district.</summary>
    public const string Admin = "admin";

    /// <summary>The command centre's duty officers: see everything, act everywhere.</summary>
    public const string District = "district";

    /// <summary>Street leaders and dispatchers.</summary>
    public const string Street = "street";

    /// <summary>Community leaders and dispatchers (社区派单).</summary>
    public const string Community = "community";

    /// <summary>Routes and assignments.</summary>
    public const string Planner = "planner";

    /// <summary>Grid workers and party-member volunteers (网格员、党员): their own tasks and pings, reports of what they see.</summary>
    public const string Worker = "worker";

    /// <summary>The wall display: read-only, kept signed in for days.</summary>
    public const string Display = "display";

    public static readonly string[] All = [Admin, District, Street, Community, Planner, Worker, Display];

    /// <summary>Those who act on incidents and findings (dispatch, escalate, close).</summary>
    public static readonly string[] Leaders = [Admin, District, Street, Community];

    /// <summary>
    /// The view a role lands on after signing in: workers and volunteers on the phone's field page (/field).
    /// </summary>
    public static string LandsOn(string role) => role switch
    {
        Display => "/wall",
        Planner => "/plan",
        Worker => "/field",
        _ => "/lead",
    };
}
