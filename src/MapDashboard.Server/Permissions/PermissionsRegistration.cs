using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MapDashboard.Server.Permissions;

public static class PermissionsRegistration
{
    /// <summary>The permission rule's services. Sign-in itself (accounts, schemes, the fallback policy) is not here.</summary>
    public static IServiceCollection AddPermissions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JurisdictionUnits>();
        services.AddSingleton<Jurisdiction>();
        services.AddSingleton<Reveals>();
        return services;
    }
}
