using MapDashboard.Data;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Live;

/// <summary>
/// Keeps writing hazards with plain SQL while a test breaks things. A write
/// that fails is retried until it commits; "already exists" on a retry means
/// the first attempt committed and only its answer was lost.
/// </summary>
public sealed class ChangeWriter(string connectionString, (double Lon, double Lat) at, string prefix)
{
    public List<string> Committed { get; } = new();

    public async Task WriteAsync(int count, TimeSpan every, CancellationToken cancel = default)
    {
        for (var i = 0; i < count; i++)
        {
            var code = $"{prefix}-{i:D4}";
            while (true)
            {
                try
                {
                    await using var db = DashboardDataSource.Create(connectionString + ";Pooling=false;Timeout=3");
                    await LiveSql.InsertHazardAsync(db, code, (at.Lon + i * 1e-6, at.Lat));
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation) { break; }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
                {
                    await Task.Delay(100, cancel); // the database is down: try the same row again
                }
            }
            Committed.Add(code);
            await Task.Delay(every, cancel);
        }
    }
}
