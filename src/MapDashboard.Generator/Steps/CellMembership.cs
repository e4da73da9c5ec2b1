using MapDashboard.Generator.Lattice;
using MapDashboard.Generator.Layout;

namespace MapDashboard.Generator.Steps;

/// <summary>
/// Which fine cells make up each territory unit, with the planted gaps cut out of their grid (and its micro-grid)
/// and the planted overlaps added to the neighbouring grid (and its micro-grid) too.
/// </summary>
public sealed class CellMembership
{
    public required HashSet<int> District { get; init; }
    public required IReadOnlyList<HashSet<int>> Streets { get; init; }
    public required IReadOnlyList<HashSet<int>> Communities { get; init; }
    public required IReadOnlyList<HashSet<int>> Grids { get; init; }
    public required IReadOnlyList<HashSet<int>> MicroGrids { get; init; }

    public static CellMembership Build(TerritoryPlan plan, DistrictLattice lattice, TroubleSites trouble)
    {
        var membership = new CellMembership
        {
            District = [],
            Streets = Sets(plan.Streets.Count),
            Communities = Sets(plan.Communities.Count),
            Grids = Sets(plan.Grids.Count),
            MicroGrids = Sets(plan.MicroGrids.Count),
        };

        for (var j = 0; j < plan.Rows; j++)
            for (var i = 0; i < plan.Columns; i++)
                foreach (var cell in lattice.FineCellsOf(i, j))
                {
                    membership.District.Add(cell);
                    membership.Streets[plan.StreetAt[i, j]].Add(cell);
                    membership.Communities[plan.CommunityAt[i, j]].Add(cell);
                    membership.Grids[plan.GridAt[i, j]].Add(cell);
                    if (plan.MicroGridAt[i, j] >= 0) membership.MicroGrids[plan.MicroGridAt[i, j]].Add(cell);
                }

        foreach (var gap in trouble.Gaps)
            foreach (var cell in gap.StripCells(lattice))
            {
                membership.Grids[gap.GridA].Remove(cell);
                var (i, j) = lattice.CellOf(cell);
                if (plan.MicroGridAt[i / 2, j / 2] >= 0) membership.MicroGrids[plan.MicroGridAt[i / 2, j / 2]].Remove(cell);
            }

        foreach (var overlap in trouble.Overlaps)
        {
            var (bi, bj) = overlap.FirstCellOfB;
            foreach (var cell in overlap.StripCells(lattice))
            {
                membership.Grids[overlap.GridB].Add(cell);
                if (plan.MicroGridAt[bi, bj] >= 0) membership.MicroGrids[plan.MicroGridAt[bi, bj]].Add(cell);
            }
        }
        return membership;
    }

    private static List<HashSet<int>> Sets(int count) => Enumerable.Range(0, count).Select(_ => new HashSet<int>()).ToList();
}
