using MapDashboard.Data.Patrols;
using MapDashboard.Server.Http;
using MapDashboard.Server.Layers;
using MapDashboard.Server.Options;
using MapDashboard.Server.Patrols.Simulation;
using MapDashboard.Server.Permissions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace MapDashboard.Server.Patrols;

public static class PatrolsRegistration
{
    /// <summary>Each track's worker name, judged by the unit the worker belongs to, as the 'tracks' layer declares.</summary>
    static readonly PersonalDataShape Tracks = PersonalDataShape.ForLayer(LayerCatalog.Find("tracks")!, collection: true);

    /// <summary>Ping ingest (one service for the API and the demo simulator), the service area, and the simulator.</summary>
    public static WebApplicationBuilder AddPatrols(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PatrolOptions.Section);
        builder.Services.Configure<PatrolOptions>(section);
        var rules = (section.Get<PatrolOptions>() ?? new()).ToRules();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new PingIngest(sp.GetRequiredService<NpgsqlDataSource>(), rules, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new PingBulkLoad(sp.GetRequiredService<NpgsqlDataSource>(), rules));
        builder.Services.AddSingleton(sp => new ServiceAreaSource(sp.GetRequiredService<NpgsqlDataSource>()));
        // Hosted services start in registration order: after DatabaseStartup (migrations, district).
        builder.Services.AddHostedService<PatrolSimulator>();
        return builder;
    }

    /// <summary>POST /api/patrols/pings, GET /api/patrols/workers and GET /api/patrols/tracks.</summary>
    public static IEndpointRouteBuilder MapPatrolsApi(this IEndpointRouteBuilder app)
    {
        app.MapPingsApi();
        app.MapWorkersApi();
        app.MapGet("/api/patrols/tracks", TracksApi.Get).Produces<GeoJsonFeatureCollection<TrackProperties>>().Discloses(Tracks).RequireAuthorization(Auth.Policies.Read);
        return app;
    }
}
