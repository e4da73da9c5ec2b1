using System.Globalization;

namespace MapDashboard.Data.Coverage;

/// <summary>One unit of the coverage drain's work: a worker-hour (worker id, hour as epoch seconds) or a grid-day.</summary>
public abstract record CoverageUnit
{
    /// <summary>How a dead letter names it: which row to look at when fixing the cause.</summary>
    public abstract string Key { get; }
}

public sealed record WorkerHour(int WorkerId, double HourEpoch) : CoverageUnit
{
    public override string Key => double.IsFinite(HourEpoch)
        ? $"worker {WorkerId} hour {DateTime.UnixEpoch.AddSeconds(HourEpoch):yyyy-MM-ddTHH:mm}Z"
        : $"worker {WorkerId} hour {HourEpoch.ToString(CultureInfo.InvariantCulture)}";
}

public sealed record GridDay(int GridId, string Day) : CoverageUnit
{
    public override string Key => $"grid {GridId} day {Day}";
}

/// <summary>A batch of coverage work failed for a reason of its own (not the database being away); the units it held.</summary>
public sealed class CoverageBatchFailedException(IReadOnlyList<CoverageUnit> units, Exception cause)
    : Exception($"coverage of {string.Join(", ", units.Take(3).Select(u => u.Key))}{(units.Count > 3 ? $" and {units.Count - 3} more" : "")} failed: {cause.Message}", cause)
{
    public IReadOnlyList<CoverageUnit> Units { get; } = units;
}
