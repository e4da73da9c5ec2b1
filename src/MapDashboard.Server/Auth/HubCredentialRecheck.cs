using MapDashboard.Data.Accounts;
using MapDashboard.Server.Hosting;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Auth;

/// <summary>
/// Every <see cref="AuthOptions.HubRecheckSeconds"/>, the credentials behind this node's open hub connections are
/// checked in one query, and connections whose credential no longer signs anyone in are closed: a revocation made
/// on another node or with psql, or an expiry. (A revocation through this node's API closes them at once.)
/// </summary>
public sealed class HubCredentialRecheck(
    HubConnections connections, AccountStore accounts, IOptions<AuthOptions> options, BackgroundHealth health, ILogger<HubCredentialRecheck> log)
    : PeriodicDatabaseService(health, log)
{
    protected override string Name => "Hub credential recheck";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.HubRecheckSeconds);

    protected override async Task RunOnceAsync(CancellationToken stop)
    {
        var open = connections.Credentials;
        if (open.Count == 0) return;
        var valid = await accounts.StillValidAsync(open.Select(Convert.FromHexString).ToList(), stop);
        var closed = connections.CloseAllBut(valid);
        if (closed > 0) log.LogInformation("Closed {Count} hub connections whose credential was revoked or expired", closed);
    }
}
