using Npgsql;

namespace MapDashboard.Data;

/// <summary>The two one-liners every data class needs, without a micro-ORM for statements that return nothing.</summary>
public static class ConnectionExtensions
{
    public static async Task ExecuteAsync(this NpgsqlConnection conn, string sql, CancellationToken cancel = default)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    public static async Task<T> ScalarAsync<T>(this NpgsqlConnection conn, string sql, CancellationToken cancel = default)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync(cancel))!;
    }
}
