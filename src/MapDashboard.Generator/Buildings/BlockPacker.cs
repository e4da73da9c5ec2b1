using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Buildings;

/// <summary>
/// Fills a block with buildings of one style in rows, south to north, each row west to east. Rows and gaps keep
/// buildings apart; the block's setback keeps them off the corridors, where the roads run.
/// </summary>
public static class BlockPacker
{
    private const double Nudge = 4;
    private const double ObstacleClearance = 4;
    private static readonly GeometryFactory Planar = new();

    public static List<Footprint> Pack(BlockFrame frame, BuildingStyle style, IReadOnlyList<(double X, double Y)[]> obstacles, Random rng)
    {
        var placed = new List<Footprint>();
        var blocked = obstacles.Select(o => ToPolygon(o).Buffer(ObstacleClearance)).ToList();
        var v = frame.MinV;
        while (v < frame.MaxV && placed.Count < style.MaxPerBlock)
        {
            var depth = rng.Between(style.Depth);
            var rowFilled = false;
            var u = frame.MinU;
            while (u < frame.MaxU && placed.Count < style.MaxPerBlock)
            {
                var tower = rng.NextDouble() < style.TowerChance;
                var length = tower ? depth * (1.1 + 0.3 * rng.NextDouble()) : rng.Between(style.Length);
                var corners = frame.Rectangle(u, v, length, depth);
                if (frame.Holds(corners) && !blocked.Any(b => b.Intersects(ToPolygon(corners))))
                {
                    placed.Add(new Footprint(corners, style, rng.Next(style.Floors.Min, style.Floors.Max + 1),
                        FlatsPerFloor(style, length), rng.Next(style.YearBuilt.Min, style.YearBuilt.Max + 1)));
                    u += length + style.GapAlong;
                    rowFilled = true;
                }
                else
                {
                    u += Nudge;
                }
            }
            v += rowFilled ? depth + style.GapBetweenRows : Nudge;
        }
        return placed;
    }

    private static int FlatsPerFloor(BuildingStyle style, double length) =>
        style.IsResidential ? Math.Max(2, (int)Math.Round(length / style.MetresPerFlat)) : 0;

    public static Polygon ToPolygon(IReadOnlyList<(double X, double Y)> corners) =>
        Planar.CreatePolygon(corners.Append(corners[0]).Select(p => new Coordinate(p.X, p.Y)).ToArray());
}
