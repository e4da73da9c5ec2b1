namespace MapDashboard.Domain.Incidents;

public enum GridStatus { Blue, Yellow, Red }

/// <summary>What a grid's colour is computed from.</summary>
/// <param name="OverdueIncidents">open incidents in the grid that exceeded a stage's time limit (now or before an escalation)</param>
/// <param name="OpenIncidents">incidents in the grid not closed, overdue ones included</param>
/// <param name="OpenHazards">hazards in the grid not resolved (open or mitigating)</param>
/// <param name="PatrolCoverage">share 0–1 of the grid's buildings and hazard points visited in the last 24 h; null = not measured (no patrol data in the district, or nothing to visit)</param>
/// <param name="PatrolHistoryHours">how long the district's patrols have been tracked (hours since its first stored track); null = unknown, counted as long enough</param>
public sealed record GridStatusInputs(int OverdueIncidents, int OpenIncidents, int OpenHazards, double? PatrolCoverage,
    double? PatrolHistoryHours = null);

/// <summary>
/// One rule that fired, as a code and its figures — never a sentence: the client words it in the reader's
/// language ("3 个超期事件", "巡查覆盖 33% < 50%"). <paramref name="Value"/> is the grid's figure, <paramref name="Threshold"/>
/// the rule's limit, both in the units of the rule (a count, a whole percentage, hours).
/// </summary>
public sealed record GridReason(string Rule, double Value, double Threshold);

/// <summary>A grid's colour and why: the rules of that colour that fired, plus notes that coloured nothing.</summary>
public sealed record GridVerdict(GridStatus Status, IReadOnlyList<GridReason> Reasons);

/// <summary>
/// 红黄蓝 dynamic management — THE one place the colour of a grid is decided, and the reasons for it.
/// Red: something in the grid has blown a time limit (an overdue incident: 小事 did not stay 小事), or the
/// open work piles up, or patrols barely reached it. Yellow: there is open work to watch (any open incident,
/// several open hazards, or thin patrol coverage). Blue: in hand.
/// A verdict lists every rule of its colour that fired (a red grid may be red for two reasons), not the
/// rules of a lower colour. Coverage is a share over a rolling 24 h window, so it is only a measure once the
/// district's patrols have been tracked for the whole window: before that (a fresh demo start, devices
/// rolled out this morning) every grid would look half-walked because the clock has not run, not because
/// nobody walked. Then coverage colours nothing and the verdict carries the note
/// <see cref="CoverageYoung"/> (history hours against the 24 h window) where coverage would have coloured.
/// Thresholds are constants here so that the wall's legend and this rule cannot drift apart.
/// </summary>
public static class GridStatusRule
{
    public const int RedOpenIncidents = 5;
    public const double RedCoverageBelow = 0.5;
    public const int YellowOpenHazards = 3;
    public const double YellowCoverageBelow = 0.8;
    public const double CoverageWindowHours = 24;

    public const string Overdue = "overdue";
    public const string ManyOpenIncidents = "open_incidents_many";
    public const string CoverageLow = "coverage_low";
    public const string OpenIncidents = "open_incidents";
    public const string OpenHazards = "open_hazards";
    public const string CoverageThin = "coverage_thin";
    public const string CoverageYoung = "coverage_young";

    public static GridStatus Decide(GridStatusInputs i) => Judge(i).Status;

    public static GridVerdict Judge(GridStatusInputs i)
    {
        var young = i.PatrolCoverage is not null && i.PatrolHistoryHours < CoverageWindowHours;
        var coverage = young ? null : i.PatrolCoverage;
        var percent = coverage is { } c ? Math.Floor(c * 100) : 0; // floor: 49.6 % is shown as 49 %, never as the 50 % it is below

        // A note, whatever the colour: coverage would have coloured the grid, but its window has not run yet.
        GridReason[] notes = young && i.PatrolCoverage < YellowCoverageBelow
            ? [new(CoverageYoung, Math.Floor(i.PatrolHistoryHours!.Value * 10) / 10, CoverageWindowHours)]
            : [];

        var red = new List<GridReason>();
        if (i.OverdueIncidents > 0) red.Add(new(Overdue, i.OverdueIncidents, 1));
        if (i.OpenIncidents >= RedOpenIncidents) red.Add(new(ManyOpenIncidents, i.OpenIncidents, RedOpenIncidents));
        if (coverage < RedCoverageBelow) red.Add(new(CoverageLow, percent, RedCoverageBelow * 100));
        if (red.Count > 0) return new(GridStatus.Red, [.. red, .. notes]);

        var yellow = new List<GridReason>();
        if (i.OpenIncidents > 0) yellow.Add(new(OpenIncidents, i.OpenIncidents, 1));
        if (i.OpenHazards >= YellowOpenHazards) yellow.Add(new(OpenHazards, i.OpenHazards, YellowOpenHazards));
        if (coverage < YellowCoverageBelow) yellow.Add(new(CoverageThin, percent, YellowCoverageBelow * 100));
        return new(yellow.Count > 0 ? GridStatus.Yellow : GridStatus.Blue, [.. yellow, .. notes]);
    }

    public static string Name(this GridStatus status) => status.ToString().ToLowerInvariant();
}
