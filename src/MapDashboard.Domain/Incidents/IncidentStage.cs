namespace MapDashboard.Domain.Incidents;

/// <summary>
/// The closed loop 群众点单 → 社区派单 → 党员接单 → 群众评单: where an incident is.
/// The database stores the lower-case names (<see cref="StageNames"/>).
/// </summary>
public enum IncidentStage { Reported, Dispatched, Accepted, Resolved, Rated, Closed }

/// <summary>What someone does to an incident; each is one workflow endpoint.</summary>
/// <remarks>Decline: the one sent gives the task back with a reason (dispatched → reported, to the dispatcher's queue again).</remarks>
public enum IncidentAction { Dispatch, Accept, Resolve, Rate, Close, Decline }

public static class StageNames
{
    public static string Name(this IncidentStage stage) => stage.ToString().ToLowerInvariant();

    public static string Name(this IncidentAction action) => action.ToString().ToLowerInvariant();

    public static IncidentStage ParseStage(string name) =>
        Enum.TryParse<IncidentStage>(name, ignoreCase: true, out var s) && !int.TryParse(name, out _)
            ? s
            : throw new ArgumentException($"'{name}' is not an incident stage", nameof(name));

    public static bool TryParseAction(string name, out IncidentAction action) =>
        Enum.TryParse(name, ignoreCase: true, out action) && !int.TryParse(name, out _);

    /// <summary>Open = not closed. Open311's status is "open" for every stage but closed.</summary>
    public static bool IsOpen(this IncidentStage stage) => stage != IncidentStage.Closed;

    /// <summary>Stages the government side owns and that run against a time limit (the resident owns rating).</summary>
    public static bool IsTimed(this IncidentStage stage) =>
        stage is IncidentStage.Reported or IncidentStage.Dispatched or IncidentStage.Accepted;
}
