using MapDashboard.Data.Live;
using MapDashboard.Server.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Live;

/// <summary>
/// Every Live:PositionPublishMilliseconds, logs the positions of the workers who moved since (one transaction for
/// all of them). Any node may run it: concurrent runs take disjoint rows, and a position is logged once.
/// </summary>
public sealed class PositionPublisher(NpgsqlDataSource db, IOptions<LiveOptions> options, BackgroundHealth health, ILogger<PositionPublisher> log)
    : PeriodicDatabaseService(health, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(options.Value.PositionPublishMilliseconds);

    protected override string Name => "Position publishing";

    protected override Task RunOnceAsync(CancellationToken stop) => ChangeLog.PublishPositionsAsync(db, stop);
}
