namespace MapDashboard.Domain.Incidents;

/// <summary>A territorial unit whose boundary covers the reported point (from routing_facts.sql).</summary>
public sealed record CoveringUnit(int Id, string Code, string Kind, double AreaM2, int? WorkerId);

/// <summary>An asset at the point whose ownership is in doubt: no recorded owner, or several claimants.</summary>
public sealed record TroubledAsset(string Kind, string Code, bool Ownerless, int Claimants);

/// <summary>Where an incident goes. GridId is null in a gap or an overlap; ResponsibleUnitId is who acts now.</summary>
public sealed record Route(
    int? GridId, int? CommunityId, int? StreetId, int? WorkerId,
    int ResponsibleUnitId, EscalationLevel Level, bool OwnershipUnclear, string? Reason);

/// <summary>
/// Locates an incident: the smallest grid that covers the point, with its
/// worker, community and street. When the grid is not certain — a gap no grid
/// covers, an overlap two grids claim — or the thing at the point has no owner or
/// several, the incident is "ownership unclear" and goes to the smallest unit that
/// certainly contains it (属地兜底): the community, else the street.
/// </summary>
public static class IncidentRouting
{
    // Grids that staff work in, largest kind first (an overlap is named by the grids that clash, not their micro-grids);
    // police grids (警格) are a separate partition and never route incidents.
    static readonly string[] GridKinds = ["community_grid", "dedicated_grid", "micro_grid"];

    public static Route? Decide(IReadOnlyList<CoveringUnit> covering, IReadOnlyList<TroubledAsset> assets)
    {
        var community = Single(covering, "community");
        var street = Single(covering, "street");
        var fallback = community ?? street;
        if (fallback is null) return null; // outside every street: the validator refuses such points first

        var grids = covering.Where(u => GridKinds.Contains(u.Kind)).ToList();
        var clashing = grids.GroupBy(g => g.Kind).OrderBy(k => Array.IndexOf(GridKinds, k.Key)).FirstOrDefault(k => k.Count() > 1);
        string? reason = null;
        CoveringUnit? grid = null;
        if (clashing is not null)
            reason = $"overlap: {string.Join(" and ", clashing.Select(g => g.Code).Order())} both claim this point";
        else if (!grids.Any(g => g.Kind is "community_grid" or "dedicated_grid"))
            reason = $"gap: no grid covers this point inside {fallback.Kind} {fallback.Code}";
        else
            grid = grids.MinBy(g => g.AreaM2);

        if (reason is null && assets.FirstOrDefault() is { } asset)
            reason = asset.Ownerless
                ? $"ownerless {asset.Kind}: {asset.Code} has no recorded owner"
                : $"disputed {asset.Kind}: {asset.Code} is claimed by {asset.Claimants} organisations";

        // The worker of the smallest grid, else of the grid it sits in (a micro-grid may have none).
        var worker = grid is null ? null : grids.OrderBy(g => g.AreaM2).FirstOrDefault(g => g.WorkerId is not null)?.WorkerId;
        var unclear = reason is not null;
        var responsible = unclear || grid is null ? fallback : grid;
        var level = responsible == grid ? EscalationLevel.Grid : responsible.Kind == "community" ? EscalationLevel.Community : EscalationLevel.Street;
        return new Route(grid?.Id, community?.Id, street?.Id, worker, responsible.Id, level, unclear, reason);
    }

    static CoveringUnit? Single(IReadOnlyList<CoveringUnit> covering, string kind) =>
        covering.Where(u => u.Kind == kind).ToList() is [var only] ? only : null;
}
