using MapDashboard.Generator.Model;
using MapDashboard.Generator.Naming;

namespace MapDashboard.Generator.Layout;

/// <summary>Lays the street → community → grid → micro-grid hierarchy out on the super-cell array.</summary>
public static class TerritoryPlanner
{
    private const int MinCellsPerGrid = 2;

    public static TerritoryPlan Plan(SizeProfile profile, Random rng)
    {
        var plan = new TerritoryPlan(profile.SuperColumns, profile.SuperRows);
        var district = new CellRect(0, 0, profile.SuperColumns, profile.SuperRows);
        var streetRects = RectanglePartitioner.Split(district, profile.Streets.Select(s => s.Communities.Sum(c => c.Weight)).ToList());
        var institutions = new int[DedicatedPurpose.All.Count];

        for (var s = 0; s < profile.Streets.Count; s++)
        {
            var spec = profile.Streets[s];
            var street = new PlannedStreet(s, Codes.Street(s), spec.Name, streetRects[s]);
            plan.Streets.Add(street);
            Fill(plan.StreetAt, street.Rect, s);

            var communityRects = RectanglePartitioner.Split(street.Rect, spec.Communities.Select(c => c.Weight).ToList(), MinCellsPerGrid);
            for (var c = 0; c < spec.Communities.Count; c++)
            {
                var community = new PlannedCommunity(plan.Communities.Count, Codes.Community(street.Code, c), spec.Communities[c].Name, s, communityRects[c], spec.Communities[c]);
                plan.Communities.Add(community);
                Fill(plan.CommunityAt, community.Rect, community.Index);
                PlanGrids(plan, community, profile.MicroGrids, institutions, rng);
            }
        }
        return plan;
    }

    private static void PlanGrids(TerritoryPlan plan, PlannedCommunity community, bool microGrids, int[] institutions, Random rng)
    {
        var spec = community.Spec;
        var dedicated = DedicatedSlots(spec);
        // Uneven weights make grids of different sizes, as real ones are; dedicated grids are smaller campuses.
        var weights = dedicated.Select(d => d ? 0.7 + 0.3 * rng.NextDouble() : 0.8 + 0.4 * rng.NextDouble()).ToList();
        var rects = RectanglePartitioner.Split(community.Rect, weights, MinCellsPerGrid);
        var shortName = NamePools.ShortCommunityName(community.Name);
        var communityGridNumber = 0;
        var dedicatedNumber = 0;

        for (var g = 0; g < rects.Count; g++)
        {
            PlannedGrid grid;
            var code = Codes.Grid(community.Code, g);
            if (dedicated[g])
            {
                var purpose = DedicatedPurpose.All[(community.Index + dedicatedNumber++) % DedicatedPurpose.All.Count];
                var institution = purpose.InstitutionName(institutions[DedicatedPurposeIndex(purpose)]++);
                grid = new PlannedGrid(plan.Grids.Count, code, institution + "专属网格", TerritoryKinds.DedicatedGrid, community.Index, rects[g], purpose, institution);
            }
            else
            {
                grid = new PlannedGrid(plan.Grids.Count, code, $"{shortName}第{++communityGridNumber}网格", TerritoryKinds.CommunityGrid, community.Index, rects[g], null, null);
            }
            plan.Grids.Add(grid);
            Fill(plan.GridAt, grid.Rect, grid.Index);
        }

        if (microGrids)
            PlanMicroGrids(plan, community, rng);
    }

    private static void PlanMicroGrids(TerritoryPlan plan, PlannedCommunity community, Random rng)
    {
        var grids = plan.Grids.Where(g => g.Community == community.Index).ToList();
        var counts = MicroGridCounts(grids, community.Spec.MicroGrids, rng);
        for (var k = 0; k < grids.Count; k++)
        {
            var grid = grids[k];
            var weights = Enumerable.Range(0, counts[k]).Select(_ => 0.8 + 0.4 * rng.NextDouble()).ToList();
            var rects = RectanglePartitioner.Split(grid.Rect, weights);
            for (var m = 0; m < rects.Count; m++)
            {
                var micro = new PlannedMicroGrid(plan.MicroGrids.Count, Codes.MicroGrid(grid.Code, m), $"{grid.Name}第{m + 1}微网格", grid.Index, rects[m]);
                plan.MicroGrids.Add(micro);
                grid.MicroGrids.Add(micro.Index);
                Fill(plan.MicroGridAt, micro.Rect, micro.Index);
            }
        }
    }

    /// <summary>Micro-grids per grid: the community's total spread over its largest grids first, else 2–3 each.</summary>
    private static int[] MicroGridCounts(IReadOnlyList<PlannedGrid> grids, int? total, Random rng)
    {
        if (total is null)
            return grids.Select(g => Math.Min(g.Rect.Area, rng.Next(2, 4))).ToArray();

        var counts = new int[grids.Count];
        var bySize = Enumerable.Range(0, grids.Count).OrderByDescending(k => grids[k].Rect.Area).ThenBy(k => k).ToList();
        for (var left = total.Value; left > 0;)
        {
            var before = left;
            foreach (var k in bySize)
            {
                if (left == 0) break;
                if (counts[k] >= grids[k].Rect.Area) continue;
                counts[k]++;
                left--;
            }
            if (left == before) break; // every grid is down to one super cell per micro-grid
        }
        return counts;
    }

    /// <summary>Which of the community's grid slots are dedicated: spread out, not bunched at one end.</summary>
    private static bool[] DedicatedSlots(CommunitySpec spec)
    {
        var slots = new bool[spec.Grids];
        for (var d = 0; d < spec.DedicatedGrids; d++)
            slots[(int)((d + 0.5) * spec.Grids / spec.DedicatedGrids)] = true;
        return slots;
    }

    private static int DedicatedPurposeIndex(DedicatedPurpose purpose)
    {
        for (var k = 0; k < DedicatedPurpose.All.Count; k++)
            if (ReferenceEquals(DedicatedPurpose.All[k], purpose)) return k;
        throw new InvalidOperationException("unknown purpose");
    }

    private static void Fill(int[,] array, CellRect rect, int value)
    {
        foreach (var (i, j) in rect.Cells())
            array[i, j] = value;
    }
}
