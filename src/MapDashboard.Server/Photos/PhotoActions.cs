using MapDashboard.Domain.Permissions;

namespace MapDashboard.Server.Photos;

/// <summary>The steps a photo can belong to: the report, and each workflow action (resolve: the "after" picture).</summary>
public static class PhotoActions
{
    public static readonly string[] All = ["report", "dispatch", "accept", "resolve", "rate", "close"];

    public static bool IsKnown(string? action) => action is not null && All.Contains(action);

    /// <summary>
    /// What adding a photo to <paramref name="action"/> takes: the same as taking that step on the incident. The report's
    /// photos come from whoever handles the incident (the worker it is assigned to, leaders in their jurisdiction):
    /// a worker's report in their own grid is assigned to them at once. Residents' photos come through Open311's media.
    /// Null: an unknown action, which the handler refuses with 400.
    /// </summary>
    public static Capability? CapabilityOf(string? action) => action switch
    {
        "report" or "accept" or "resolve" => Capability.HandleIncident,
        "dispatch" or "rate" or "close" => Capability.DispatchIncident,
        _ => null,
    };
}
