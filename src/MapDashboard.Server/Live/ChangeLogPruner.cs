using MapDashboard.Data.Live;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Live;

/// <summary>Keeps the change log to its retention. Any node may prune; pruning twice is harmless.</summary>
public sealed class ChangeLogPruner(NpgsqlDataSource db, IOptions<LiveOptions> options, ILogger<ChangeLogPruner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var o = options.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, o.PruneEverySeconds)));
        while (!stop.IsCancellationRequested)
        {
            try { await timer.WaitForNextTickAsync(stop); }
            catch (OperationCanceledException) { return; }
            try
            {
                var through = await ChangeLog.PruneAsync(db, TimeSpan.FromSeconds(o.RetentionSeconds), stop);
                if (through > 0) log.LogInformation("Pruned the change log through seq {Seq}", through);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                log.LogWarning("Change log pruning failed: {Error}", e.Message);
            }
        }
    }
}
