namespace MapDashboard.Domain.Findings;

/// <summary>
/// The status workflow of a finding (a place where ownership is unclear): new → assigned → resolved or accepted.
/// Assigning again is allowed (a finding handed on to someone else); resolved and accepted are ends. Accepting also
/// lists the finding's key as accepted, so it stays accepted when detection finds it again. Beside the incident
/// workflow, as the other rule of what may follow what; the API and the UI only ask it.
/// </summary>
public static class FindingWorkflow
{
    public const string New = "new", Assigned = "assigned", Resolved = "resolved", Accepted = "accepted";

    public static IReadOnlyList<string> Statuses { get; } = [New, Assigned, Resolved, Accepted];

    /// <summary>The statuses a finding is open in (what a list shows by default).</summary>
    public static IReadOnlyList<string> Open { get; } = [New, Assigned];

    /// <summary>One step: its name in the API, the status it leads to, the statuses it may start from.</summary>
    public sealed record Step(string Name, string To, IReadOnlyList<string> From)
    {
        public bool AllowedFrom(string status) => From.Contains(status);
    }

    public static IReadOnlyDictionary<string, Step> Steps { get; } = new Dictionary<string, Step>
    {
        ["assign"] = new("assign", Assigned, [New, Assigned]),
        ["resolve"] = new("resolve", Resolved, [New, Assigned]),
        ["accept"] = new("accept", Accepted, [New, Assigned]),
    };

    /// <summary>The step of that name, or null when there is none.</summary>
    public static Step? Find(string name) => Steps.GetValueOrDefault(name);
}
