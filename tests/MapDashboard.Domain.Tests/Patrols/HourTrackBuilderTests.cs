using MapDashboard.Domain.Patrols;

namespace MapDashboard.Domain.Tests.Patrols;

public class HourTrackBuilderTests
{
    // The run starts at 07:00 (epoch seconds of a whole hour); pings walk east along a parallel near Lanzhou.
    const double From = 1_795_762_800, Hour = 3600, Lat = 36.06;
    static readonly TrackRules Rules = new(GapSeconds: 300, MaxSpeedMetresPerSecond: 8);

    // ~1 m east per metre: 1 / (111,320 · cos 36.06°) degrees.
    static readonly double DegreesPerMetre = 1 / (111320 * Math.Cos(Lat * Math.PI / 180));

    static TrackPing At(double seconds, double east) => new(From + seconds, 103.8 + east * DegreesPerMetre, Lat);

    /// <summary>Every 5 s, 1 m/s, from <paramref name="first"/> to <paramref name="last"/> seconds after 07:00.</summary>
    static List<TrackPing> Walk(double first, double last) =>
        Enumerable.Range(0, (int)((last - first) / 5) + 1).Select(i => At(first + i * 5, first + i * 5)).ToList();

    [Fact]
    public void A_walk_across_the_top_of_the_hour_is_cut_there_and_the_second_hour_carries_on_the_first()
    {
        var pieces = HourTrackBuilder.Build(Walk(Hour - 60, Hour + 200), From, 2, Rules, null);

        Assert.Equal(2, pieces.Count);
        var (before, after) = (pieces[0], pieces[1]);
        Assert.Equal((0, 1, 12, false), (before.HourNo, before.Piece, before.Pings, before.Continued));
        Assert.Equal((1, 1, 41, true), (after.HourNo, after.Piece, after.Pings, after.Continued));
        // The first hour's line ends on the ping at 08:00:00 itself; the second starts on it.
        Assert.Equal(From + Hour, before.Vertices[^1].T);
        Assert.Equal(From + Hour, after.Vertices[0].T);
        Assert.Equal(before.Vertices[^1], after.Vertices[0]);
        Assert.Equal(13, before.Vertices.Length);
        Assert.Equal(41, after.Vertices.Length);
    }

    [Fact]
    public void An_edge_crossed_between_two_pings_is_interpolated_by_time()
    {
        // Pings at 07:59:57 and 08:00:02: the edge is 3/5 of the way, 3 m east of the first.
        var pieces = HourTrackBuilder.Build(Walk(Hour - 3, Hour + 17), From, 2, Rules, null);

        var edge = pieces[0].Vertices[^1];
        Assert.Equal(From + Hour, edge.T);
        Assert.Equal(At(0, Hour).Lon, edge.Lon, 12);
        Assert.Equal(edge, pieces[1].Vertices[0]);
        Assert.True(pieces[1].Continued);
    }

    [Fact]
    public void The_pings_just_outside_a_run_extend_its_line_to_the_run_edges_but_are_not_counted()
    {
        // The run is the single hour 08:00; pings from 07:59:58 to 09:00:03.
        var walk = Walk(Hour - 2, 2 * Hour + 3);
        var pieces = HourTrackBuilder.Build(walk, From + Hour, 1, Rules, null);

        var piece = Assert.Single(pieces);
        Assert.Equal(From + Hour, piece.Vertices[0].T);
        Assert.Equal(From + 2 * Hour, piece.Vertices[^1].T);
        Assert.Equal(720, piece.Pings); // 08:00:03, 08:00:08, … 08:59:58
        Assert.True(piece.Continued);
    }

    [Fact]
    public void A_silence_longer_than_the_gap_or_an_impossible_jump_breaks_the_track()
    {
        var pings = Walk(0, 100);
        pings.AddRange(Walk(500, 600));                                  // 400 s of silence
        pings.AddRange(Walk(605, 700).Select(p => p with { Lon = p.Lon + 200 * DegreesPerMetre })); // 200 m in 5 s

        var pieces = HourTrackBuilder.Build(pings, From, 1, Rules, null);

        Assert.Equal([1, 2, 3], pieces.Select(p => p.Piece));
        Assert.Equal([21, 21, 20], pieces.Select(p => p.Pings));
        Assert.Equal([100.0, 100, 95], pieces.Select(p => p.Vertices[^1].T - p.Vertices[0].T));
        Assert.All(pieces, p => Assert.False(p.Continued));
    }

    [Fact]
    public void A_lone_ping_is_no_line()
    {
        Assert.Empty(HourTrackBuilder.Build([At(10, 0)], From, 1, Rules, null));
        Assert.Empty(HourTrackBuilder.Build([At(10, 0), At(1000, 0)], From, 1, Rules, null));
    }

    [Fact]
    public void Time_in_the_own_grid_counts_the_steps_ending_in_it_and_splits_the_step_across_the_hour()
    {
        // The own grid is everything east of 100 m: from 07:58:20 (100 s before the hour) onward.
        bool InOwn(TrackPing p) => p.Lon >= At(0, 100).Lon - 1e-12;
        var walk = Walk(0, 200).Select(p => p with { T = p.T + Hour - 200 }).ToList(); // 07:56:40 → 08:00:00, east 0 → 200 m

        var pieces = HourTrackBuilder.Build(walk, From, 2, Rules, InOwn);

        // Steps ending at 100, 105, … 195 m: 20 steps of 5 s; and the step to the ping at 08:00:00 (200 m, in the
        // grid), which belongs to the first hour up to the edge: all 5 s of it.
        Assert.Equal(105, Assert.Single(pieces).OwnSeconds, 9);
    }

    [Fact]
    public void A_step_across_the_hour_ending_in_the_own_grid_is_split_between_the_hours()
    {
        bool Everywhere(TrackPing _) => true;
        // Pings at 07:59:57 and 08:00:02 and on: 3 s of the step before the edge, 2 s after it.
        var pieces = HourTrackBuilder.Build(Walk(Hour - 3, Hour + 17), From, 2, Rules, Everywhere);

        Assert.Equal(3, pieces[0].OwnSeconds, 9);
        Assert.Equal(17, pieces[1].OwnSeconds, 9);
    }

    [Fact]
    public void A_worker_without_a_grid_spends_no_time_in_it()
    {
        var pieces = HourTrackBuilder.Build(Walk(0, 100), From, 1, Rules, null);
        Assert.Equal(0, Assert.Single(pieces).OwnSeconds);
    }
}
