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
    /// The dashboard's own connections: no JIT, and statements it runs again and again (a device's ping batch
    /// hundreds of times a second, tile and feed reads) prepared on their second use, so PostgreSQL plans them once
    /// per connection instead of on every call. Settings the operator wrote are left alone.
    /// </summary>
    public static string ForDashboard(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(WithoutJit(connectionString));
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = 64;
        return settings.ConnectionString;
    }
}
