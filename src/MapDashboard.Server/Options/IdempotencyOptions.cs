namespace MapDashboard.Server.Options;

/// <summary>How long kept idempotency answers stay (section Idempotency); every default here.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>
    /// A key's kept answer (or its dead claim) is deleted this long after it was answered (claimed). It must outlive
    /// the longest a phone keeps resending one: a key pruned and then resent acts again (a second photo). Two days
    /// cover a phone left offline over a shift and a night; bounded by <see cref="MinKeepHours"/> and <see cref="MaxKeepHours"/>.
    /// </summary>
    public double KeepHours { get; set; } = 48;

    public const double MinKeepHours = 24;

    /// <summary>Kept answers hold response bodies: a month of them is plenty and keeps the table small.</summary>
    public const double MaxKeepHours = 24 * 30;

    /// <summary>How often the pruning runs, on every node (deleting twice is harmless).</summary>
    public double PruneEverySeconds { get; set; } = 3600;
}
