namespace MapDashboard.Server.Options;

/// <summary>
/// Where the data lives. With no connection string the server runs the
/// embedded default: a private PostGIS cluster it creates and starts itself.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>An existing PostGIS (ConnectionStrings:MapDashboard); when set, no private cluster is started.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The private cluster's data folder, relative to the content root unless absolute. Git-ignored.</summary>
    public string EmbeddedDirectory { get; set; } = "../../.local/pg";

    /// <summary>Loopback port of the private cluster; not PostgreSQL's 5432, so it never collides with a system server.</summary>
    public int EmbeddedPort { get; set; } = 55432;
}
