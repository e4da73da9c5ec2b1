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

    /// <summary>Tracks, grid coverage, route analysis, planned-vs-walked comparison and route suggestion.</summary>
    public static IEndpointRouteBuilder MapCoverageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patrols/tracks", TracksApi.Get).RequireAuthorization(Auth.Policies.Read);
        app.MapGet("/api/grids/{code}/coverage", GridCoverageApi.Get).RequireAuthorization(Auth.Policies.Read);
        app.MapPost("/api/routes/analysis", RouteAnalysisApi.Post).RequireAuthorization(Auth.Policies.Plan);
        app.MapGet("/api/routes/{id:long}/comparison", RouteComparisonApi.Get).RequireAuthorization(Auth.Policies.Read);
        app.MapPost("/api/grids/{code}/route-suggestion", RouteSuggestionApi.Post).RequireAuthorization(Auth.Policies.Plan);
        return app;
    }
}
