namespace MapDashboard.Server.Options;

/// <summary>The Open311 GeoReport v2 door.</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>
    /// A key registered at start (only its SHA-256 is stored) so a local client can post at once.
    /// Empty = none: register keys in open311_api_key instead (README). Change it for any shared deployment.
    /// </summary>
    public string? DemoApiKey { get; set; } = "mapdashboard-demo-key";
}
