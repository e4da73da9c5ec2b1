using MapDashboard.Data;
using MapDashboard.Domain.Projection;
using MapDashboard.Server.Hosting.Cluster;
using MapDashboard.Server.Options;
using Npgsql;

namespace MapDashboard.Server.Database;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers the one NpgsqlDataSource of the process, pointed at the
    /// configured PostGIS or at the private cluster, and the start-up work that
    /// makes it ready (cluster, migrations, demo district) before Kestrel serves.
    /// </summary>
    public static WebApplicationBuilder AddMapDashboardDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        options.ConnectionString ??= NullIfBlank(builder.Configuration.GetConnectionString("MapDashboard"));
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddOptions<MetricCrsOptions>().Bind(builder.Configuration.GetSection(MetricCrsOptions.Section))
            .Validate(o => o.Srid is null || MetricSrids.IsKnown(o.Srid.Value),
                $"{MetricCrsOptions.Section}:Srid must be a UTM zone (32601–32660, 32701–32760) or a CGCS2000 Gauss-Krüger zone (4491–4554)")
            .ValidateOnStart();

        PrivateCluster? cluster = null;
        var connectionString = options.ConnectionString;
        if (connectionString is null)
        {
            var preferred = Path.Combine(builder.Environment.ContentRootPath, options.EmbeddedDirectory);
            cluster = new PrivateCluster(ClusterLocation.Choose(preferred), options.EmbeddedPort, durable: true);
            connectionString = cluster.ConnectionString;
        }

        builder.Services.AddSingleton(new DatabaseTarget(connectionString, cluster));
        builder.Services.AddSingleton(_ => DashboardDataSource.Create(ConnectionSettings.ForDashboard(connectionString), "mapdashboard"));
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }

    static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>What the process connects to; <see cref="Cluster"/> is null when an external PostGIS is configured.</summary>
public sealed record DatabaseTarget(string ConnectionString, PrivateCluster? Cluster);
