namespace MapDashboard.Server.Live;

public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How long the change log keeps changes for replay; a client away longer is told to resync.</summary>
    public int RetentionSeconds { get; set; } = 24 * 3600;

    /// <summary>How often retention runs.</summary>
    public int PruneEverySeconds { get; set; } = 60;

    /// <summary>
    /// The feed reads the log this often even without a notification: a belt to
    /// NOTIFY's braces, since a notification is lost while the listener reconnects.
    /// </summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How often moved workers' positions are written to the change log (publish_worker_positions, one
    /// transaction for all of them): ping transactions never wait for the log's ordering lock.
    /// </summary>
    public int PositionPublishMilliseconds { get; set; } = 500;

    /// <summary>Worker positions go out at most this often per group, latest per worker.</summary>
    public int PositionIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Every group is told the feed's position this often, so quiet areas can still resume without a resync.</summary>
    public int HeartbeatSeconds { get; set; } = 10;
}
