using MapDashboard.Generator.Lattice;
using MapDashboard.Generator.Layout;

namespace MapDashboard.Generator.Steps;

/// <summary>
/// Finds where to plant trouble: corridor stretches between two grids of one community (for gaps and overlaps) and
/// lane-less corridor segments between two grids (for buildings that straddle a grid boundary).
/// 天庆嘉园 and other communities with fixed figures stay clean.
/// </summary>
public sealed class TroubleSites
{
    private const int MaxRunLength = 3;

    public required IReadOnlyList<BoundaryRun> Gaps { get; init; }
    public required IReadOnlyList<BoundaryRun> Overlaps { get; init; }

    /// <summary>Single-position runs (Length 1) where a straddling building goes.</summary>
    public required IReadOnlyList<BoundaryRun> Straddles { get; init; }

    public static TroubleSites Choose(SizeProfile profile, TerritoryPlan plan, DistrictLattice lattice, Random rng)
    {
        var runs = rng.Shuffled(FindRuns(plan, lattice, minLength: 2, RoadClass.Secondary));
        var usedGrids = new HashSet<int>();
        var usedCommunities = new HashSet<int>();
        var gaps = Pick(runs, profile.Gaps, plan, usedGrids, usedCommunities);
        var overlaps = Pick(runs, profile.Overlaps, plan, usedGrids, usedCommunities);

        // Straddlers: one lane-less corridor segment each, a block on either side that no other straddler uses.
        var spots = rng.Shuffled(FindRuns(plan, lattice, minLength: 1, RoadClass.Residential)
            .Where(r => !usedGrids.Contains(r.GridA) && !usedGrids.Contains(r.GridB))
            .SelectMany(r => Enumerable.Range(r.Start, r.Length).Select(k => r with { Start = k, Length = 1 })));
        var usedBlocks = new HashSet<(int, int)>();
        var straddles = new List<BoundaryRun>();
        foreach (var spot in spots)
        {
            if (straddles.Count == profile.Straddlers) break;
            var a = spot.SideBySide ? (spot.Line, spot.Start) : (spot.Start, spot.Line);
            if (usedBlocks.Contains(a) || usedBlocks.Contains(spot.FirstCellOfB)) continue;
            usedBlocks.Add(a);
            usedBlocks.Add(spot.FirstCellOfB);
            straddles.Add(spot);
        }
        return new TroubleSites { Gaps = gaps, Overlaps = overlaps, Straddles = straddles };
    }

    /// <summary>Runs along corridors no grander than <paramref name="widest"/> between two residential grids of one community.</summary>
    private static List<BoundaryRun> FindRuns(TerritoryPlan plan, DistrictLattice lattice, int minLength, RoadClass widest)
    {
        var runs = new List<BoundaryRun>();
        foreach (var sideBySide in (bool[])[true, false])
        {
            var lines = sideBySide ? plan.Columns - 1 : plan.Rows - 1;
            var along = sideBySide ? plan.Rows : plan.Columns;
            for (var line = 0; line < lines; line++)
            {
                var corridor = sideBySide ? lattice.EastCorridors[line] : lattice.NorthCorridors[line];
                if (corridor > widest) continue;
                var k = 0;
                while (k < along)
                {
                    var pair = Pair(plan, sideBySide, line, k);
                    var start = k;
                    while (k < along && Pair(plan, sideBySide, line, k) == pair) k++;
                    if (pair is { } p && IsEligible(plan, p.A, p.B) && k - start >= minLength)
                        runs.Add(new BoundaryRun(sideBySide, line, start, Math.Min(k - start, MaxRunLength), p.A, p.B));
                }
            }
        }
        return runs;
    }

    private static (int A, int B)? Pair(TerritoryPlan plan, bool sideBySide, int line, int k)
    {
        var (a, b) = sideBySide
            ? (plan.GridAt[line, k], plan.GridAt[line + 1, k])
            : (plan.GridAt[k, line], plan.GridAt[k, line + 1]);
        return a == b ? null : (a, b);
    }

    private static bool IsEligible(TerritoryPlan plan, int a, int b)
    {
        var (ga, gb) = (plan.Grids[a], plan.Grids[b]);
        return ga.Community == gb.Community && ga.Purpose is null && gb.Purpose is null
            && plan.Communities[ga.Community].Spec.Fixed is null;
    }

    private static List<BoundaryRun> Pick(List<BoundaryRun> runs, int count, TerritoryPlan plan,
        HashSet<int> usedGrids, HashSet<int> usedCommunities)
    {
        var picked = new List<BoundaryRun>();
        // First pass spreads the trouble over communities; the second fills up if there are too few.
        foreach (var spreadOut in (bool[])[true, false])
            foreach (var run in runs)
            {
                if (picked.Count == count) return picked;
                var community = plan.Grids[run.GridA].Community;
                if (usedGrids.Contains(run.GridA) || usedGrids.Contains(run.GridB)) continue;
                if (spreadOut && usedCommunities.Contains(community)) continue;
                picked.Add(run);
                usedGrids.Add(run.GridA);
                usedGrids.Add(run.GridB);
                usedCommunities.Add(community);
            }
        return picked;
    }

}
