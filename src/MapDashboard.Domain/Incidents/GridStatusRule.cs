namespace MapDashboard.Domain.Incidents;

public enum GridStatus { Blue, Yellow, Red }

/// <summary>What a grid's colour is computed from.</summary>
/// <param name="OverdueIncidents">open incidents in the grid that exceeded a stage's time limit (now or before an escalation)</param>
/// <param name="OpenIncidents">incidents in the grid not closed, overdue ones included</param>
/// <param name="OpenHazards">hazards in the grid not resolved (open or mitigating)</param>
/// <param name="PatrolCoverage">share 0–1 of the grid's buildings and hazard points visited in the last 24 h; null = not measured (no patrol data in the district, or nothing to visit)</param>
public sealed record GridStatusInputs(int OverdueIncidents, int OpenIncidents, int OpenHazards, double? PatrolCoverage);

/// <summary>
/// 红黄蓝 dynamic management — THE one place the colour of a grid is decided.
/// Red: something in the grid has blown a time limit (an overdue incident: 小事
/// did not stay 小事), or the open work piles up, or patrols barely reached it.
/// Yellow: there is open work to watch (any open incident, several open hazards,
/// or thin patrol coverage). Blue: in hand.
/// Thresholds are constants here so that the wall's legend and this rule cannot drift apart.
/// </summary>
public static class GridStatusRule
{
    public const int RedOpenIncidents = 5;
    public const double RedCoverageBelow = 0.5;
    public const int YellowOpenHazards = 3;
    public const double YellowCoverageBelow = 0.8;

    public static GridStatus Decide(GridStatusInputs i)
    {
        if (i.OverdueIncidents > 0 || i.OpenIncidents >= RedOpenIncidents || i.PatrolCoverage < RedCoverageBelow)
            return GridStatus.Red;
        if (i.OpenIncidents > 0 || i.OpenHazards >= YellowOpenHazards || i.PatrolCoverage < YellowCoverageBelow)
            return GridStatus.Yellow;
        return GridStatus.Blue;
    }

    public static string Name(this GridStatus status) => status.ToString().ToLowerInvariant();
}
