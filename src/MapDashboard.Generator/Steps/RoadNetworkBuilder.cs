using MapDashboard.Generator.Lattice;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Naming;
using MapDashboard.Generator.Projection;

namespace MapDashboard.Generator.Steps;

/// <summary>
/// Draws road centre lines down the middle of the corridors: avenues and streets along their whole line, lanes only
/// on some stretches (and never where a straddling building stands in the corridor).
/// </summary>
public static class RoadNetworkBuilder
{
    private const double LaneChance = 0.7;

    private static readonly string[] Avenues =
        ["东岗西路", "天水南路", "雁滩路", "庆阳路", "平凉路", "焦家湾路", "南昌路", "雁园路", "东岗东路", "拱星墩路"];

    public static List<Road> Build(DistrictLattice lattice, TroubleSites trouble, Random rng)
    {
        var blocked = trouble.Straddles.Select(s => (s.SideBySide, s.Line, s.Start)).ToHashSet();
        var names = new RoadNamer();
        var roads = new List<Road>();
        foreach (var vertical in (bool[])[true, false])
        {
            var classes = vertical ? lattice.EastCorridors : lattice.NorthCorridors;
            var along = vertical ? lattice.Rows : lattice.Columns;
            for (var line = 0; line < classes.Length; line++)
            {
                var roadClass = classes[line];
                var riverside = !vertical && line == classes.Length - 1;
                var name = riverside ? "南滨河东路" : names.Next(roadClass);
                var drawn = Enumerable.Range(0, along)
                    .Select(k => roadClass >= RoadClass.Secondary || (!blocked.Contains((vertical, line, k)) && rng.NextDouble() < LaneChance))
                    .ToArray();
                foreach (var (first, last) in Runs(drawn))
                    roads.Add(new Road(name, roadClass.ToSchemaValue(), RoundedWgs84.Line(CentreLine(lattice, vertical, line, first, last))));
            }
        }
        return roads;
    }

    /// <summary>Lattice points down the corridor's middle, from the crossing before the run to the crossing after it.</summary>
    private static IEnumerable<(double X, double Y)> CentreLine(DistrictLattice lattice, bool vertical, int line, int first, int last)
    {
        var across = 2 * line + 1.5;
        var points = new List<double> { first == 0 ? 0 : 2 * first - 0.5 };
        for (var k = first; k <= last; k++) points.AddRange([2 * k, 2 * k + 1, 2 * k + 1.5]);
        var alongLimit = vertical ? lattice.FineRows : lattice.FineColumns;
        return points.Distinct().Where(a => a <= alongLimit)
            .Select(a => vertical ? lattice.UtmAt(across, a) : lattice.UtmAt(a, across));
    }

    private static IEnumerable<(int First, int Last)> Runs(bool[] drawn)
    {
        var k = 0;
        while (k < drawn.Length)
        {
            if (!drawn[k]) { k++; continue; }
            var first = k;
            while (k < drawn.Length && drawn[k]) k++;
            yield return (first, k - 1);
        }
    }

    /// <summary>Names by class: real Chengguan avenues first, then 路 for streets and 巷 for lanes.</summary>
    private sealed class RoadNamer
    {
        private int _avenues, _streets, _lanes;

        public string Next(RoadClass roadClass) => roadClass switch
        {
            RoadClass.Primary => _avenues < Avenues.Length ? Avenues[_avenues++] : NamePools.Place(_avenues++ + 7) + "大道",
            RoadClass.Secondary => NamePools.Place(_streets++ + 3) + "街",
            _ => NamePools.Place(_lanes++ + 11) + "巷",
        };
    }
}
