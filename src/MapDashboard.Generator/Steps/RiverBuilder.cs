using MapDashboard.Generator.Lattice;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Projection;

namespace MapDashboard.Generator.Steps;

/// <summary>
/// The Yellow River (黄河) along the district's north edge: its south bank follows the riverside road a little
/// to the north (a strip of riverside park lies between), and it runs on well past the district both ways.
/// </summary>
public static class RiverBuilder
{
    private const double ParkStrip = 45;
    private const double Overhang = 2500;
    private const double Step = 100;

    public static WaterBody Build(DistrictLattice lattice)
    {
        var edge = Enumerable.Range(0, lattice.NodeColumns).Select(i => lattice.Utm(i, lattice.NodeRows - 1)).ToArray();
        var (west, east) = (edge[0].X - Overhang, edge[^1].X + Overhang);
        var xs = new List<double>();
        for (var x = west; x < east; x += Step) xs.Add(x);
        xs.Add(east);

        var south = xs.Select(x => (x, BankY(edge, x) + ParkStrip)).ToList();
        // Width swings between ~260 and ~400 m, as the river does through Lanzhou.
        var north = xs.Select(x => (x, BankY(edge, x) + ParkStrip + 330 + 70 * Math.Sin(x / 900))).Reverse();
        var ring = south.Concat(north).ToList();
        return new WaterBody("黄河", "river", RoundedWgs84.Polygon(ring));
    }

    /// <summary>The district edge's northing at x; beyond its ends the bank drifts gently north-east.</summary>
    private static double BankY((double X, double Y)[] edge, double x)
    {
        if (x <= edge[0].X) return edge[0].Y - 0.03 * (edge[0].X - x);
        if (x >= edge[^1].X) return edge[^1].Y + 0.03 * (x - edge[^1].X);
        var k = 1;
        while (edge[k].X < x) k++;
        var t = (x - edge[k - 1].X) / (edge[k].X - edge[k - 1].X);
        return edge[k - 1].Y + t * (edge[k].Y - edge[k - 1].Y);
    }
}
