using Npgsql;

namespace MapDashboard.Data;

public static class ConnectionSettings
{
    /// <summary>
    /// The dashboard's queries are short (tiles, lookups, single-row writes) but PostGIS cost
    /// estimates are high, so PostgreSQL's JIT would compile them for far longer than they run.
    /// A connection string that already sets Options is left as the operator wrote it.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(settings.Options)) settings.Options = "-c jit=off";
        return settings.ConnectionString;
    }

    /// <summary>
    /// The dashboard's own connections: no JIT, and no automatic preparation — even when the operator's
    /// connection string asks for it. Npgsql 10's auto-preparation sends Parse with the first Bind of a statement
    /// in one round trip and marks the statement prepared when ParseComplete arrives; if that Bind then fails
    /// (PostgreSQL refuses a text parameter holding NUL with 22021 at Bind), the statement stays marked prepared
    /// without its row description, and its next use on that physical connection reads its rows as unexpected
    /// ("Received unexpected backend message DataRow") and breaks the connection — a poisoned pool, one unrelated
    /// request per connection. The hot statements (the ping batch's, in PingStore) are prepared explicitly instead:
    /// explicit preparation parses and describes in a round trip of its own, so no Bind can fail halfway through it.
    /// </summary>
    public static string ForDashboard(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(WithoutJit(connectionString)) { MaxAutoPrepare = 0 };
        return settings.ConnectionString;
    }
}
