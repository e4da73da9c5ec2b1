using MapDashboard.Data.Live;
using MapDashboard.Server.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Live;

/// <summary>Keeps the change log to its retention. Any node may prune; pruning twice is harmless.</summary>
public sealed class ChangeLogPruner(NpgsqlDataSource db, IOptions<LiveOptions> options, BackgroundHealth health, ILogger<ChangeLogPruner> log)
    : PeriodicDatabaseService(health, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PruneEverySeconds);

    protected override string Name => "Change log pruning";

    protected override async Task RunOnceAsync(CancellationToken stop)
    {
        var through = await ChangeLog.PruneAsync(db, TimeSpan.FromSeconds(options.Value.RetentionSeconds), stop);
        if (through > 0) log.LogInformation("Pruned the change log through seq {Seq}", through);
    }
}
