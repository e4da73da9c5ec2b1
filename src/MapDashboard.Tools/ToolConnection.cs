namespace MapDashboard.Tools;

/// <summary>The PostGIS a tool works on: the one given, else ConnectionStrings__MapDashboard, else the run command's cluster.</summary>
public static class ToolConnection
{
    /// <summary>The run command's private cluster (src/scripts/run.sh).</summary>
    const string RunCommandDatabase = "Host=127.0.0.1;Port=55432;Username=postgres;Database=mapdashboard";

    public const string Description =
        "the PostGIS to use (default: ConnectionStrings__MapDashboard, else the run command's private cluster on port 55432)";

    public static string Resolve(string? given) =>
        given ?? NullIfBlank(Environment.GetEnvironmentVariable("ConnectionStrings__MapDashboard")) ?? RunCommandDatabase;

    public static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
