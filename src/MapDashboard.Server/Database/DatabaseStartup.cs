using MapDashboard.Data.Audit;
using MapDashboard.Data.Incidents;
using MapDashboard.Data.Loading;
using MapDashboard.Data.MetricCrs;
using MapDashboard.Data.Migrations;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Database;

/// <summary>
/// Runs before Kestrel starts listening (hosted services start first), so the
/// first request already finds the schema and the district in place.
/// </summary>
public sealed class DatabaseStartup(
    DatabaseTarget target,
    NpgsqlDataSource db,
    IOptions<DemoOptions> demo,
    IOptions<MetricCrsOptions> metricCrs,
    IWebHostEnvironment environment,
    ILogger<DatabaseStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancel)
    {
        if (target.Cluster is { } cluster)
        {
            log.LogInformation("Starting the private PostGIS cluster in {Directory} on port {Port}", cluster.DataDirectory, cluster.Port);
            await cluster.EnsureStartedAsync(cancel);
        }

        var applied = await MigrationRunner.ApplyAsync(db, cancel);
        log.LogInformation("Schema at version {Version} ({Applied} migrations applied now)", MigrationRunner.LatestVersion, applied);

        if (demo.Value.LoadOnStart)
        {
            var directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, demo.Value.DataDirectory));
            var result = await DistrictLoader.LoadIfEmptyAsync(db, directory, cancel, AuditScope.System("district loader", "import"));
            if (result.Loaded)
                log.LogInformation("Loaded the demo district from {Directory}: {Units} territory units, {Buildings} buildings, {Hazards} hazards",
                    directory, result.Units, result.Buildings, result.Hazards);
            var accounts = await Auth.DemoAccounts.EnsureAsync(db, new Data.Accounts.AccountStore(db), Auth.DemoAccounts.DistrictCodeIn(directory) ?? "", cancel);
            if (accounts > 0) log.LogInformation("Created {Count} demo accounts (one per role; passwords in README.md)", accounts);
        }

        // After the load: unconfigured, the district's location decides the frame.
        await using (var conn = await db.OpenConnectionAsync(cancel))
        {
            var srid = await MetricCrsSetting.ConfigureAsync(conn, metricCrs.Value.Srid, cancel);
            log.LogInformation("Metric frame EPSG:{Srid} ({Source})", srid, metricCrs.Value.Srid is null ? "the district's UTM zone" : "configured");
        }

        // Grid colours depend on time passing (stages go overdue while nothing is written), so
        // they are computed once before the first request, not left to the first periodic pass.
        var sweep = await EscalationSweep.RunOnceAsync(db, cancel);
        log.LogInformation("Grid status computed: {Grids} grids recoloured, {Escalated} incidents escalated", sweep.GridsRecoloured, sweep.Escalated);
    }

    // The private cluster outlives the server on purpose: the next run reuses it at once.
    public Task StopAsync(CancellationToken cancel) => Task.CompletedTask;
}
