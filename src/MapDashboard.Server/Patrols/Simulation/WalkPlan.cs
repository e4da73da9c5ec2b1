using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace MapDashboard.Server.Patrols.Simulation;

/// <summary>
/// Where one simulated worker walks, in UTM metres: from building entrance to
/// entrance in nearest-neighbour order, or, in a grid with hardly any buildings,
/// a lawn-mower sweep across it. A worker's diligence decides how much of the
/// plan they actually walk (back and forth over that part). Most walk all of it, as a working district's
/// workers do; about one in eight skips a quarter (thin coverage, yellow) and one in fourteen walks well under half
/// (red): a few grids the wall can point at, each for a reason, not a wall of red (with a quarter of workers at
/// a tenth of their plan and a quarter at 30 %, half the grids were red once the 24 h window had run).
/// </summary>
public static class WalkPlan
{
    const double SweepSpacingMetres = 50;
    const double SweepStepMetres = 25;
    const double NeglectfulShare = 0.07, NeglectfulDiligence = 0.4;
    const double HurriedShare = 0.12, HurriedDiligence = 0.75;

    public static List<Coordinate> Waypoints(Geometry gridUtm, double[] entrancesXy, Random random)
    {
        var entrances = Enumerable.Range(0, entrancesXy.Length / 2)
            .Select(i => new Coordinate(entrancesXy[2 * i], entrancesXy[2 * i + 1])).ToList();
        var plan = entrances.Count >= 3 ? NearestNeighbourTour(entrances, random.Next(entrances.Count)) : Sweep(gridUtm);
        if (plan.Count == 0) plan = [gridUtm.InteriorPoint.Coordinate];
        var share = Diligence(random.NextDouble());
        return plan.Take(Math.Max(2, (int)Math.Ceiling(share * plan.Count))).ToList();
    }

    static double Diligence(double dice) =>
        dice < NeglectfulShare ? NeglectfulDiligence : dice < NeglectfulShare + HurriedShare ? HurriedDiligence : 1.0;

    static List<Coordinate> NearestNeighbourTour(List<Coordinate> stops, int start)
    {
        var left = new List<Coordinate>(stops);
        var tour = new List<Coordinate> { left[start] };
        left.RemoveAt(start);
        while (left.Count > 0)
        {
            var here = tour[^1];
            var next = left.MinBy(c => c.Distance(here))!;
            tour.Add(next);
            left.Remove(next);
        }
        return tour;
    }

    /// <summary>Rows across the grid's bounding box, alternating direction, keeping the points inside the grid.</summary>
    static List<Coordinate> Sweep(Geometry grid)
    {
        var inside = PreparedGeometryFactory.Prepare(grid);
        var box = grid.EnvelopeInternal;
        var points = new List<Coordinate>();
        var row = 0;
        for (var y = box.MinY + SweepSpacingMetres / 2; y < box.MaxY; y += SweepSpacingMetres, row++)
        {
            var xs = new List<double>();
            for (var x = box.MinX + SweepStepMetres / 2; x < box.MaxX; x += SweepStepMetres) xs.Add(x);
            if (row % 2 == 1) xs.Reverse();
            points.AddRange(xs.Select(x => new Coordinate(x, y)).Where(c => inside.Contains(grid.Factory.CreatePoint(c))));
        }
        return points;
    }
}
