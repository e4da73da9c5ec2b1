using MapDashboard.Domain.Incidents;

namespace MapDashboard.Domain.Tests.Incidents;

public class GridStatusRuleTests
{
    static GridStatus Decide(int overdue = 0, int open = 0, int hazards = 0, double? coverage = null) =>
        GridStatusRule.Decide(new GridStatusInputs(overdue, open, hazards, coverage));

    [Fact]
    public void A_quiet_grid_is_blue() => Assert.Equal(GridStatus.Blue, Decide());

    [Fact]
    public void One_overdue_incident_turns_a_grid_red() => Assert.Equal(GridStatus.Red, Decide(overdue: 1, open: 1));

    [Fact]
    public void One_open_incident_in_time_turns_a_grid_yellow() => Assert.Equal(GridStatus.Yellow, Decide(open: 1));

    // The numbers are the documented rule (README, "Grid status"), not the constants under test: a change of
    // threshold must change the documentation and this test together.
    [Fact]
    public void Five_open_incidents_turn_a_grid_red_even_in_time_and_four_do_not()
    {
        Assert.Equal(GridStatus.Yellow, Decide(open: 4));
        Assert.Equal(GridStatus.Red, Decide(open: 5));
    }

    [Fact]
    public void Three_open_hazards_turn_a_grid_yellow_and_two_do_not()
    {
        Assert.Equal(GridStatus.Blue, Decide(hazards: 2));
        Assert.Equal(GridStatus.Yellow, Decide(hazards: 3));
    }

    [Fact]
    public void Unmeasured_patrol_coverage_changes_nothing() => Assert.Equal(GridStatus.Blue, Decide(coverage: null));

    [Theory]
    [InlineData(0.80, GridStatus.Blue)]
    [InlineData(0.79, GridStatus.Yellow)]
    [InlineData(0.50, GridStatus.Yellow)]
    [InlineData(0.49, GridStatus.Red)]
    public void Coverage_under_80_percent_turns_a_grid_yellow_and_under_50_percent_red(double coverage, GridStatus expected) =>
        Assert.Equal(expected, Decide(coverage: coverage));
}

/// <summary>The reasons a verdict gives: the rule that fired as a code, the grid's figure and the threshold.</summary>
public class GridStatusReasonTests
{
    static GridVerdict Judge(int overdue = 0, int open = 0, int hazards = 0, double? coverage = null, double? history = 48) =>
        GridStatusRule.Judge(new GridStatusInputs(overdue, open, hazards, coverage, history));

    [Fact]
    public void A_grid_red_for_three_overdue_incidents_says_so_with_the_figure()
    {
        var v = Judge(overdue: 3, open: 3);
        Assert.Equal(GridStatus.Red, v.Status);
        Assert.Equal([new GridReason("overdue", 3, 1)], v.Reasons);
    }

    [Fact]
    public void A_grid_red_for_coverage_gives_the_share_in_whole_percent_rounded_down_and_the_threshold()
    {
        var v = Judge(coverage: 0.499);
        Assert.Equal(GridStatus.Red, v.Status);
        Assert.Equal([new GridReason("coverage_low", 49, 50)], v.Reasons);
    }

    [Fact]
    public void A_grid_red_for_two_rules_lists_both_and_not_the_yellow_ones()
    {
        var v = Judge(overdue: 1, open: 6, hazards: 4, coverage: 0.7);
        Assert.Equal(["overdue", "open_incidents_many"], v.Reasons.Select(r => r.Rule));
        Assert.Equal(new GridReason("open_incidents_many", 6, 5), v.Reasons[1]);
    }

    [Fact]
    public void A_yellow_grid_names_its_open_hazards_incidents_and_thin_coverage()
    {
        var v = Judge(open: 2, hazards: 3, coverage: 0.6);
        Assert.Equal(GridStatus.Yellow, v.Status);
        Assert.Equal([new GridReason("open_incidents", 2, 1), new GridReason("open_hazards", 3, 3), new GridReason("coverage_thin", 60, 80)], v.Reasons);
    }

    [Fact]
    public void A_blue_grid_has_no_reason() => Assert.Empty(Judge(coverage: 0.9).Reasons);

    [Fact]
    public void Coverage_younger_than_its_24_hour_window_colours_nothing_and_says_how_young_it_is()
    {
        var v = Judge(coverage: 0.33, history: 1.56);
        Assert.Equal(GridStatus.Blue, v.Status);
        Assert.Equal([new GridReason("coverage_young", 1.5, 24)], v.Reasons);
    }

    [Fact]
    public void Young_coverage_is_noted_on_a_grid_red_for_another_reason_too()
    {
        var v = Judge(overdue: 1, open: 1, coverage: 0.1, history: 3);
        Assert.Equal(GridStatus.Red, v.Status);
        Assert.Equal(["overdue", "coverage_young"], v.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void Young_coverage_that_would_colour_nothing_needs_no_note() => Assert.Empty(Judge(coverage: 0.85, history: 2).Reasons);

    [Fact]
    public void Coverage_with_a_full_window_of_history_colours_as_before() =>
        Assert.Equal(GridStatus.Red, Judge(coverage: 0.33, history: 24).Status);
}
