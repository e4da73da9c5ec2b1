using MapDashboard.Data.Residents;

namespace MapDashboard.Server.Report;

public static class ReportRegistration
{
    /// <summary>The resident's door: its tracking links (also read by the photo access rule).</summary>
    public static WebApplicationBuilder AddResidentReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResidentTracking>();
        return builder;
    }
}
