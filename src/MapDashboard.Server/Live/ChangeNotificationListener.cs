using MapDashboard.Data;
using MapDashboard.Data.Live;
using Npgsql;

namespace MapDashboard.Server.Live;

/// <summary>
/// LISTENs on its own unpooled connection and wakes the feed on every
/// notification. It only wakes: a notification missed while reconnecting
/// loses nothing, because the feed reads the log, and it is woken once more
/// after every (re)connect to catch up.
/// </summary>
public sealed class ChangeNotificationListener(string connectionString, Action wake, ILogger log)
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
                conn.Notification += (_, _) => wake();
                await conn.ExecuteAsync($"listen {ChangeLog.NotifyChannel}", stop);
                wake();
                backoff = TimeSpan.FromMilliseconds(250);
                while (!stop.IsCancellationRequested) await conn.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                log.LogWarning("Change listener lost its connection, retrying in {Delay} ms: {Error}", backoff.TotalMilliseconds, e.Message);
                wake();
                await Task.Delay(backoff, stop).ContinueWith(_ => { });
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
