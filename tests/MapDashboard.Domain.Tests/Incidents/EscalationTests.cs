using MapDashboard.Domain.Incidents;

namespace MapDashboard.Domain.Tests.Incidents;

public class EscalationTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly StageTimeLimits Limits = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(24));

    [Fact]
    public void Each_timed_stage_is_due_its_own_limit_after_it_was_entered()
    {
        Assert.Equal(Now.AddMinutes(30), Limits.DueAt(IncidentStage.Reported, Now));
        Assert.Equal(Now.AddHours(2), Limits.DueAt(IncidentStage.Dispatched, Now));
        Assert.Equal(Now.AddHours(24), Limits.DueAt(IncidentStage.Accepted, Now));
    }

    [Theory]
    [InlineData(IncidentStage.Resolved)]
    [InlineData(IncidentStage.Rated)]
    [InlineData(IncidentStage.Closed)]
    public void Stages_waiting_on_the_resident_or_finished_have_no_due_time(IncidentStage stage)
    {
        Assert.Null(Limits.DueAt(stage, Now));
        Assert.False(Escalation.IsOverdue(stage, Now.AddDays(-9), Now));
    }

    [Fact]
    public void A_timed_stage_is_overdue_only_once_its_due_time_has_passed()
    {
        Assert.False(Escalation.IsOverdue(IncidentStage.Dispatched, Now.AddSeconds(1), Now));
        Assert.True(Escalation.IsOverdue(IncidentStage.Dispatched, Now.AddSeconds(-1), Now));
        Assert.False(Escalation.IsOverdue(IncidentStage.Dispatched, null, Now));
    }

    [Fact]
    public void An_overdue_grid_incident_goes_to_the_community_with_a_fresh_window()
    {
        var d = Escalation.OnOverdue(IncidentStage.Dispatched, EscalationLevel.Grid, Limits, Now);
        Assert.True(d.Escalated);
        Assert.Equal(EscalationLevel.Community, d.Level);
        Assert.Equal(Now.AddHours(2), d.NewDueAt);
        Assert.Equal("dispatched stage exceeded its limit of 2 h; escalated grid → community", d.Note);
    }

    [Fact]
    public void An_overdue_community_incident_goes_to_the_street()
    {
        var d = Escalation.OnOverdue(IncidentStage.Reported, EscalationLevel.Community, Limits, Now);
        Assert.Equal((true, EscalationLevel.Street), (d.Escalated, d.Level));
        Assert.Equal("reported stage exceeded its limit of 30 min; escalated community → street", d.Note);
    }

    [Fact]
    public void The_street_is_the_top_an_incident_overdue_there_is_not_pushed_further_up()
    {
        var d = Escalation.OnOverdue(IncidentStage.Accepted, EscalationLevel.Street, Limits, Now);
        Assert.False(d.Escalated);
        Assert.Equal(EscalationLevel.Street, d.Level);
        Assert.Null(d.NewDueAt);
    }

    [Fact]
    public void Escalating_a_stage_without_a_time_limit_is_a_programming_error()
    {
        Assert.Throws<InvalidOperationException>(() => Escalation.OnOverdue(IncidentStage.Resolved, EscalationLevel.Grid, Limits, Now));
    }
}
