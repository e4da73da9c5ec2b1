namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>The district's wall clock (Asia/Shanghai): "today" for patrol figures starts at its midnight.</summary>
public static class DistrictClock
{
    static readonly TimeZoneInfo District = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>How long ago the district's today began.</summary>
    public static TimeSpan SinceMidnight() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, District).TimeOfDay;
}
