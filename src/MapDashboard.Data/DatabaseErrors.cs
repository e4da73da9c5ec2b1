using Npgsql;

namespace MapDashboard.Data;

/// <summary>
/// Tells a database that is away (restarting, unreachable, out of connections, a deadlock that a retry resolves)
/// from a unit of work that fails by itself. The first is retried as it is; the second is set aside, since
/// retrying it would fail forever and hold up everything queued behind it.
/// </summary>
public static class DatabaseErrors
{
    public static bool IsTransient(Exception e) => e switch
    {
        PostgresException pg => pg.IsTransient
                                || pg.SqlState.StartsWith("08", StringComparison.Ordinal)   // connection exception
                                || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)  // admin shutdown, crash shutdown, cannot connect now
                                || pg.SqlState.StartsWith("53", StringComparison.Ordinal),  // insufficient resources
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException,
        TimeoutException => true,
        IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };
}
