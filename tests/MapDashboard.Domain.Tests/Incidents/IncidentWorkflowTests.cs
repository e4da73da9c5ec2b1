using MapDashboard.Domain.Incidents;

namespace MapDashboard.Domain.Tests.Incidents;

public class IncidentWorkflowTests
{
    [Theory]
    [InlineData(IncidentStage.Reported, IncidentAction.Dispatch, IncidentStage.Dispatched)]
    [InlineData(IncidentStage.Dispatched, IncidentAction.Accept, IncidentStage.Accepted)]
    [InlineData(IncidentStage.Accepted, IncidentAction.Resolve, IncidentStage.Resolved)]
    [InlineData(IncidentStage.Rated, IncidentAction.Close, IncidentStage.Closed)]
    public void Each_step_of_the_loop_moves_to_the_next_stage(IncidentStage from, IncidentAction action, IncidentStage to)
    {
        var d = IncidentWorkflow.Decide(from, action);
        Assert.True(d.Allowed, d.Refusal);
        Assert.Equal(to, d.To);
        Assert.False(d.Reopened);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void A_satisfied_rating_moves_a_resolved_incident_to_rated(int rating)
    {
        var d = IncidentWorkflow.Decide(IncidentStage.Resolved, IncidentAction.Rate, rating);
        Assert.Equal((true, IncidentStage.Rated, false), (d.Allowed, d.To, d.Reopened));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_rating_of_two_or_less_reopens_the_incident_for_dispatch_again(int rating)
    {
        var d = IncidentWorkflow.Decide(IncidentStage.Resolved, IncidentAction.Rate, rating);
        Assert.Equal((true, IncidentStage.Dispatched, true), (d.Allowed, d.To, d.Reopened));
    }

    [Fact]
    public void Accepting_an_undispatched_incident_is_refused_naming_the_stage_it_needs()
    {
        var d = IncidentWorkflow.Decide(IncidentStage.Reported, IncidentAction.Accept);
        Assert.False(d.Allowed);
        Assert.Equal(IncidentStage.Reported, d.To);
        Assert.Equal("cannot accept an incident that is reported: accept needs it to be dispatched", d.Refusal);
    }

    [Fact]
    public void Nothing_can_be_done_to_a_closed_incident()
    {
        foreach (var action in Enum.GetValues<IncidentAction>())
        {
            var d = IncidentWorkflow.Decide(IncidentStage.Closed, action, action == IncidentAction.Rate ? 5 : null);
            Assert.False(d.Allowed);
            Assert.Equal($"cannot {action.Name()} an incident that is closed", d.Refusal);
        }
    }

    [Fact]
    public void Closing_before_the_resident_rated_is_refused()
    {
        var d = IncidentWorkflow.Decide(IncidentStage.Resolved, IncidentAction.Close);
        Assert.False(d.Allowed);
        Assert.Contains("close needs it to be rated", d.Refusal);
    }

    [Theory]
    [InlineData(null, "rate needs a rating from 1 to 5")]
    [InlineData(0, "rating 0 is not between 1 and 5")]
    [InlineData(6, "rating 6 is not between 1 and 5")]
    public void A_rating_outside_one_to_five_is_refused(int? rating, string reason)
    {
        var d = IncidentWorkflow.Decide(IncidentStage.Resolved, IncidentAction.Rate, rating);
        Assert.False(d.Allowed);
        Assert.Equal(reason, d.Refusal);
    }

    [Fact]
    public void A_rating_sent_with_another_action_is_refused()
    {
        var d = IncidentWorkflow.Decide(IncidentStage.Accepted, IncidentAction.Resolve, 4);
        Assert.False(d.Allowed);
        Assert.Equal("only rate takes a rating, not resolve", d.Refusal);
    }

    [Fact]
    public void Every_stage_except_the_last_has_exactly_one_action_that_leaves_it_forward_and_dispatched_also_decline()
    {
        foreach (var stage in Enum.GetValues<IncidentStage>())
        {
            var leaving = Enum.GetValues<IncidentAction>()
                .Count(a => IncidentWorkflow.Decide(stage, a, a == IncidentAction.Rate ? 4 : null).Allowed);
            Assert.Equal(stage switch { IncidentStage.Closed => 0, IncidentStage.Dispatched => 2, _ => 1 }, leaving);
        }
    }

    [Fact]
    public void Declining_a_dispatched_task_puts_it_back_in_the_dispatchers_queue()
    {
        var d = IncidentWorkflow.Decide(IncidentStage.Dispatched, IncidentAction.Decline);
        Assert.Equal((true, IncidentStage.Reported, false), (d.Allowed, d.To, d.Reopened));
    }

    [Theory]
    [InlineData(IncidentStage.Reported)]
    [InlineData(IncidentStage.Accepted)]
    [InlineData(IncidentStage.Resolved)]
    public void Only_a_dispatched_task_can_be_declined(IncidentStage stage)
    {
        var d = IncidentWorkflow.Decide(stage, IncidentAction.Decline);
        Assert.False(d.Allowed);
        Assert.Contains("decline needs it to be dispatched", d.Refusal);
    }

    [Theory]
    [InlineData(0, 1, IncidentStage.Dispatched, true)]
    [InlineData(1, 2, IncidentStage.Dispatched, true)]
    [InlineData(2, 1, IncidentStage.Rated, false)]  // reopened twice already: the rating ends the loop
    [InlineData(2, 5, IncidentStage.Rated, false)]
    [InlineData(0, 3, IncidentStage.Rated, false)]
    public void A_low_rating_reopens_at_most_twice(int reopens, int rating, IncidentStage to, bool reopened)
    {
        var d = IncidentWorkflow.Decide(IncidentStage.Resolved, IncidentAction.Rate, rating, reopens);
        Assert.True(d.Allowed);
        Assert.Equal((to, reopened), (d.To, d.Reopened));
    }
}
