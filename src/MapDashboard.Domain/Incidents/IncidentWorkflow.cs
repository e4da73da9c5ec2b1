namespace MapDashboard.Domain.Incidents;

/// <summary>The outcome of asking to act on an incident: the stage it moves to, or why not.</summary>
public sealed record TransitionDecision(bool Allowed, IncidentStage To, bool Reopened, string? Refusal)
{
    public static TransitionDecision Move(IncidentStage to, bool reopened = false) => new(true, to, reopened, null);

    public static TransitionDecision Refuse(IncidentStage stays, string reason) => new(false, stays, false, reason);
}

/// <summary>
/// The state machine reported → dispatched → accepted → resolved → rated → closed; the one dispatched may decline
/// (dispatched → reported: the task is back in the dispatcher's queue, the reason in the history).
/// A rating of <see cref="ReopenAtOrBelow"/> or less sends the incident back to
/// dispatched (the resident is not satisfied, the work is done again) at most
/// <see cref="MaxReopens"/> times; after that a rating ends the loop like any other
/// (rated), so an incident cannot circle for ever. Anything else out of order is
/// refused with a reason a dispatcher can read.
/// </summary>
public static class IncidentWorkflow
{
    public const int ReopenAtOrBelow = 2;

    /// <summary>How many times low ratings may reopen one incident (issue 15: "≤ 2 reopens").</summary>
    public const int MaxReopens = 2;

    static readonly Dictionary<IncidentAction, (IncidentStage From, IncidentStage To)> Steps = new()
    {
        [IncidentAction.Dispatch] = (IncidentStage.Reported, IncidentStage.Dispatched),
        [IncidentAction.Accept] = (IncidentStage.Dispatched, IncidentStage.Accepted),
        [IncidentAction.Resolve] = (IncidentStage.Accepted, IncidentStage.Resolved),
        [IncidentAction.Rate] = (IncidentStage.Resolved, IncidentStage.Rated),
        [IncidentAction.Close] = (IncidentStage.Rated, IncidentStage.Closed),
        [IncidentAction.Decline] = (IncidentStage.Dispatched, IncidentStage.Reported),
    };

    /// <param name="rating">1–5, required for <see cref="IncidentAction.Rate"/> and refused for any other action.</param>
    /// <param name="reopens">How many times ratings have reopened the incident already.</param>
    public static TransitionDecision Decide(IncidentStage current, IncidentAction action, int? rating = null, int reopens = 0)
    {
        if (action != IncidentAction.Rate && rating is not null)
            return TransitionDecision.Refuse(current, $"only rate takes a rating, not {action.Name()}");
        if (action == IncidentAction.Rate && rating is not (>= 1 and <= 5))
            return TransitionDecision.Refuse(current, rating is null ? "rate needs a rating from 1 to 5" : $"rating {rating} is not between 1 and 5");

        var (from, to) = Steps[action];
        if (current != from)
            return TransitionDecision.Refuse(current, current == IncidentStage.Closed
                ? $"cannot {action.Name()} an incident that is closed"
                : $"cannot {action.Name()} an incident that is {current.Name()}: {action.Name()} needs it to be {from.Name()}");

        return action == IncidentAction.Rate && rating <= ReopenAtOrBelow && reopens < MaxReopens
            ? TransitionDecision.Move(IncidentStage.Dispatched, reopened: true)
            : TransitionDecision.Move(to);
    }
}
