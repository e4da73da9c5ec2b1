using MapDashboard.Domain.Patrols;
using MapDashboard.Domain.Projection;

namespace MapDashboard.Domain.Tests.Patrols;

public class PingJudgeTests
{
    static readonly MetricFrame Frame = MetricFrame.ForSrid(32648);
    static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_poor_fix_is_flagged_for_accuracy_and_takes_no_part_in_the_speed_check()
    {
        // Worker 1: good, poor (60 m > 50 m and 1 km off), good. Without the accuracy flag the middle one would be a speed flag.
        ValidPing[] pings =
        [
            new(1, T0, 103.83, 36.05, 5),
            new(1, T0.AddSeconds(5), 103.84, 36.05, 60),
            new(1, T0.AddSeconds(10), 103.83005, 36.05, 5),
        ];
        Assert.Equal(new string?[] { null, PingReasons.PoorAccuracy, null }.AsEnumerable(), PingJudge.Flags(pings, _ => [], PingRules.Default, Frame));
    }

    [Fact]
    public void Each_worker_is_judged_against_their_own_track()
    {
        // Two workers 1 km apart pinging at the same moments: neither is fast.
        ValidPing[] pings =
        [
            new(1, T0, 103.83, 36.05, 5), new(2, T0, 103.84, 36.05, 5),
            new(1, T0.AddSeconds(5), 103.83005, 36.05, 5), new(2, T0.AddSeconds(5), 103.84005, 36.05, 5),
        ];
        Assert.All(PingJudge.Flags(pings, _ => [], PingRules.Default, Frame), Assert.Null);
    }

    [Fact]
    public void A_ping_far_from_the_stored_track_is_flagged_impossible_speed()
    {
        var stored = TrackPoint.FromLonLat(Frame, T0, 103.83, 36.05, 5);
        ValidPing[] pings = [new(1, T0.AddSeconds(10), 103.85, 36.05, 5)]; // ~1.8 km in 10 s
        Assert.Equal(new string?[] { PingReasons.ImpossibleSpeed }.AsEnumerable(), PingJudge.Flags(pings, w => w == 1 ? [stored] : [], PingRules.Default, Frame));
    }
}
