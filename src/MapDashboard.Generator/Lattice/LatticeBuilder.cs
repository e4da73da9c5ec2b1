using MapDashboard.Domain.Projection;
using MapDashboard.Generator.Layout;

namespace MapDashboard.Generator.Lattice;

/// <summary>
/// Gives the planned super cells their size and place on the ground: block and corridor widths, a gentle warp so the
/// street net is not a ruler-drawn chessboard, and the district's north edge along the Yellow River near 36.0575°N.
/// </summary>
public static class LatticeBuilder
{
    /// <summary>Where the middle of the district's river-side edge lies.</summary>
    public const double NorthEdgeCentreLon = 103.83;
    public const double NorthEdgeCentreLat = 36.0575;

    private const double RiverRoadWidth = 36;

    public static DistrictLattice Build(SizeProfile profile, TerritoryPlan plan, Random rng)
    {
        var east = CorridorClasses(plan, acrossColumns: true);
        var north = CorridorClasses(plan, acrossColumns: false);
        east[^1] = RoadClass.Secondary;   // the district's east edge road
        north[^1] = RoadClass.Primary;    // 南滨河路 along the river

        var blockWidths = RandomBlocks(plan.Columns, profile.BlockSize, rng);
        var blockHeights = RandomBlocks(plan.Rows, profile.BlockSize, rng);
        var corridorWidths = east.Select(c => c.CorridorWidth()).ToArray();
        var corridorHeights = north.Select(c => c.CorridorWidth()).ToArray();
        corridorHeights[^1] = RiverRoadWidth;
        CalibrateFixedAreas(plan, blockWidths, corridorWidths, blockHeights, corridorHeights);

        var xs = NodeOffsets(blockWidths, corridorWidths);
        var ys = NodeOffsets(blockHeights, corridorHeights);
        var warp = Warp.Random(rng);
        var (topX, topY) = Utm48N.FromLonLat(NorthEdgeCentreLon, NorthEdgeCentreLat);
        var originX = topX - xs[^1] / 2;
        var originY = topY - ys[^1];

        return new DistrictLattice(plan.Columns, plan.Rows,
            (i, j) => warp.Apply(originX, originY, xs[i], ys[j]), east, north);
    }

    /// <summary>A corridor that separates two streets carries an avenue, two communities a street, anything else a lane.</summary>
    private static RoadClass[] CorridorClasses(TerritoryPlan plan, bool acrossColumns)
    {
        var lines = acrossColumns ? plan.Columns : plan.Rows;
        var along = acrossColumns ? plan.Rows : plan.Columns;
        var classes = new RoadClass[lines];
        for (var line = 0; line + 1 < lines; line++)
            for (var k = 0; k < along; k++)
            {
                var (a, b) = acrossColumns ? ((line, k), (line + 1, k)) : ((k, line), (k, line + 1));
                var level = plan.StreetAt[a.Item1, a.Item2] != plan.StreetAt[b.Item1, b.Item2] ? RoadClass.Primary
                    : plan.CommunityAt[a.Item1, a.Item2] != plan.CommunityAt[b.Item1, b.Item2] ? RoadClass.Secondary
                    : RoadClass.Residential;
                if (level > classes[line]) classes[line] = level;
            }
        return classes;
    }

    private static double[] RandomBlocks(int count, (double Min, double Max) size, Random rng) =>
        Enumerable.Range(0, count).Select(_ => size.Min + (size.Max - size.Min) * rng.NextDouble()).ToArray();

    /// <summary>Node offsets along one axis: block, corridor, block, corridor … starting at 0.</summary>
    private static double[] NodeOffsets(double[] blocks, double[] corridors)
    {
        var offsets = new double[2 * blocks.Length + 1];
        for (var k = 0; k < blocks.Length; k++)
        {
            offsets[2 * k + 1] = offsets[2 * k] + blocks[k];
            offsets[2 * k + 2] = offsets[2 * k + 1] + corridors[k];
        }
        return offsets;
    }

    /// <summary>
    /// Stretches the blocks of a community with a fixed area (天庆嘉园: 0.45 km²) so its rectangle has that area;
    /// the warp is close to area-preserving, so the polygon measures within a percent or two.
    /// </summary>
    private static void CalibrateFixedAreas(TerritoryPlan plan, double[] blockWidths, double[] corridorWidths,
        double[] blockHeights, double[] corridorHeights)
    {
        foreach (var community in plan.Communities.Where(c => c.Spec.Fixed is not null))
        {
            var r = community.Rect;
            var width = Span(blockWidths, corridorWidths, r.X, r.Width);
            var height = Span(blockHeights, corridorHeights, r.Y, r.Height);
            var scale = Math.Sqrt(community.Spec.Fixed!.AreaKm2 * 1e6 / (width * height));
            Stretch(blockWidths, corridorWidths, r.X, r.Width, width * scale - width);
            Stretch(blockHeights, corridorHeights, r.Y, r.Height, height * scale - height);
        }
    }

    private static double Span(double[] blocks, double[] corridors, int from, int count)
    {
        var total = 0.0;
        for (var k = from; k < from + count; k++) total += blocks[k] + corridors[k];
        return total;
    }

    private static void Stretch(double[] blocks, double[] corridors, int from, int count, double extra)
    {
        for (var k = from; k < from + count; k++) blocks[k] += extra / count;
    }
}
