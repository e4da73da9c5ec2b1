using MapDashboard.Domain.Patrols;

namespace MapDashboard.Domain.Tests.Patrols;

public class CoverageWindowTests
{
    static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // 2026-11-22 01:30 in Lanzhou (UTC+8): still the 21st in UTC.
    static readonly DateTimeOffset Now = new(2026, 11, 21, 17, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Today_starts_at_local_midnight_not_at_UTC_midnight()
    {
        var w = CoverageWindow.Parse("today", Now, Shanghai)!;
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.FromHours(8)), w.From);
        Assert.Equal(Now, w.To);
    }

    [Fact]
    public void The_last_24_hours_roll_with_the_clock()
    {
        var w = CoverageWindow.Parse("24h", Now, Shanghai)!;
        Assert.Equal(Now.AddHours(-24), w.From);
    }

    [Fact]
    public void Seven_days_are_today_and_the_six_local_days_before_it()
    {
        var w = CoverageWindow.Parse("7d", Now, Shanghai)!;
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(8)), w.From);
    }

    [Theory]
    [InlineData("month")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Today")]
    public void An_unknown_window_is_refused(string? name) => Assert.Null(CoverageWindow.Parse(name, Now, Shanghai));
}
