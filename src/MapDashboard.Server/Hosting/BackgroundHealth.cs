using System.Collections.Concurrent;

namespace MapDashboard.Server.Hosting;

/// <summary>
/// What each background service last did, for /api/health: an admin sees at once which chore is failing and why,
/// without reading the log. Written by <see cref="SupervisedBackgroundService"/> and
/// <see cref="PeriodicDatabaseService"/>; one instance per process.
/// </summary>
public sealed class BackgroundHealth(TimeProvider clock)
{
    /// <summary>How one service stands. Status: ok, waiting (the database is away: retried as it is), failing (its last run failed by itself), restarted (its loop crashed and was started again within the last quarter hour).</summary>
    public sealed record ServiceState(string Name, string Status, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastErrorAt,
        string? LastError, int ConsecutiveFailures, int Restarts);

    /// <summary>A restart keeps the service shown as restarted this long, so a crash between two health polls is seen.</summary>
    static readonly TimeSpan RestartShownFor = TimeSpan.FromMinutes(15);

    readonly ConcurrentDictionary<string, ServiceState> _services = new();

    public void Succeeded(string name) => Update(name, s => s with
    {
        Status = s.Status == "restarted" && clock.GetUtcNow() - s.LastErrorAt < RestartShownFor ? "restarted" : "ok",
        LastSuccessAt = clock.GetUtcNow(), ConsecutiveFailures = 0,
    });

    /// <summary>A run failed; <paramref name="transient"/> when the database was away rather than the work at fault.</summary>
    public void Failed(string name, Exception error, bool transient) => Update(name, s => s with
    {
        Status = transient ? "waiting" : "failing", LastErrorAt = clock.GetUtcNow(), LastError = Describe(error),
        ConsecutiveFailures = s.ConsecutiveFailures + 1,
    });

    public void Restarted(string name, Exception error) => Update(name, s => s with
    {
        Status = "restarted", LastErrorAt = clock.GetUtcNow(), LastError = Describe(error), Restarts = s.Restarts + 1,
    });

    public IReadOnlyList<ServiceState> Services => _services.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    /// <summary>Whether any service is failing by itself or was restarted lately (waiting on the database is not: health says that itself).</summary>
    public bool Degraded => _services.Values.Any(s => s.Status is "failing" or "restarted");

    void Update(string name, Func<ServiceState, ServiceState> change) =>
        _services.AddOrUpdate(name, n => change(new ServiceState(n, "ok", null, null, null, 0, 0)), (_, s) => change(s));

    // Messages only: a stack trace belongs in the log, not in an answer anyone on the network may read.
    static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
