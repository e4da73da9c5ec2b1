namespace MapDashboard.Domain.Patrols;

/// <summary>
/// Orders the stops of a suggested patrol walk: an open path from the worker's start that visits every stop
/// once and need not return. Exact ordering is a travelling-salesman problem; a grid has tens of stops, so
/// nearest neighbour (a fair first walk) improved by 2-opt (uncross two legs) and or-opt (move a run of up
/// to three stops elsewhere) until neither shortens it lands within a few percent of the best order in
/// practice — the tests hold it to 1.25× brute force. Straight-line distance: the demo has no road network,
/// and the planner edits the line afterwards anyway.
/// </summary>
public static class RouteSuggester
{
    /// <summary>Indexes into <paramref name="stops"/> in visiting order, each exactly once.</summary>
    public static int[] Order(MetricPoint start, IReadOnlyList<MetricPoint> stops)
    {
        var path = NearestNeighbour(start, stops);
        // Position 0 of the walk is the start itself; it never moves.
        var walk = new MetricPoint[path.Count + 1];
        walk[0] = start;
        for (var i = 0; i < path.Count; i++) walk[i + 1] = stops[path[i]];

        var improved = true;
        while (improved)
            improved = TwoOpt(walk, path) | OrOpt(walk, path);
        return path.ToArray();
    }

    /// <summary>Length of the open walk start → stops in <paramref name="order"/>, in metres.</summary>
    public static double Length(MetricPoint start, IReadOnlyList<MetricPoint> stops, IReadOnlyList<int> order)
    {
        var length = 0.0;
        var at = start;
        foreach (var i in order)
        {
            length += at.DistanceTo(stops[i]);
            at = stops[i];
        }
        return length;
    }

    static List<int> NearestNeighbour(MetricPoint start, IReadOnlyList<MetricPoint> stops)
    {
        var left = new HashSet<int>(Enumerable.Range(0, stops.Count));
        var order = new List<int>(stops.Count);
        var at = start;
        while (left.Count > 0)
        {
            var next = left.MinBy(i => at.DistanceTo(stops[i]));
            left.Remove(next);
            order.Add(next);
            at = stops[next];
        }
        return order;
    }

    // Gains must beat floating-point noise, or two equal orders could swap forever.
    const double MinGain = 1e-9;

    /// <summary>Reverses walk[i..j] wherever that shortens the walk. The path after j may be empty (open end).</summary>
    static bool TwoOpt(MetricPoint[] walk, List<int> path)
    {
        var any = false;
        var n = walk.Length - 1;
        for (var i = 1; i < n; i++)
        for (var j = i + 1; j <= n; j++)
        {
            var before = walk[i - 1].DistanceTo(walk[i]) + (j < n ? walk[j].DistanceTo(walk[j + 1]) : 0);
            var after = walk[i - 1].DistanceTo(walk[j]) + (j < n ? walk[i].DistanceTo(walk[j + 1]) : 0);
            if (after < before - MinGain)
            {
                Array.Reverse(walk, i, j - i + 1);
                path.Reverse(i - 1, j - i + 1);
                any = true;
            }
        }
        return any;
    }

    /// <summary>Moves a run of 1–3 consecutive stops to another place in the walk wherever that shortens it.</summary>
    static bool OrOpt(MetricPoint[] walk, List<int> path)
    {
        for (var run = 1; run <= 3; run++)
        for (var from = 1; from + run - 1 < walk.Length; from++)
        {
            var last = from + run - 1;
            var hasNext = last + 1 < walk.Length;
            // What taking the run out saves.
            var removed = walk[from - 1].DistanceTo(walk[from]) + (hasNext ? walk[last].DistanceTo(walk[last + 1]) : 0)
                          - (hasNext ? walk[from - 1].DistanceTo(walk[last + 1]) : 0);
            for (var to = 0; to < walk.Length; to++)
            {
                if (to >= from - 1 && to <= last) continue; // inserting after a stop of the run or its predecessor changes nothing
                var hasAfter = to + 1 < walk.Length;
                var added = walk[to].DistanceTo(walk[from]) + (hasAfter ? walk[last].DistanceTo(walk[to + 1]) : 0)
                            - (hasAfter ? walk[to].DistanceTo(walk[to + 1]) : 0);
                if (added < removed - MinGain)
                {
                    MoveRun(walk, path, from, run, to);
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Takes walk[from..from+run) out and puts it right after walk[to] (indexes before the move).</summary>
    static void MoveRun(MetricPoint[] walk, List<int> path, int from, int run, int to)
    {
        var points = walk.ToList();
        var movedPoints = points.GetRange(from, run);
        var movedStops = path.GetRange(from - 1, run);
        points.RemoveRange(from, run);
        path.RemoveRange(from - 1, run);
        var insertAt = to < from ? to + 1 : to + 1 - run;
        points.InsertRange(insertAt, movedPoints);
        path.InsertRange(insertAt - 1, movedStops);
        points.CopyTo(walk);
    }
}
