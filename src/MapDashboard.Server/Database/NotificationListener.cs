using MapDashboard.Data;
using Npgsql;

namespace MapDashboard.Server.Database;

/// <summary>
/// LISTENs on one channel on its own unpooled connection, reconnecting with backoff. It says when it listens
/// (<c>listening(true)</c>, after every (re)connect), when it stops (<c>listening(false)</c>, the connection lost)
/// and each notification: what a listener may have missed meanwhile is for it to catch up on, since notifications
/// sent while it was not listening are gone (the live feed reads its log again; the credential cache empties).
/// </summary>
public sealed class NotificationListener(string connectionString, string channel, Action notified, Action<bool> listening, ILogger log)
{
    public async Task RunAsync(CancellationToken stop)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 5 }.ConnectionString;
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(settings);
                await conn.OpenAsync(stop);
                conn.Notification += (_, _) => notified();
                await conn.ExecuteAsync($"listen {channel}", stop);
                listening(true);
                backoff = TimeSpan.FromMilliseconds(250);
                while (!stop.IsCancellationRequested) await conn.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                log.LogWarning("Listener on {Channel} lost its connection, retrying in {Delay} ms: {Error}", channel, backoff.TotalMilliseconds, e.Message);
                listening(false);
                await Task.Delay(backoff, stop).ContinueWith(_ => { });
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
