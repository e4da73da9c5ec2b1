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
}
