namespace MapDashboard.Domain.Incidents;

/// <summary>
/// How long a category's incident may stay in each timed stage: to be
/// dispatched, accepted, resolved. Resolved and rated wait on the resident,
/// closed waits on nothing, so they have no limit.
/// </summary>
public sealed record StageTimeLimits(TimeSpan ToDispatch, TimeSpan ToAccept, TimeSpan ToResolve)
{
    /// <summary>Used for a category that has no row in category_time_limit (e.g. one added by hand with psql).</summary>
    public static StageTimeLimits Default { get; } = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(72));

    public TimeSpan? For(IncidentStage stage) => stage switch
    {
        IncidentStage.Reported => ToDispatch,
        IncidentStage.Dispatched => ToAccept,
        IncidentStage.Accepted => ToResolve,
        _ => null,
    };

    /// <summary>When the incident, entering <paramref name="stage"/> at <paramref name="enteredAt"/>, must have left it.</summary>
    public DateTimeOffset? DueAt(IncidentStage stage, DateTimeOffset enteredAt) => For(stage) is { } limit ? enteredAt + limit : null;
}
