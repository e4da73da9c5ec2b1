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

    [Fact]
    public void Open_work_piling_up_turns_a_grid_red_even_in_time()
    {
        Assert.Equal(GridStatus.Yellow, Decide(open: GridStatusRule.RedOpenIncidents - 1));
        Assert.Equal(GridStatus.Red, Decide(open: GridStatusRule.RedOpenIncidents));
    }

    [Fact]
    public void Several_open_hazards_turn_a_grid_yellow_but_fewer_do_not()
    {
        Assert.Equal(GridStatus.Blue, Decide(hazards: GridStatusRule.YellowOpenHazards - 1));
        Assert.Equal(GridStatus.Yellow, Decide(hazards: GridStatusRule.YellowOpenHazards));
    }

    [Fact]
    public void Unmeasured_patrol_coverage_changes_nothing() => Assert.Equal(GridStatus.Blue, Decide(coverage: null));

    [Theory]
    [InlineData(0.9, GridStatus.Blue)]
    [InlineData(0.7, GridStatus.Yellow)]
    [InlineData(0.3, GridStatus.Red)]
    public void Thin_patrol_coverage_turns_a_grid_yellow_and_almost_none_red(double coverage, GridStatus expected) =>
        Assert.Equal(expected, Decide(coverage: coverage));
}
