using MapDashboard.Data.Accounts;
using MapDashboard.Server.Hosting;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Auth;

/// <summary>Hourly, on every node (deleting twice is harmless): credentials ended more than
/// <see cref="AuthOptions.KeepEndedTokensDays"/> ago leave access_token.</summary>
public sealed class AccessTokenPruner(AccountStore accounts, IOptions<AuthOptions> options, BackgroundHealth health, ILogger<AccessTokenPruner> log)
    : PeriodicDatabaseService(health, log)
{
    protected override string Name => "Ended credential pruning";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(CancellationToken stop)
    {
        var pruned = await accounts.PruneEndedTokensAsync(TimeSpan.FromDays(options.Value.KeepEndedTokensDays), stop);
        if (pruned > 0) log.LogInformation("Deleted {Count} credentials that ended more than {Days} days ago", pruned, options.Value.KeepEndedTokensDays);
    }
}
