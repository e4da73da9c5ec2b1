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
