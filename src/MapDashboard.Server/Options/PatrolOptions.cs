using MapDashboard.Domain.Patrols;

namespace MapDashboard.Server.Options;

/// <summary>Ping validation thresholds (section Patrols); defaults match <see cref="PingRules.Default"/>.</summary>
public sealed class PatrolOptions
{
    public const string Section = "Patrols";

    /// <summary>A fix reported worse than this many metres is stored flagged 'poor_accuracy'.</summary>
    public double MaxAccuracyMetres { get; set; } = 50;

    /// <summary>Faster than this between time-neighbouring pings is flagged 'impossible_speed' (8 m/s: a run, not a bus).</summary>
    public double MaxSpeedMetresPerSecond { get; set; } = 8;

    /// <summary>recordedAt later than now plus this many seconds is rejected 'in_future' (device clocks drift).</summary>
    public double FutureToleranceSeconds { get; set; } = 120;

    /// <summary>Pings per POST; a device that was offline for hours sends several batches.</summary>
    public int MaxBatchSize { get; set; } = 2000;

    public PingRules ToRules() => new(MaxAccuracyMetres, MaxSpeedMetresPerSecond, TimeSpan.FromSeconds(FutureToleranceSeconds));
}
