namespace MapDashboard.Server.Options;

/// <summary>The demo district loaded into an empty database at start.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the district when the database holds none; never touches a database that has one.</summary>
    public bool LoadOnStart { get; set; } = true;

    /// <summary>Folder of generator output (data/README.md), relative to the content root unless absolute.</summary>
    public string DataDirectory { get; set; } = "../../data/demo";
}
