namespace MapDashboard.Domain.Patrols;

/// <summary>
/// One GPS ping as a device sent it, before any check: every field may be missing.
/// <paramref name="Worker"/> is the person code; <paramref name="Accuracy"/> the fix's
/// horizontal accuracy in metres (optional: some devices do not report it).
/// </summary>
public sealed record PingInput(string? Worker, DateTimeOffset? RecordedAt, double? Lon, double? Lat, double? Accuracy);
