using MapDashboard.Generator.Lattice;
using MapDashboard.Generator.Layout;

namespace MapDashboard.Generator.Steps;

/// <summary>
/// The police grids (警格): an independent partition of the district into tiles of super cells, shifted by one fine
/// cell and by half a tile against the community grids so their edges run on the other side of the road or through
/// other blocks altogether, as the real two layers do. A riverside corner is left to no police grid on purpose.
/// </summary>
public sealed class PoliceLayout
{
    public required IReadOnlyList<HashSet<int>> Tiles { get; init; }
    public required IReadOnlyList<int> Uncovered { get; init; }

    public static PoliceLayout Build(SizeProfile profile, DistrictLattice lattice)
    {
        var (tileColumns, tileRows) = profile.PoliceTile;
        var (offsetI, offsetJ) = (tileColumns / 2, tileRows / 2);
        var tiles = new SortedDictionary<(int Row, int Column), HashSet<int>>();
        var uncovered = new List<int>();

        for (var j = 0; j < lattice.FineRows; j++)
            for (var i = 0; i < lattice.FineColumns; i++)
            {
                // Shifting by one fine cell puts a corridor with the block east of it, not west of it.
                var (pi, pj) = ((i + 1) / 2, (j + 1) / 2);
                var cell = lattice.CellId(i, j);
                if (pi >= lattice.Columns - 1 && pj >= lattice.Rows - 1)
                {
                    uncovered.Add(cell);
                    continue;
                }
                // Rows count from the north so JG-01 sits in the north-west, where a reader starts.
                var key = (-(pj + offsetJ) / tileRows, (pi + offsetI) / tileColumns);
                if (!tiles.TryGetValue(key, out var set)) tiles[key] = set = [];
                set.Add(cell);
            }
        return new PoliceLayout { Tiles = tiles.Values.ToList(), Uncovered = uncovered };
    }
}
