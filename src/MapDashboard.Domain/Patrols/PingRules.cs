namespace MapDashboard.Domain.Patrols;

/// <summary>The thresholds of ping validation (settings section Patrols).</summary>
/// <param name="MaxAccuracyMetres">A fix reported worse than this is stored but flagged poor_accuracy.</param>
/// <param name="MaxSpeedMetresPerSecond">Faster than this between time-neighbouring pings is flagged impossible_speed.</param>
/// <param name="FutureTolerance">A recordedAt later than now plus this (device clocks drift) is rejected.</param>
public sealed record PingRules(double MaxAccuracyMetres, double MaxSpeedMetresPerSecond, TimeSpan FutureTolerance)
{
    public static PingRules Default { get; } = new(50, 8, TimeSpan.FromSeconds(120));
}
