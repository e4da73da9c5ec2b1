using MapDashboard.Data.Accounts;
using MapDashboard.Server.Database;
using MapDashboard.Server.Hosting;

namespace MapDashboard.Server.Auth;

/// <summary>
/// Keeps this node's <see cref="CredentialCache"/> honest: trusted only while LISTENing on
/// <see cref="CredentialCache.NotifyChannel"/>, emptied on every notification (an account, device or token changed
/// anywhere) and whenever the listening connection is lost or made again.
/// </summary>
public sealed class CredentialChangeListener(DatabaseTarget target, CredentialCache cache, BackgroundHealth health, ILogger<CredentialChangeListener> log)
    : SupervisedBackgroundService(health, log)
{
    protected override string Name => "Credential change listener";

    protected override async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await new NotificationListener(target.ConnectionString, CredentialCache.NotifyChannel, cache.Clear, cache.Trust, Log).RunAsync(stop);
        }
        finally
        {
            // Stopped or escaped with an error: nobody hears changes any more.
            cache.Trust(false);
        }
    }
}
