namespace MapDashboard.Data.Background;

/// <summary>A unit of background work that failed and was set aside (table background_dead_letter).</summary>
public sealed record DeadLetter(long Id, string Chore, string UnitKey, string Error, int Attempts, DateTime FirstFailedAt, DateTime LastFailedAt);
