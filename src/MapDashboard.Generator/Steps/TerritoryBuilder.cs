using MapDashboard.Domain.Projection;
using MapDashboard.Generator.Lattice;
using MapDashboard.Generator.Layout;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Naming;
using MapDashboard.Generator.Projection;
using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Steps;

/// <summary>Outlines every territory unit from its cells and records the planted gaps, overlaps and police mismatches.</summary>
public static class TerritoryBuilder
{
    public const string DistrictName = "城关区";

    public static List<TerritoryUnit> Build(TerritoryPlan plan, DistrictLattice lattice, CellMembership cells,
        PoliceLayout police, TroubleSites trouble, Deliberate deliberate)
    {
        var units = new List<TerritoryUnit>
        {
            new(Codes.District, DistrictName, TerritoryKinds.District, null, LatticePolygons.Build(lattice, cells.District)),
        };
        foreach (var street in plan.Streets)
            units.Add(new(street.Code, street.Name, TerritoryKinds.Street, Codes.District, LatticePolygons.Build(lattice, cells.Streets[street.Index])));
        foreach (var community in plan.Communities)
            units.Add(new(community.Code, community.Name, TerritoryKinds.Community, plan.Streets[community.Street].Code,
                LatticePolygons.Build(lattice, cells.Communities[community.Index])));
        foreach (var grid in plan.Grids)
            units.Add(new(grid.Code, grid.Name, grid.Kind, plan.Communities[grid.Community].Code, LatticePolygons.Build(lattice, cells.Grids[grid.Index])));
        foreach (var micro in plan.MicroGrids)
            units.Add(new(micro.Code, micro.Name, TerritoryKinds.MicroGrid, plan.Grids[micro.Grid].Code, LatticePolygons.Build(lattice, cells.MicroGrids[micro.Index])));

        var policeCodes = new List<string>();
        for (var p = 0; p < police.Tiles.Count; p++)
        {
            var code = Codes.PoliceGrid(p, police.Tiles.Count);
            policeCodes.Add(code);
            units.Add(new(code, $"城关公安分局第{p + 1}警格", TerritoryKinds.PoliceGrid, Codes.District, LatticePolygons.Build(lattice, police.Tiles[p])));
        }

        RecordGapsAndOverlaps(plan, lattice, trouble, deliberate);
        RecordPoliceTrouble(plan, lattice, police, policeCodes, deliberate);
        return units;
    }

    private static void RecordGapsAndOverlaps(TerritoryPlan plan, DistrictLattice lattice, TroubleSites trouble, Deliberate deliberate)
    {
        foreach (var gap in trouble.Gaps)
        {
            var (area, centroid) = Measure(lattice, gap.StripCells(lattice));
            var parent = plan.Communities[plan.Grids[gap.GridA].Community].Code;
            deliberate.Gaps.Add(new PlantedGap(parent, [plan.Grids[gap.GridA].Code, plan.Grids[gap.GridB].Code], area, centroid));
        }
        foreach (var overlap in trouble.Overlaps)
        {
            var (area, centroid) = Measure(lattice, overlap.StripCells(lattice));
            deliberate.Overlaps.Add(new PlantedOverlap([plan.Grids[overlap.GridA].Code, plan.Grids[overlap.GridB].Code], area, centroid));
        }
    }

    /// <summary>
    /// The land no police grid covers is a gap in the district's police layer; every police grid whose land lies
    /// in more than one community is a mismatch (largest share first).
    /// </summary>
    private static void RecordPoliceTrouble(TerritoryPlan plan, DistrictLattice lattice, PoliceLayout police,
        IReadOnlyList<string> policeCodes, Deliberate deliberate)
    {
        if (police.Uncovered.Count > 0)
        {
            var uncovered = police.Uncovered.ToHashSet();
            var near = new List<string>();
            for (var p = 0; p < police.Tiles.Count; p++)
                if (police.Tiles[p].Any(cell => Touches(lattice, cell, uncovered))) near.Add(policeCodes[p]);
            var (area, centroid) = Measure(lattice, police.Uncovered);
            deliberate.Gaps.Add(new PlantedGap(Codes.District, near, area, centroid));
        }

        for (var p = 0; p < police.Tiles.Count; p++)
        {
            var communities = police.Tiles[p]
                .Select(cell => lattice.CellOf(cell))
                .GroupBy(c => plan.CommunityAt[c.I / 2, c.J / 2])
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => plan.Communities[g.Key].Code)
                .ToList();
            if (communities.Count > 1) deliberate.PoliceMismatch.Add(new PoliceMismatch(policeCodes[p], communities));
        }
    }

    private static bool Touches(DistrictLattice lattice, int cell, HashSet<int> others)
    {
        var (i, j) = lattice.CellOf(cell);
        foreach (var (di, dj) in ((int, int)[])[(1, 0), (-1, 0), (0, 1), (0, -1)])
        {
            var (ni, nj) = (i + di, j + dj);
            if (ni >= 0 && nj >= 0 && ni < lattice.FineColumns && nj < lattice.FineRows && others.Contains(lattice.CellId(ni, nj)))
                return true;
        }
        return false;
    }

    /// <summary>Area in UTM 48N square metres and the [lon, lat] centroid of a set of cells, as written.</summary>
    private static (double AreaM2, double[] Centroid) Measure(DistrictLattice lattice, IReadOnlyCollection<int> cells)
    {
        Geometry outline = LatticePolygons.Build(lattice, cells);
        var area = Math.Round(MetricMeasure.AreaSquareMetres(outline), 2);
        return (area, RoundedWgs84.LonLat(outline.Centroid.Coordinate));
    }
}
