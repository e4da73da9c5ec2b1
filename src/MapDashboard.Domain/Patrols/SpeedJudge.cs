namespace MapDashboard.Domain.Patrols;

/// <summary>
/// Which of one worker's new pings imply an impossible speed. A ping is judged
/// against its time-neighbours, never the order pings arrived in (devices resend
/// old pings after a dead zone): the previous trusted ping (stored, or an earlier
/// ping of this batch already judged good) and the next ping in time.
///
/// A ping is impossible when it is too far from its previous neighbour AND also
/// from its next one (a spike), or from its previous one when nothing follows
/// (the glitch is the newest ping). Asking for both neighbours keeps one glitch
/// from poisoning the pings after it: the good ping following a spike agrees with
/// its own next neighbour. A ping with no trusted predecessor is judged only
/// against a stored trusted successor, which is established truth; an unjudged
/// successor from the same batch could itself be the glitch.
///
/// Distances are reduced by both fixes' reported accuracy (each capped at the
/// accuracy limit): two honest 1-second-apart fixes with 10 m of noise each are
/// not a 20 m/s sprint.
/// </summary>
public static class SpeedJudge
{
    /// <param name="storedTrusted">The worker's stored trusted pings around the new ones (at least the nearest before and after each).</param>
    /// <param name="candidates">The worker's new pings that are not otherwise flagged.</param>
    /// <returns>For each candidate (same order), whether its speed is impossible.</returns>
    public static bool[] Impossible(IReadOnlyList<TrackPoint> storedTrusted, IReadOnlyList<TrackPoint> candidates, PingRules rules)
    {
        var impossible = new bool[candidates.Count];
        var order = Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i].At).ToArray();
        var stored = storedTrusted.OrderBy(p => p.At).ToList();
        var acceptedSoFar = new List<TrackPoint>(); // batch pings judged good, in time order

        for (var k = 0; k < order.Length; k++)
        {
            var ping = candidates[order[k]];
            var previous = Latest(Before(stored, ping.At), acceptedSoFar.LastOrDefault());
            var nextStored = stored.FirstOrDefault(s => s.At > ping.At);
            var nextCandidate = k + 1 < order.Length ? candidates[order[k + 1]] : null;
            var next = Earliest(nextStored, nextCandidate);

            impossible[order[k]] = previous is null
                ? nextStored is not null && TooFast(ping, nextStored, rules)
                : TooFast(previous, ping, rules) && (next is null || TooFast(ping, next, rules));
            if (!impossible[order[k]]) acceptedSoFar.Add(ping);
        }
        return impossible;
    }

    public static bool TooFast(TrackPoint a, TrackPoint b, PingRules rules)
    {
        var allowance = Math.Min(a.AccuracyMetres, rules.MaxAccuracyMetres) + Math.Min(b.AccuracyMetres, rules.MaxAccuracyMetres);
        var metres = Math.Max(0, a.MetresTo(b) - allowance);
        var seconds = Math.Abs((b.At - a.At).TotalSeconds);
        if (seconds < 1e-3) return metres > 0;
        return metres / seconds > rules.MaxSpeedMetresPerSecond;
    }

    static TrackPoint? Before(List<TrackPoint> sorted, DateTimeOffset at) => sorted.LastOrDefault(s => s.At < at);

    static TrackPoint? Latest(TrackPoint? a, TrackPoint? b) => a is null ? b : b is null ? a : a.At >= b.At ? a : b;

    static TrackPoint? Earliest(TrackPoint? a, TrackPoint? b) => a is null ? b : b is null ? a : a.At <= b.At ? a : b;
}
