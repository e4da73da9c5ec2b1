using MapDashboard.Domain.Incidents;

namespace MapDashboard.Domain.Tests.Incidents;

public class DeskRulesTests
{
    [Theory]
    [InlineData(IncidentStage.Dispatched)]
    [InlineData(IncidentStage.Accepted)]
    public void Reassigning_a_sent_incident_sends_it_again_to_be_accepted(IncidentStage stage)
    {
        var d = DeskRules.Decide(stage, EscalationLevel.Grid, DeskAction.Reassign);
        Assert.True(d.Allowed);
        Assert.Equal(IncidentStage.Dispatched, d.To);
    }

    [Theory]
    [InlineData(IncidentStage.Reported, "dispatch it first")]
    [InlineData(IncidentStage.Resolved, "the work is done")]
    [InlineData(IncidentStage.Rated, "the work is done")]
    public void Reassigning_before_dispatch_or_after_the_work_is_refused(IncidentStage stage, string why)
    {
        var d = DeskRules.Decide(stage, EscalationLevel.Grid, DeskAction.Reassign);
        Assert.False(d.Allowed);
        Assert.Equal(stage, d.To);
        Assert.Contains(why, d.Refusal);
    }

    [Fact]
    public void Escalating_keeps_the_stage_and_stops_at_the_street()
    {
        Assert.Equal(IncidentStage.Accepted, DeskRules.Decide(IncidentStage.Accepted, EscalationLevel.Community, DeskAction.Escalate).To);
        Assert.True(DeskRules.Decide(IncidentStage.Reported, EscalationLevel.Grid, DeskAction.Escalate).Allowed);
        var top = DeskRules.Decide(IncidentStage.Dispatched, EscalationLevel.Street, DeskAction.Escalate);
        Assert.False(top.Allowed);
        Assert.Contains("already at the street", top.Refusal);
        Assert.False(DeskRules.Decide(IncidentStage.Resolved, EscalationLevel.Grid, DeskAction.Escalate).Allowed);
    }

    [Fact]
    public void Nothing_the_desk_does_applies_to_a_closed_incident_and_linking_closes_any_open_one()
    {
        foreach (var action in Enum.GetValues<DeskAction>())
            Assert.Equal($"cannot {action.Name()} an incident that is closed", DeskRules.Decide(IncidentStage.Closed, EscalationLevel.Grid, action).Refusal);
        foreach (var stage in Enum.GetValues<IncidentStage>().Where(s => s != IncidentStage.Closed))
            Assert.Equal(IncidentStage.Closed, DeskRules.Decide(stage, EscalationLevel.Grid, DeskAction.Link).To);
    }

    [Fact]
    public void A_duplicate_links_only_to_another_open_incident_that_is_no_copy_itself()
    {
        Assert.Null(DeskRules.LinkRefusal("I000002", IncidentStage.Accepted, "I000001", null));
        Assert.Contains("itself", DeskRules.LinkRefusal("I000001", IncidentStage.Reported, "i000001", null));
        Assert.Contains("link to I000009 instead", DeskRules.LinkRefusal("I000002", IncidentStage.Closed, "I000001", "I000009"));
        Assert.Contains("is closed", DeskRules.LinkRefusal("I000002", IncidentStage.Closed, "I000001", null));
    }
}
