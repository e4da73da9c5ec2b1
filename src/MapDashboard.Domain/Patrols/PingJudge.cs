using MapDashboard.Domain.Projection;

namespace MapDashboard.Domain.Patrols;

/// <summary>
/// The flagging tier: pings that are possible but not trustworthy are stored
/// with a reason and never count as positions. A poor fix is flagged before the
/// speed check and takes no part in it (its error would make honest neighbours
/// look fast).
/// </summary>
public static class PingJudge
{
    /// <param name="pings">Valid pings, at most one per (worker, recordedAt).</param>
    /// <param name="storedTrusted">Per worker, their stored trusted pings around the new ones (in <paramref name="frame"/>).</param>
    /// <param name="frame">The district's metric frame, in which speeds are taken.</param>
    /// <returns>Per ping (same order), null when trusted, else the flag reason.</returns>
    public static string?[] Flags(IReadOnlyList<ValidPing> pings, Func<int, IReadOnlyList<TrackPoint>> storedTrusted, PingRules rules,
        MetricFrame frame)
    {
        var flags = new string?[pings.Count];
        for (var i = 0; i < pings.Count; i++)
            if (pings[i].Accuracy > rules.MaxAccuracyMetres) flags[i] = PingReasons.PoorAccuracy;

        foreach (var worker in Enumerable.Range(0, pings.Count).Where(i => flags[i] is null).GroupBy(i => pings[i].WorkerId))
        {
            var indices = worker.ToArray();
            var impossible = SpeedJudge.Impossible(storedTrusted(worker.Key), indices.Select(i => pings[i].ToTrackPoint(frame)).ToList(), rules);
            for (var k = 0; k < indices.Length; k++)
                if (impossible[k]) flags[indices[k]] = PingReasons.ImpossibleSpeed;
        }
        return flags;
    }
}
