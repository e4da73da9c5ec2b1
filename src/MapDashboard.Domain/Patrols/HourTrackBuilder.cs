namespace MapDashboard.Domain.Patrols;

/// <summary>A trusted ping as a track needs it: epoch seconds (the track's M) and WGS84 degrees.</summary>
public readonly record struct TrackPing(double T, double Lon, double Lat);

/// <summary>Where a track breaks: two pings more than the gap apart in time, or farther apart than the speed allows.</summary>
public sealed record TrackRules(double GapSeconds, double MaxSpeedMetresPerSecond);

/// <summary>
/// One piece of a worker's track within one clock hour of a run: its vertices (M = epoch seconds), the pings
/// recorded within the hour, the seconds along it spent in the worker's own grid, and whether it carries on the
/// previous hour's piece (it then starts at the hour's first instant).
/// </summary>
public sealed record HourPiece(int HourNo, int Piece, TrackPing[] Vertices, int Pings, double OwnSeconds, bool Continued);

/// <summary>
/// Cuts one worker's run of consecutive clock hours into track pieces per hour, in one ordered pass over its
/// trusted pings. The track breaks where two pings are more than the gap apart in time, or farther apart than a
/// plausible speed allows: no line is drawn across a gap. A piece that carries on across an hour's edge is cut
/// there by time (the segment crossing the edge is interpolated), so the hours partition the track exactly: no
/// length, time or visit is counted twice or lost at an hour boundary.
/// </summary>
/// <remarks>
/// This was SQL (window functions over every ping, once in migrations 0015 and 0017); the rules are those, and so are the answers.
/// Moved here because the windows cost ~6.5 µs per ping and were half of the city-day's recomputation; one pass
/// in C# over an ordered read costs a fraction of a microsecond. Assumes the gap is under an hour, as the dirty
/// marking does: a step longer than an hour would cross an hour with no ping, which no piece stands for.
/// </remarks>
public static class HourTrackBuilder
{
    const double HourSeconds = 3600;

    /// <param name="pings">The run's trusted pings in time order, with the last ping before the run and the first
    /// after it when they are within the gap (the track may run across the run's edges).</param>
    /// <param name="fromT">The run's first hour's start, epoch seconds.</param>
    /// <param name="hours">How many consecutive hours the run has.</param>
    /// <param name="inOwnGrid">Whether a ping lies in (or on) the worker's own grid; null when the worker has none.</param>
    public static List<HourPiece> Build(IReadOnlyList<TrackPing> pings, double fromT, int hours, TrackRules rules, Func<TrackPing, bool>? inOwnGrid)
    {
        var groups = GroupByPieceAndHour(pings, fromT, rules, inOwnGrid);
        var pieces = new List<HourPiece>();
        var numberInHour = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            if (group.HourNo < 0 || group.HourNo >= hours) continue;
            if (g == 0 || groups[g - 1].HourNo != group.HourNo) numberInHour = 0;

            var h0 = fromT + group.HourNo * HourSeconds;
            // The piece runs on into the next hour when the next group is the same piece.
            TrackPing? next = g + 1 < groups.Count && groups[g + 1].Piece == group.Piece ? pings[groups[g + 1].First] : null;
            var vertices = Clip(pings, group, next, h0);
            if (vertices.Length < 2) continue;
            numberInHour++;
            if (vertices[^1].T <= vertices[0].T) continue;

            // The step out of the hour is split at the edge; each half counts where the ping ending it is.
            var leavesInOwn = next is { } n && inOwnGrid is not null && inOwnGrid(n);
            var ownSeconds = group.OwnSeconds + (leavesInOwn ? h0 + HourSeconds - pings[group.Last].T : 0);
            pieces.Add(new HourPiece(group.HourNo, numberInHour, vertices, group.Last - group.First + 1, ownSeconds, group.Entered));
        }
        return pieces;
    }

    /// <summary>The pings of one piece within one hour: indices into the run's pings.</summary>
    sealed record HourGroup(int Piece, int HourNo, int First, int Last, bool Entered, double OwnSeconds);

    static List<HourGroup> GroupByPieceAndHour(IReadOnlyList<TrackPing> pings, double fromT, TrackRules rules, Func<TrackPing, bool>? inOwnGrid)
    {
        var groups = new List<HourGroup>();
        int piece = 0, first = 0, hourNo = 0;
        var entered = false;
        var own = 0.0;
        for (var i = 0; i < pings.Count; i++)
        {
            var p = pings[i];
            var breaks = i == 0 || Breaks(pings[i - 1], p, rules);
            var h = (int)Math.Floor((p.T - fromT) / HourSeconds);
            if (i == 0 || breaks || h != hourNo)
            {
                if (i > 0) groups.Add(new HourGroup(piece, hourNo, first, i - 1, entered, own));
                if (breaks) piece++;
                (first, hourNo, entered, own) = (i, h, !breaks, 0);
            }
            // Time in the worker's own grid: a step counts there when the ping ending it is; a step across the
            // hour's start counts from the start.
            if (!breaks && inOwnGrid is not null && inOwnGrid(p))
                own += p.T - Math.Max(pings[i - 1].T, fromT + h * HourSeconds);
        }
        if (pings.Count > 0) groups.Add(new HourGroup(piece, hourNo, first, pings.Count - 1, entered, own));
        return groups;
    }

    /// <summary>
    /// The step between two pings in metres on a local tangent plane (good to a fraction of a percent over a few
    /// hundred metres): a projection per ping would cost more than the rest of the track together.
    /// </summary>
    public static bool Breaks(TrackPing previous, TrackPing p, TrackRules rules)
    {
        var seconds = p.T - previous.T;
        if (seconds > rules.GapSeconds) return true;
        var dx = (p.Lon - previous.Lon) * 111320 * Math.Cos(p.Lat * Math.PI / 180);
        var dy = (p.Lat - previous.Lat) * 110574;
        return Math.Sqrt(dx * dx + dy * dy) > rules.MaxSpeedMetresPerSecond * Math.Max(seconds, 1);
    }

    /// <summary>
    /// The group's line from the ping before the hour (when the piece entered it) to the ping after it (when it
    /// runs on), cut at the hour's edges by M.
    /// </summary>
    static TrackPing[] Clip(IReadOnlyList<TrackPing> pings, HourGroup group, TrackPing? next, double h0)
    {
        var vertices = new List<TrackPing>(group.Last - group.First + 3);
        if (group.Entered && pings[group.First].T > h0)
            vertices.Add(AtTime(pings[group.First - 1], pings[group.First], h0));
        for (var i = group.First; i <= group.Last; i++) vertices.Add(pings[i]);
        if (next is { } n)
            vertices.Add(n.T == h0 + HourSeconds ? n : AtTime(pings[group.Last], n, h0 + HourSeconds));
        return [.. vertices];
    }

    /// <summary>The point of the segment a→b at time t, by linear interpolation (a.T ≤ t ≤ b.T).</summary>
    static TrackPing AtTime(TrackPing a, TrackPing b, double t)
    {
        var f = (t - a.T) / (b.T - a.T);
        return new TrackPing(t, a.Lon + f * (b.Lon - a.Lon), a.Lat + f * (b.Lat - a.Lat));
    }
}
