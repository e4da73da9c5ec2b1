using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Data.Audit;

/// <summary>
/// Audit rows the server writes itself, for what changes no audited row on its own: a batch of pings (machine
/// data, one row per accepted batch, not per ping), a full recomputation, an import, and every reveal of personal
/// data. Row changes are captured by triggers (Schema/60_audit.sql), not here.
/// </summary>
public static class AuditLog
{
    static readonly string RecordSql = SqlResource.Beside<Marker>("record.sql");

    /// <summary>One row in its own implicit transaction; returns its id.</summary>
    public static async Task<long> RecordAsync(NpgsqlDataSource db, AuditScope who, string action, string? table = null,
        string? key = null, string? unit = null, object? after = null, CancellationToken cancel = default)
    {
        await using var cmd = who.Command(db, RecordSql);
        return await RecordAsync(cmd, action, table, key, unit, after, cancel);
    }

    /// <summary>One row inside the caller's transaction (an import: the row commits with what it loaded).</summary>
    public static async Task<long> RecordAsync(NpgsqlConnection conn, NpgsqlTransaction tx, AuditScope who, string action,
        string? table = null, string? key = null, string? unit = null, object? after = null, CancellationToken cancel = default)
    {
        await who.ApplyAsync(conn, tx, cancel);
        await using var cmd = new NpgsqlCommand(RecordSql, conn, tx);
        return await RecordAsync(cmd, action, table, key, unit, after, cancel);
    }

    /// <summary>
    /// An entitled account revealed personal data (names, phone numbers, reporters' contacts): source and action
    /// 'reveal', <paramref name="what"/> (e.g. "person P000010 phone") as the target, <paramref name="unit"/> the
    /// territory unit it belongs to.
    /// </summary>
    public static Task<long> RecordRevealAsync(NpgsqlDataSource db, AuditScope who, string what, string? unit,
        string? table = null, CancellationToken cancel = default) =>
        RecordAsync(db, who with { Source = "reveal" }, "reveal", table, what, unit, cancel: cancel);

    static async Task<long> RecordAsync(NpgsqlCommand cmd, string action, string? table, string? key, string? unit, object? after,
        CancellationToken cancel)
    {
        cmd.Parameters.AddWithValue("action", action);
        cmd.Parameters.Add(new NpgsqlParameter("table", NpgsqlDbType.Text) { Value = (object?)table ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = (object?)key ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Text) { Value = (object?)unit ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Jsonb)
            { Value = after is null ? DBNull.Value : JsonSerializer.Serialize(after, JsonSerializerOptions.Web) });
        return (long)(await cmd.ExecuteScalarAsync(cancel))!;
    }

    sealed class Marker;
}
