using MapDashboard.Domain.Findings;

namespace MapDashboard.Domain.Tests.Findings;

public class FindingWorkflowTests
{
    [Theory]
    [InlineData("assign", "new", "assigned")]
    [InlineData("assign", "assigned", "assigned")]
    [InlineData("resolve", "new", "resolved")]
    [InlineData("resolve", "assigned", "resolved")]
    [InlineData("accept", "new", "accepted")]
    [InlineData("accept", "assigned", "accepted")]
    public void An_open_finding_may_be_assigned_resolved_or_accepted(string step, string from, string to)
    {
        var s = FindingWorkflow.Find(step)!;
        Assert.True(s.AllowedFrom(from));
        Assert.Equal(to, s.To);
    }

    [Theory]
    [InlineData("assign", "resolved")]
    [InlineData("assign", "accepted")]
    [InlineData("resolve", "resolved")]
    [InlineData("resolve", "accepted")]
    [InlineData("accept", "resolved")]
    [InlineData("accept", "accepted")]
    public void Resolved_and_accepted_are_ends(string step, string from) =>
        Assert.False(FindingWorkflow.Find(step)!.AllowedFrom(from));

    [Fact]
    public void There_are_three_steps_and_an_unknown_one_is_none()
    {
        Assert.Equal(["accept", "assign", "resolve"], FindingWorkflow.Steps.Keys.Order());
        Assert.Null(FindingWorkflow.Find("close"));
    }

    [Fact]
    public void A_list_shows_new_and_assigned_findings_by_default() =>
        Assert.Equal(["new", "assigned"], FindingWorkflow.Open);
}
