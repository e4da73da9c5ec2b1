using Npgsql;

namespace MapDashboard.Data.Audit;

/// <summary>
/// Who writes, for the audit trail: the account (user name, role, unit), the door (api, open311, import, system,
/// demo), the client's address and the endpoint. The capture triggers (Schema/60_audit.sql) read it from settings
/// that live for one transaction only, so a pooled connection never carries one request's actor to the next.
/// Without it a write is attributed to the database user, as an edit made with psql is.
/// </summary>
public sealed record AuditScope(string Actor, string Source, string? Role = null, string? Unit = null, string? Client = null,
    string? Request = null)
{
    // CALL returns no result set: in front of a statement it changes nothing the statement's reader sees.
    const string AsSql = "call audit_as(@audit_actor, @audit_role, @audit_unit, @audit_source, @audit_client, @audit_request)";

    /// <summary>The server's own work (a chore, start-up): no account, no client.</summary>
    public static AuditScope System(string chore, string source = "system") => new(chore, source);

    /// <summary>Names this scope for the rest of the caller's transaction; call it right after BEGIN.</summary>
    public async Task ApplyAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken cancel = default)
    {
        await using var cmd = new NpgsqlCommand(AsSql, conn, tx);
        AddParameters(cmd);
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    /// <summary>
    /// A command for a write that runs without a transaction of its own: the scope goes in front of
    /// <paramref name="sql"/> in the same command. Npgsql sends a command's statements with one Sync, which
    /// PostgreSQL runs as one implicit transaction, so the transaction-local settings reach the write and end with
    /// it. (Setting them for the session instead would stay on the pooled connection for whatever request gets it
    /// next.) Add the statement's own parameters and execute it as before.
    /// </summary>
    public NpgsqlCommand Command(NpgsqlDataSource db, string sql)
    {
        var cmd = db.CreateCommand(AsSql + ";\n" + sql);
        AddParameters(cmd);
        return cmd;
    }

    void AddParameters(NpgsqlCommand cmd)
    {
        cmd.Parameters.AddWithValue("audit_actor", Actor);
        cmd.Parameters.AddWithValue("audit_role", (object?)Role ?? DBNull.Value);
        cmd.Parameters.AddWithValue("audit_unit", (object?)Unit ?? DBNull.Value);
        cmd.Parameters.AddWithValue("audit_source", Source);
        cmd.Parameters.AddWithValue("audit_client", (object?)Client ?? DBNull.Value);
        cmd.Parameters.AddWithValue("audit_request", (object?)Request ?? DBNull.Value);
    }
}
