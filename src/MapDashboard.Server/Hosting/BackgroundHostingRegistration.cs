using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MapDashboard.Server.Hosting;

public static class BackgroundHostingRegistration
{
    /// <summary>
    /// The host's rule for a background service whose ExecuteAsync escapes with an error. .NET's default, StopHost,
    /// took the whole server down for one bad row (a report routed nowhere, a ping dated year 1); the deliberate
    /// choice here is Ignore: the services derive from <see cref="SupervisedBackgroundService"/>, which restarts
    /// its loop and reports the fault in /api/health, and the host keeps serving the map whatever one chore does.
    /// </summary>
    public static WebApplicationBuilder AddBackgroundSupervision(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        builder.Services.AddSingleton<BackgroundHealth>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
