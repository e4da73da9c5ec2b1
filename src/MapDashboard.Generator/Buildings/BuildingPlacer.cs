using MapDashboard.Generator.Lattice;
using MapDashboard.Generator.Layout;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Naming;
using MapDashboard.Generator.Projection;
using MapDashboard.Generator.Steps;

namespace MapDashboard.Generator.Buildings;

/// <summary>
/// Puts buildings in every block (each wholly inside its block, so inside one grid), the planted straddlers across
/// lane-less corridors between two grids, and gives 天庆嘉园 exactly its 52 buildings, 2,465 households, 7,792 residents.
/// </summary>
public sealed class BuildingPlacer(TerritoryPlan plan, DistrictLattice lattice, Random rng)
{
    private const double Setback = 4;
    private const double StraddlerReach = 16;
    private const double StraddlerDepth = 12;

    private readonly Dictionary<int, Compound> _compoundsByKey = [];

    public List<Compound> Compounds { get; } = [];
    public List<Building> Buildings { get; } = [];

    public void Place(TroubleSites trouble, Deliberate deliberate)
    {
        var straddlers = trouble.Straddles.ToDictionary(s => s.SideBySide ? (s.Line, s.Start) : (s.Start, s.Line), Straddler);
        var candidates = new List<Footprint>[plan.Columns, plan.Rows];
        for (var j = 0; j < plan.Rows; j++)
            for (var i = 0; i < plan.Columns; i++)
                candidates[i, j] = PackBlock(i, j, straddlers.Values.Where(s => s.Touches(i, j)).Select(s => s.Footprint.Corners).ToList());

        var kept = KeepFixedCounts(candidates);
        for (var j = 0; j < plan.Rows; j++)
            for (var i = 0; i < plan.Columns; i++)
            {
                if (straddlers.TryGetValue((i, j), out var straddler))
                {
                    deliberate.StraddlingBuildings.Add(Add(straddler.Footprint, i, j).Code);
                }
                foreach (var footprint in candidates[i, j].Where(kept.Contains))
                    Add(footprint, i, j);
            }
        FixHouseholds();
    }

    private List<Footprint> PackBlock(int i, int j, IReadOnlyList<(double X, double Y)[]> obstacles)
    {
        var frame = new BlockFrame(lattice.CellCorners(2 * i, 2 * j), Setback);
        return BlockPacker.Pack(frame, StyleOf(plan.Grids[plan.GridAt[i, j]]), obstacles, rng);
    }

    private BuildingStyle StyleOf(PlannedGrid grid)
    {
        if (grid.Purpose is not null) return BuildingStyle.ForUse(grid.Purpose.BuildingUse);
        return plan.Communities[grid.Community].Spec.Housing == HousingStyle.HighRise ? BuildingStyle.HighRise : BuildingStyle.WalkUp;
    }

    /// <summary>
    /// For communities with fixed figures, keeps exactly the required number of buildings, taken in turn from each
    /// grid so every grid keeps some; everywhere else every footprint is kept.
    /// </summary>
    private HashSet<Footprint> KeepFixedCounts(List<Footprint>[,] candidates)
    {
        var kept = new HashSet<Footprint>(ReferenceEqualityComparer.Instance);
        for (var j = 0; j < plan.Rows; j++)
            for (var i = 0; i < plan.Columns; i++)
                if (plan.Communities[plan.CommunityAt[i, j]].Spec.Fixed is null) kept.UnionWith(candidates[i, j]);

        foreach (var community in plan.Communities.Where(c => c.Spec.Fixed is not null))
        {
            // Each grid offers the first building of every block before any block's second, so they spread out.
            var perGrid = plan.Grids.Where(g => g.Community == community.Index)
                .Select(g => new Queue<Footprint>(g.Rect.Cells()
                    .SelectMany((c, block) => candidates[c.I, c.J].Select((footprint, rank) => (footprint, rank, block)))
                    .OrderBy(x => x.rank).ThenBy(x => x.block).Select(x => x.footprint)))
                .ToList();
            var wanted = community.Spec.Fixed!.ResidentialBuildings;
            var taken = 0;
            while (taken < wanted && perGrid.Any(q => q.Count > 0))
                foreach (var queue in perGrid.Where(q => q.Count > 0))
                {
                    if (taken == wanted) break;
                    kept.Add(queue.Dequeue());
                    taken++;
                }
            if (taken < wanted)
                throw new InvalidOperationException($"{community.Name} has room for only {taken} of {wanted} buildings");
        }
        return kept;
    }

