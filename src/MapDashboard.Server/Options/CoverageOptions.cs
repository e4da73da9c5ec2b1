namespace MapDashboard.Server.Options;

/// <summary>How patrol coverage is measured (section Patrols:Coverage). The day boundaries are Incidents:TimeZone's.</summary>
public sealed class CoverageOptions
{
    public const string Section = "Patrols:Coverage";

    /// <summary>A worker has covered what lies within this many metres of their track (and visited the assets there).</summary>
    public double VisitRadiusMetres { get; set; } = 30;

    /// <summary>Two trusted pings further apart in time than this are not joined by a track line.</summary>
    public double TrackGapSeconds { get; set; } = 300;

    /// <summary>Nor are two pings further apart than this speed allows (a jump, not a walk).</summary>
    public double TrackMaxSpeedMetresPerSecond { get; set; } = 8;

    /// <summary>
    /// How often new pings are folded into tracks, covers and visits (each pass re-buffers the current hour of
    /// every worker who pinged since the last). Reads fold pending pings in first, so this bounds only how
    /// stale the tiles and grid colours may be.
    /// </summary>
    public double RefreshSeconds { get; set; } = 30;

    /// <summary>
    /// The share of its connection's time the periodic chore may be busy (0–1]: it rests after every batch for
    /// the rest. Ping ingest runs on the same cores and is the latency-critical path; coverage may lag a pass.
    /// </summary>
    public double BusyShare { get; set; } = 0.25;

    /// <summary>Worker-hours (or grid-days) the periodic chore recomputes per transaction: short, so a batch is a short burst.</summary>
    public int BatchSize { get; set; } = 10;
}
