using Dapper;
using Npgsql;

namespace MapDashboard.Data.Background;

/// <summary>
/// Where background chores put a unit of work that keeps failing for a reason of its own (a poisoned row, a
/// geometry GEOS cannot handle): written in its own statement, after the unit's transaction rolled back, so the
/// record survives; the chore then carries on with the next unit instead of retrying this one in a loop.
/// </summary>
public static class DeadLetters
{
    static readonly string SetAsideSql = SqlResource.Beside<DeadLetter>("set_aside.sql");
    static readonly string OpenSql = SqlResource.Beside<DeadLetter>("open_dead_letters.sql");

    /// <summary>Error texts are kept to this many characters: a stack of GEOS text must not bloat the table.</summary>
    const int MaxErrorLength = 2000;

    public static Task SetAsideAsync(NpgsqlConnection conn, string chore, string unitKey, Exception error, NpgsqlTransaction? tx = null) =>
        conn.ExecuteAsync(SetAsideSql, new { chore, unit_key = unitKey, error = Describe(error) }, tx);

    public static async Task SetAsideAsync(NpgsqlDataSource db, string chore, string unitKey, Exception error, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await SetAsideAsync(conn, chore, unitKey, error);
    }

    public static async Task<IReadOnlyList<DeadLetter>> OpenAsync(NpgsqlConnection conn, int limit = 100) =>
        (await conn.QueryAsync<DeadLetter>(OpenSql, new { limit })).ToList();

    public static Task<int> CountOpenAsync(NpgsqlConnection conn) =>
        conn.ExecuteScalarAsync<int>("select count(*)::int from background_dead_letter where resolved_at is null");

    /// <summary>The exception's type and message, innermost cause included; text PostgreSQL can store (no NUL).</summary>
    public static string Describe(Exception error)
    {
        var text = error.GetType().Name + ": " + error.Message;
        if (error.InnerException is { } inner && inner != error) text += " ← " + Describe(inner);
        text = text.Replace('\0', ' ');
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
