namespace MapDashboard.Server.Options;

/// <summary>The demo district loaded into an empty database at start.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the district when the database holds none; never touches a database that has one.</summary>
    public bool LoadOnStart { get; set; } = true;

    /// <summary>Folder of generator output (data/README.md), relative to the content root unless absolute.</summary>
    public string DataDirectory { get; set; } = "../../data/demo";

    /// <summary>Keep reports and workflow steps flowing on the district so the wall display is alive (off in tests).</summary>
    public bool IncidentStream { get; set; } = true;

    /// <summary>Seconds between two demo events (a new report or one workflow step).</summary>
    public double IncidentStreamSeconds { get; set; } = 12;

    /// <summary>Walk the demo district's grid workers through their grids and post their pings, so the live map moves (off in tests).</summary>
    public bool PatrolSimulator { get; set; } = true;

    /// <summary>Seconds between two simulated pings of each worker.</summary>
    public double PatrolSimulatorSeconds { get; set; } = 5;

    /// <summary>
    /// Into a database with no pings this recent, the simulator first walks this many minutes of the past: a patrol
    /// day and ten minutes, so the 24 h coverage window has run (GridStatusRule counts coverage only then) and the
    /// wall opens in its steady state. 90 minutes (before) left every grid's coverage "young" or, once a day old,
    /// half-walked against the 24 h rule.
    /// </summary>
    public double PatrolSimulatorBackfillMinutes { get; set; } = 1450;
}
