namespace MapDashboard.Domain.Patrols;

/// <summary>Why one ping of a batch is refused; any refusal refuses the whole batch (nothing is written).</summary>
public sealed record PingError(int Index, string Field, string Reason, string Message);

/// <summary>The reasons as the API spells them.</summary>
public static class PingReasons
{
    // Rejected: the device must fix or drop the ping and resubmit.
    public const string Missing = "missing";
    public const string Invalid = "invalid";
    public const string OutOfRange = "out_of_range";
    public const string SwappedCoordinates = "swapped_coordinates";
    public const string InFuture = "in_future";
    public const string UnknownWorker = "unknown_worker";

    // Flagged: stored, but never counted as a position, a track or coverage.
    public const string PoorAccuracy = "poor_accuracy";
    public const string ImpossibleSpeed = "impossible_speed";
}
