namespace MapDashboard.Domain.Incidents;

/// <summary>
/// What the dispatch desk does to an incident besides the loop's own steps (<see cref="IncidentAction"/>): send it
/// to someone else, push it one level up by hand, or close it as the same problem as another incident. Each is a
/// workflow endpoint like the steps (POST /api/incidents/{code}/{action}).
/// </summary>
public enum DeskAction { Reassign, Escalate, Link }

/// <summary>
/// When the desk's actions are allowed, in the words a dispatcher reads. They sit beside the stage machine
/// (<see cref="IncidentWorkflow"/>) rather than in it: reassigning and escalating do not move the loop on, and
/// linking a duplicate ends the copy, not the problem.
/// </summary>
public static class DeskRules
{
    public static string Name(this DeskAction action) => action.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out DeskAction action) =>
        Enum.TryParse(name, ignoreCase: true, out action) && !int.TryParse(name, out _);

    /// <param name="level">who answers for the incident now (escalate moves it one level up)</param>
    public static TransitionDecision Decide(IncidentStage current, EscalationLevel level, DeskAction action)
    {
        if (current == IncidentStage.Closed)
            return TransitionDecision.Refuse(current, $"cannot {action.Name()} an incident that is closed");
        switch (action)
        {
            case DeskAction.Reassign:
                // Sent but not yet done: whoever has it gives it up and the new one must accept it again.
                return current is IncidentStage.Dispatched or IncidentStage.Accepted
                    ? TransitionDecision.Move(IncidentStage.Dispatched)
                    : TransitionDecision.Refuse(current, current == IncidentStage.Reported
                        ? "cannot reassign an incident that is reported: dispatch it first"
                        : $"cannot reassign an incident that is {current.Name()}: the work is done, reassign needs it to be dispatched or accepted");
            case DeskAction.Escalate:
                if (!current.IsTimed())
                    return TransitionDecision.Refuse(current, $"cannot escalate an incident that is {current.Name()}: the work is done, only a reported, dispatched or accepted one can be escalated");
                return level == EscalationLevel.Street
                    ? TransitionDecision.Refuse(current, "cannot escalate an incident that is already at the street: matters go no further up (矛盾不上交)")
                    : TransitionDecision.Move(current);
            default:
                return TransitionDecision.Move(IncidentStage.Closed);
        }
    }

    /// <summary>Linking <paramref name="duplicate"/> to <paramref name="original"/>: why not, or null when it may be.</summary>
    public static string? LinkRefusal(string duplicate, IncidentStage originalStage, string original, string? originalDuplicateOf)
    {
        if (string.Equals(duplicate, original, StringComparison.OrdinalIgnoreCase))
            return $"an incident cannot be linked to itself ({duplicate})";
        if (originalDuplicateOf is not null)
            return $"{original} is itself a duplicate of {originalDuplicateOf}: link to {originalDuplicateOf} instead";
        if (originalStage == IncidentStage.Closed)
            return $"{original} is closed: link a duplicate only to an incident that is still open";
        return null;
    }
}
