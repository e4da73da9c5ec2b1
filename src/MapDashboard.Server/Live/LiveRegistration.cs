using MapDashboard.Data.Live;
using MapDashboard.Server.Http;
using Npgsql;

namespace MapDashboard.Server.Live;

public static class LiveRegistration
{
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LiveOptions.Section);
        builder.Services.Configure<LiveOptions>(section);
        var live = section.Get<LiveOptions>() ?? new LiveOptions();
        live.EnsureTimeoutsAgree();
        builder.Services.AddSignalR(o =>
        {
            o.EnableDetailedErrors = false;
            o.KeepAliveInterval = TimeSpan.FromMilliseconds(live.KeepAliveMilliseconds);
            o.ClientTimeoutInterval = TimeSpan.FromSeconds(live.ClientTimeoutSeconds);
        });
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangeFeed>());
        builder.Services.AddHostedService<ChangeLogPruner>();
        builder.Services.AddHostedService<PositionPublisher>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        // The hub negotiates and streams its own transport (text bodies on long polling): not a JSON door.
        app.MapHub<MapHub>("/hubs/map").WithMetadata(MapDashboard.Server.Doors.SkipDoor.Instance).RequireAuthorization(Auth.Policies.Read);
        // The snapshot stamp: read this before loading tiles, then Subscribe with it as sinceSeq.
        app.MapGet("/api/live/position", async (NpgsqlDataSource db, CancellationToken cancel) =>
        {
            var (newest, prunedThrough) = await ChangeLog.PositionAsync(db, cancel);
            return TypedResults.Ok(new LivePosition(newest, prunedThrough, LiveLayers.ProtocolVersion));
        }).Produces<LivePosition>().RequireAuthorization(Auth.Policies.Read);
        return app;
    }
}
