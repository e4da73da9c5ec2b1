using MapDashboard.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace MapDashboard.Server.Auth;

/// <summary>
/// Nothing without sign-in: the fallback policy requires a signed-in account on every endpoint that names no
/// policy of its own; the doors open to all say so explicitly (AllowAnonymous): the sign-in page and static assets,
/// /api/health, /api/auth/token and /api/auth/signin, Open311 (its API keys).
/// </summary>
public static class AuthRegistration
{
    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        // Built by hand: its optional audit actor is per write (As), not a service to inject.
        services.AddSingleton(sp => new CredentialCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AccountStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<CredentialCache>()));
        services.AddHostedService<CredentialChangeListener>();
        services.AddHostedService<AccessTokenPruner>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<HubConnectionsFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<HubConnectionsFilter>());
        services.AddHostedService<HubCredentialRecheck>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationAnswers>();
        services.AddSingleton<IAuthorizationHandler, IncidentStepHandler>();

        services.AddAuthentication(AuthSchemes.Dashboard)
            .AddPolicyScheme(AuthSchemes.Dashboard, "Bearer token or session cookie", o => o.ForwardDefaultSelector = AuthSchemes.Select)
            .AddScheme<AuthenticationSchemeOptions, BearerHandler>(AuthSchemes.Bearer, null)
            .AddScheme<AuthenticationSchemeOptions, SessionHandler>(AuthSchemes.Session, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AuthSchemes.Dashboard).RequireAuthenticatedUser().Build())
            .AddDashboardPolicies();
        services.AddDashboardRateLimits();
        return builder;
    }

    /// <summary>After routing (policies are read from the endpoint): who is it, rate limits, may they, the anti-forgery check; then the auth endpoints.</summary>
    public static WebApplication UseDashboardAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<CsrfCheck>();
        app.MapAuthApi();
        app.MapAccountsApi();
        app.MapDevicesApi();
        return app;
    }
}