    private Building Add(Footprint footprint, int i, int j)
    {
        var grid = plan.Grids[plan.GridAt[i, j]];
        var compound = CompoundOf(grid, i, j, footprint.Style);
        var index = Buildings.Count;
        var number = compound.Buildings.Count + 1;
        var building = new Building(Codes.Building(index), $"{compound.Name}{number}号楼", compound.Name, footprint.Style.Use,
            RoundedWgs84.Polygon(footprint.Corners), RoundedWgs84.Point(footprint.Entrance))
        {
            Floors = footprint.Floors,
            YearBuilt = footprint.YearBuilt,
            Households = footprint.Floors * footprint.FlatsPerFloor,
            CommunityCode = plan.Communities[grid.Community].Code,
            GridCode = grid.Code,
        };
        building.Residents = (int)Math.Round(building.Households * (2.4 + 0.8 * rng.NextDouble()));
        compound.Buildings.Add(index);
        Buildings.Add(building);
        return building;
    }

    /// <summary>One compound per micro-grid (or per grid without them); fixed communities name theirs; campuses take the institution's name.</summary>
    private Compound CompoundOf(PlannedGrid grid, int i, int j, BuildingStyle style)
    {
        var community = plan.Communities[grid.Community];
        var fixedNames = community.Spec.Fixed?.Compounds;
        var fixedIndex = fixedNames is null ? 0 : FixedCompoundIndex(grid, fixedNames.Count);
        var key = fixedNames is not null ? -1 - (community.Index * 64 + fixedIndex)
            : grid.Purpose is null && plan.MicroGridAt[i, j] >= 0 ? 1_000_000 + plan.MicroGridAt[i, j]
            : grid.Index;
        if (_compoundsByKey.TryGetValue(key, out var existing)) return existing;

        var name = fixedNames?[fixedIndex] ?? grid.InstitutionName ?? NamePools.CompoundName(Compounds.Count);
        var compound = new Compound(name, grid.Index, community.Index, style, grid.InstitutionName);
        _compoundsByKey[key] = compound;
        Compounds.Add(compound);
        return compound;
    }

    /// <summary>Grids of a fixed community share its named compounds in order: 6 grids, 3 compounds → 2 grids each.</summary>
    private int FixedCompoundIndex(PlannedGrid grid, int compounds)
    {
        var grids = plan.Grids.Where(g => g.Community == grid.Community).ToList();
        return grids.IndexOf(grid) * compounds / grids.Count;
    }

    /// <summary>Scales households and residents of fixed communities to their exact totals.</summary>
    private void FixHouseholds()
    {
        foreach (var community in plan.Communities.Where(c => c.Spec.Fixed is not null))
        {
            var figures = community.Spec.Fixed!;
            var members = Buildings.Where(b => b.CommunityCode == community.Code).ToList();
            var households = HouseholdAllocator.Allocate(figures.Households, members.Select(b => (double)b.Households).ToList());
            var residents = HouseholdAllocator.Allocate(figures.Residents, households.Select(h => (double)h).ToList());
            for (var k = 0; k < members.Count; k++)
                (members[k].Households, members[k].Residents) = (households[k], residents[k]);
        }
    }

    /// <summary>A slab centred on a lane-less corridor, reaching into the blocks of both grids.</summary>
    private PlannedStraddler Straddler(BoundaryRun spot)
    {
        var across = 2 * spot.Line + 1;
        var along = 2 * spot.Start + 0.5;
        (double X, double Y) At(double a) => spot.SideBySide ? lattice.UtmAt(a, along) : lattice.UtmAt(along, a);
        var (near, far, centre) = (At(across), At(across + 1), At(across + 0.5));
        var (dx, dy) = (far.X - near.X, far.Y - near.Y);
        var width = Math.Sqrt(dx * dx + dy * dy);
        var (ux, uy) = (dx / width, dy / width);
        var (vx, vy) = (-uy, ux);
        var half = width / 2 + StraddlerReach;
        const double halfDepth = StraddlerDepth / 2;
        (double X, double Y)[] corners =
        [
            (centre.X - ux * half - vx * halfDepth, centre.Y - uy * half - vy * halfDepth),
            (centre.X + ux * half - vx * halfDepth, centre.Y + uy * half - vy * halfDepth),
            (centre.X + ux * half + vx * halfDepth, centre.Y + uy * half + vy * halfDepth),
            (centre.X - ux * half + vx * halfDepth, centre.Y - uy * half + vy * halfDepth),
        ];
        // Across a side-by-side boundary u points east, so v points north and corner 0→1 is the south side.
        if (!spot.SideBySide) corners = [corners[1], corners[2], corners[3], corners[0]];
        var style = BuildingStyle.WalkUp;
        var footprint = new Footprint(corners, style, rng.Next(5, 8), (int)Math.Round(2 * half / style.MetresPerFlat), rng.Next(1985, 2000));
        var a = spot.SideBySide ? (spot.Line, spot.Start) : (spot.Start, spot.Line);
        return new PlannedStraddler(footprint, a, spot.FirstCellOfB);
    }

    private sealed record PlannedStraddler(Footprint Footprint, (int I, int J) A, (int I, int J) B)
    {
        public bool Touches(int i, int j) => A == (i, j) || B == (i, j);
    }
}
