namespace MapDashboard.Data.Coverage;

/// <summary>
/// How a coverage drain shares the machine: how many worker-hours (or grid-days) it recomputes per transaction,
/// and how long it rests after each batch, as a multiple of the time the batch took.
/// </summary>
/// <remarks>
/// The server's periodic chore is background work beside the latency-critical ping ingest on the same cores:
/// recomputing every active worker's hour and every grid-day at city scale is tens of seconds of one core's
/// time, and run flat out it left ingest one core for that long, which cannot carry 4,000 pings/s. Resting
/// after each short batch caps the chore's share of its connection's time, so ingest always has most of the
/// machine; coverage then lags by a pass (an estimated 2 minutes at city scale at a share of 0.25) instead
/// of ingest by seconds.
/// </remarks>
public sealed record DrainPace(int BatchSize, double RestPerBusy)
{
    /// <summary>A backlog or a benchmark: batches of <see cref="CoverageRefresher.DrainBatchSize"/>, no rest.</summary>
    public static readonly DrainPace FullSpeed = new(CoverageRefresher.DrainBatchSize, 0);

    /// <summary>Busy at most <paramref name="busyShare"/> of the time (0 &lt; share ≤ 1), in batches of <paramref name="batchSize"/>.</summary>
    public static DrainPace Sharing(double busyShare, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(busyShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(busyShare, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return new(batchSize, (1 - busyShare) / busyShare);
    }
}
