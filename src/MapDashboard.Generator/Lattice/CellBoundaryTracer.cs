namespace MapDashboard.Generator.Lattice;

/// <summary>
/// Traces the boundary of a set of fine cells along lattice edges, keeping every lattice node it passes (even where
/// the boundary runs straight on), so neighbours share vertices and no T-junction can open a sliver after rounding.
/// </summary>
public static class CellBoundaryTracer
{
    // Directions: 0 east, 1 north, 2 west, 3 south.
    private static readonly (int Di, int Dj)[] Steps = [(1, 0), (0, 1), (-1, 0), (0, -1)];

    /// <summary>Closed rings of node ids (first node not repeated); shells counter-clockwise, holes clockwise.</summary>
    public static IReadOnlyList<int[]> Trace(DistrictLattice lattice, IReadOnlyCollection<int> cells)
    {
        var members = cells as ISet<int> ?? new HashSet<int>(cells);
        var outgoing = new Dictionary<int, List<(int To, int Dir)>>();
        var order = new List<(int From, int To, int Dir)>();

        foreach (var cell in cells.OrderBy(c => c))
        {
            var (i, j) = lattice.CellOf(cell);
            // Counter-clockwise sides; a side is on the boundary when the neighbour across it is not a member.
            AddIfBoundary(lattice, members, outgoing, order, i, j, 0, i, j - 1);     // south side, heading east
            AddIfBoundary(lattice, members, outgoing, order, i + 1, j, 1, i + 1, j); // east side, heading north
            AddIfBoundary(lattice, members, outgoing, order, i + 1, j + 1, 2, i, j + 1); // north side, heading west
            AddIfBoundary(lattice, members, outgoing, order, i, j + 1, 3, i - 1, j); // west side, heading south
        }

        var used = new HashSet<(int, int)>();
        var rings = new List<int[]>();
        foreach (var start in order)
        {
            if (!used.Add((start.From, start.To))) continue;
            var ring = new List<int> { start.From };
            var current = start;
            while (true)
            {
                var next = LeftmostTurn(outgoing[current.To], current.Dir);
                if (next.To == start.To && current.To == start.From) break;
                ring.Add(current.To);
                used.Add((current.To, next.To));
                current = (current.To, next.To, next.Dir);
            }
            rings.Add([.. ring]);
        }
        return rings;
    }

    private static void AddIfBoundary(DistrictLattice lattice, ISet<int> members,
        Dictionary<int, List<(int To, int Dir)>> outgoing, List<(int From, int To, int Dir)> order,
        int fromI, int fromJ, int dir, int neighbourI, int neighbourJ)
    {
        var inside = neighbourI >= 0 && neighbourJ >= 0 && neighbourI < lattice.FineColumns && neighbourJ < lattice.FineRows
            && members.Contains(lattice.CellId(neighbourI, neighbourJ));
        if (inside) return;
        var from = lattice.NodeId(fromI, fromJ);
        var to = lattice.NodeId(fromI + Steps[dir].Di, fromJ + Steps[dir].Dj);
        if (!outgoing.TryGetValue(from, out var list)) outgoing[from] = list = [];
        list.Add((to, dir));
        order.Add((from, to, dir));
    }

    /// <summary>
    /// At a node where two cells touch only at a corner the boundary could go two ways; turning as far left as
    /// possible (the interior is on the left) keeps the two rings apart, so each stays simple and the polygon valid.
    /// </summary>
    private static (int To, int Dir) LeftmostTurn(List<(int To, int Dir)> candidates, int heading)
    {
        if (candidates.Count == 1) return candidates[0];
        foreach (var turn in (int[])[1, 0, 3])
            foreach (var candidate in candidates)
                if (candidate.Dir == (heading + turn) % 4) return candidate;
        throw new InvalidOperationException("boundary reverses on itself");
    }

    /// <summary>Twice the signed area in node-index space: positive for a counter-clockwise ring.</summary>
    public static long SignedArea2(DistrictLattice lattice, int[] ring)
    {
        long sum = 0;
        for (var k = 0; k < ring.Length; k++)
        {
            var (i1, j1) = lattice.NodeOf(ring[k]);
            var (i2, j2) = lattice.NodeOf(ring[(k + 1) % ring.Length]);
            sum += (long)i1 * j2 - (long)i2 * j1;
        }
        return sum;
    }
}
