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

    /// <summary>
    /// The hub pings each connection this often when nothing else went to it (SignalR's KeepAliveInterval): a link
    /// that died without closing (a cable pulled, a switch down) then shows as silence within seconds. SignalR's
    /// default is 15 s, which with its 30 s client timeout kept a dead wall reading "connected" for half a minute.
    /// </summary>
    public int KeepAliveMilliseconds { get; set; } = 1500;

    /// <summary>
    /// A browser that hears nothing from the hub this long counts the link as lost and says so (the SignalR client's
    /// serverTimeout, handed to it by /api/config). More than twice <see cref="KeepAliveMilliseconds"/>, so one late
    /// ping is never taken for a loss; checked at start.
    /// </summary>
    public int ClientServerTimeoutMilliseconds { get; set; } = 4000;

    /// <summary>
    /// The hub closes a connection from which it heard nothing this long (SignalR's ClientTimeoutInterval, 30 s by
    /// default). The browser pings every 15 s from its main thread, and a city wall's main thread, busy applying a
    /// reconnect's replay on a loaded machine, can be quiet for longer; a closed link then costs another Subscribe and
    /// replay. A dead browser only costs its group membership meanwhile.
    /// </summary>
    public int ClientTimeoutSeconds { get; set; } = 120;

    /// <summary>The start-up check of the pair: a timeout within two pings would report healthy links as lost.</summary>
    public void EnsureTimeoutsAgree()
    {
        if (ClientTimeoutSeconds < 30)
            throw new InvalidOperationException($"{Section}:ClientTimeoutSeconds ({ClientTimeoutSeconds}) must be at least 30, twice the browser's 15 s ping");
        if (KeepAliveMilliseconds <= 0 || ClientServerTimeoutMilliseconds <= 2 * KeepAliveMilliseconds)
            throw new InvalidOperationException(
                $"{Section}:ClientServerTimeoutMilliseconds ({ClientServerTimeoutMilliseconds}) must be more than twice "
                + $"{Section}:KeepAliveMilliseconds ({KeepAliveMilliseconds}), which must be positive");
    }
}
