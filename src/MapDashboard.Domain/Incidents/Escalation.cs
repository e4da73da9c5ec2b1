namespace MapDashboard.Domain.Incidents;

/// <summary>Who answers for an incident: 小事不出网格，大事不出社区，矛盾不上交.</summary>
public enum EscalationLevel { Grid = 0, Community = 1, Street = 2 }

/// <summary>What to do with an incident whose stage outlived its time limit.</summary>
/// <param name="Level">the level now responsible</param>
/// <param name="Escalated">false when it was already at the street: it stays there, overdue, for the centre to see</param>
/// <param name="NewDueAt">a fresh window at the new level; null when not escalated (the old due time stands)</param>
public sealed record EscalationDecision(EscalationLevel Level, bool Escalated, DateTimeOffset? NewDueAt, string Note);

/// <summary>
/// A stage past its limit moves the incident one level up — grid → community →
/// street — and gives the new level the stage's full limit again. The street is
/// the top: matters are not pushed further up (矛盾不上交); an incident overdue
/// at the street stays overdue on the wall instead.
/// </summary>
public static class Escalation
{
    public static bool IsOverdue(IncidentStage stage, DateTimeOffset? dueAt, DateTimeOffset now) =>
        stage.IsTimed() && dueAt is { } due && due < now;

    public static EscalationDecision OnOverdue(IncidentStage stage, EscalationLevel level, StageTimeLimits limits, DateTimeOffset now)
    {
        if (!stage.IsTimed())
            throw new InvalidOperationException($"a {stage.Name()} incident has no time limit to exceed");
        var what = $"{stage.Name()} stage exceeded its limit of {Describe(limits.For(stage)!.Value)}";
        if (level == EscalationLevel.Street)
            return new(level, false, null, $"{what}; already at the street, stays overdue");
        var next = level + 1;
        return new(next, true, limits.DueAt(stage, now), $"{what}; escalated {Name(level)} → {Name(next)}");
    }

    public static string Name(EscalationLevel level) => level.ToString().ToLowerInvariant();

    static string Describe(TimeSpan t) => t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? $"{t.TotalHours:0} h" : $"{t.TotalMinutes:0} min";
}
