using MapDashboard.Domain.Patrols;

namespace MapDashboard.Domain.Tests.Patrols;

public class SpeedJudgeTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    // Points in UTM metres directly: the judge never sees degrees.
    static TrackPoint At(double seconds, double east, double north = 0, double accuracy = 0) =>
        new(T0.AddSeconds(seconds), 400_000 + east, 3_990_000 + north, accuracy);

    static bool[] Judge(TrackPoint[] stored, params TrackPoint[] candidates) => SpeedJudge.Impossible(stored, candidates, PingRules.Default);

    [Fact]
    public void Walking_pace_is_possible() => Assert.Equal([false, false], Judge([At(0, 0)], At(5, 6), At(10, 12)));

    [Fact]
    public void A_spike_between_two_good_pings_is_impossible_and_the_ping_after_it_is_not()
    {
        // 0 s, 5 s and 15 s walk east; at 10 s the fix is 1 km north.
        Assert.Equal([false, true, false], Judge([At(0, 0)], At(5, 6), At(10, 12, 1000), At(15, 18)));
    }

    [Fact]
    public void A_glitch_as_the_newest_ping_is_impossible_against_its_predecessor() =>
        Assert.Equal([false, true], Judge([], At(0, 0), At(5, 900)));

    [Fact]
    public void A_late_ping_is_judged_against_its_time_neighbours_not_the_newest_stored_ping()
    {
        // Stored t0 at 0 m and t100 at 500 m; a ping recorded at t50 at 250 m arrives last.
        Assert.Equal([false], Judge([At(0, 0), At(100, 500)], At(50, 250)));
        // At t50 but at 0 m it needs 10 m/s to reach t100: still consistent with t0 (the worker stood, then ran);
        // only a ping impossible against both neighbours is a glitch.
        Assert.Equal([false], Judge([At(0, 0), At(100, 500)], At(50, 0)));
        Assert.Equal([true], Judge([At(0, 0), At(100, 500)], At(50, 250, 2000)));
    }

    [Fact]
    public void A_batch_arriving_in_any_order_is_judged_in_time_order() =>
        Assert.Equal([false, true, false], Judge([At(0, 0)], At(15, 18), At(10, 12, 1000), At(5, 6)));

    [Fact]
    public void A_ping_with_no_earlier_trusted_ping_is_judged_only_against_a_stored_successor()
    {
        Assert.Equal([true], Judge([At(100, 0)], At(50, 3000)));
        // Nothing stored: the first ping cannot be judged, and the good ping after it is not poisoned by it.
        Assert.Equal([false, false], Judge([], At(0, 0), At(5, 6)));
    }

    [Fact]
    public void Reported_accuracy_is_allowed_for_so_honest_noise_is_not_a_sprint()
    {
        // 30 m in 2 s is 15 m/s; with ±10 m fixes it is at most 5 m/s of real movement.
        Assert.True(SpeedJudge.TooFast(At(0, 0), At(2, 30), PingRules.Default));
        Assert.False(SpeedJudge.TooFast(At(0, 0, accuracy: 10), At(2, 30, accuracy: 10), PingRules.Default));
    }
}
