using MapDashboard.Data.Coverage;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>The periodic coverage chore's pace: busy at most its share of the time, resting the rest after each batch.</summary>
public class DrainPaceTests
{
    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.25, 3.0)]
    public void A_share_of_the_time_busy_rests_the_rest_after_each_batch(double share, double restPerBusy)
    {
        var pace = DrainPace.Sharing(share, 10);
        Assert.Equal(restPerBusy, pace.RestPerBusy, 9);
        Assert.Equal(10, pace.BatchSize);
        Assert.Equal(share, 1 / (1 + pace.RestPerBusy), 9);
    }

    [Theory]
    [InlineData(0.0, 10)]
    [InlineData(-0.5, 10)]
    [InlineData(1.5, 10)]
    [InlineData(0.5, 0)]
    public void A_share_outside_zero_to_one_or_an_empty_batch_is_refused(double share, int batch) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => DrainPace.Sharing(share, batch));

    [Fact]
    public void Full_speed_never_rests() => Assert.Equal(0, DrainPace.FullSpeed.RestPerBusy);
}
