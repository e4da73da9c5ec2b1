using MapDashboard.Data;
using MapDashboard.Server.Hosting;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Idempotency;

/// <summary>
/// Every <see cref="IdempotencyOptions.PruneEverySeconds"/>, on every node (deleting twice is harmless): kept
/// idempotency answers older than <see cref="IdempotencyOptions.KeepHours"/> leave idempotent_request. A failing run
/// is logged and shown in /api/health, and the next one tries again (<see cref="PeriodicDatabaseService"/>).
/// </summary>
public sealed class IdempotencyKeyPruner(NpgsqlDataSource db, IOptions<IdempotencyOptions> options, BackgroundHealth health, ILogger<IdempotencyKeyPruner> log)
    : PeriodicDatabaseService(health, log)
{
    static readonly string PruneSql = SqlResource.Beside<IdempotentMetadata>("prune_keys.sql");

    protected override string Name => "Idempotency key pruning";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PruneEverySeconds);

    protected override async Task RunOnceAsync(CancellationToken stop)
    {
        var pruned = await PruneAsync(db, TimeSpan.FromHours(options.Value.KeepHours), stop);
        if (pruned > 0) log.LogInformation("Deleted {Count} idempotency keys answered more than {Hours} hours ago", pruned, options.Value.KeepHours);
    }

    /// <summary>Deletes the keys answered (or claimed and never answered) longer than <paramref name="keep"/> ago; how many.</summary>
    public static async Task<int> PruneAsync(NpgsqlDataSource db, TimeSpan keep, CancellationToken cancel = default)
    {
        await using var cmd = db.CreateCommand(PruneSql);
        cmd.Parameters.AddWithValue("keep", keep);
        return await cmd.ExecuteNonQueryAsync(cancel);
    }
}
