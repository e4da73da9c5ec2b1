using MapDashboard.Server.Options;

namespace MapDashboard.Server.Coverage;

public static class CoverageRegistration
{
    /// <summary>Coverage settings and the chore that folds new pings into tracks, covers and visits.</summary>
    public static WebApplicationBuilder AddCoverage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoverageOptions>().Bind(builder.Configuration.GetSection(CoverageOptions.Section))
            .Validate(o => o.BusyShare is > 0 and <= 1, $"{CoverageOptions.Section}:BusyShare must be more than 0 and at most 1")
            .Validate(o => o.BatchSize > 0, $"{CoverageOptions.Section}:BatchSize must be positive")
            .ValidateOnStart();
        builder.Services.AddSingleton<CoverageClock>();
        // After DatabaseStartup (hosted services start in registration order): the schema exists by then.
        builder.Services.AddHostedService<CoverageRefreshService>();
        return builder;
    }
}
