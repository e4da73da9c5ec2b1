using MapDashboard.Data.MetricCrs;
using MapDashboard.Domain.Patrols;
using Npgsql;

namespace MapDashboard.Data.Patrols;

/// <summary>
/// The one way pings get in (the API and the demo simulator both use it):
/// refuse the batch if any ping cannot be a position, else judge the doubtful
/// ones, then store the batch in one statement, skipping what is already stored.
/// </summary>
public sealed class PingIngest(NpgsqlDataSource db, PingRules rules, TimeProvider clock)
{
    readonly WorkerDirectory _workers = new(db);
    readonly ServiceAreaSource _area = new(db);
    readonly PingStore _store = new(db);
    readonly MetricFrameSource _frame = new(db);

    public sealed record FlaggedPing(int Index, string Worker, DateTimeOffset RecordedAt, string Reason);

    /// <summary>Either Errors (nothing written) or what was stored.</summary>
    public sealed record Outcome(IReadOnlyList<PingError> Errors, int Stored, int Duplicates, IReadOnlyList<FlaggedPing> Flagged)
    {
        public bool Rejected => Errors.Count > 0;
    }

    public PingRules Rules => rules;

    /// <summary>The rejecting checks alone; nothing is written.</summary>
    public async Task<IReadOnlyList<PingError>> ValidateAsync(IReadOnlyList<PingInput> pings, CancellationToken cancel) =>
        (await ValidateAndResolveAsync(pings, cancel)).Errors;

    public async Task<Outcome> IngestAsync(IReadOnlyList<PingInput> pings, CancellationToken cancel)
    {
        var (errors, ids) = await ValidateAndResolveAsync(pings, cancel);
        if (errors.Count > 0) return new(errors, 0, 0, []);

        // One row per (worker, time): a ping repeated inside the batch is a duplicate like a resent one.
        var firstIndex = new Dictionary<(int, DateTime), int>();
        var unique = new List<ValidPing>();
        var uniqueIndex = new List<int>();
        for (var i = 0; i < pings.Count; i++)
        {
            var p = pings[i];
            var ping = new ValidPing(ids[p.Worker!], Microseconds(p.RecordedAt!.Value), p.Lon!.Value, p.Lat!.Value, p.Accuracy);
            if (!firstIndex.TryAdd((ping.WorkerId, ping.RecordedAt.UtcDateTime), i)) continue;
            unique.Add(ping);
            uniqueIndex.Add(i);
        }

        var frame = await _frame.GetAsync(cancel);
        var neighbours = await _store.NeighboursAsync(unique, frame, cancel);
        var flags = PingJudge.Flags(unique, w => neighbours.TryGetValue(w, out var list) ? list : [], rules, frame);
        var stored = await _store.InsertAsync(unique, flags, cancel);

        var flagged = new List<FlaggedPing>();
        for (var k = 0; k < unique.Count; k++)
            if (flags[k] is { } reason && stored.Contains((unique[k].WorkerId, unique[k].RecordedAt.UtcDateTime)))
                flagged.Add(new(uniqueIndex[k], pings[uniqueIndex[k]].Worker!, pings[uniqueIndex[k]].RecordedAt!.Value, reason));
        return new([], stored.Count, pings.Count - stored.Count, flagged);
    }

    async Task<(IReadOnlyList<PingError> Errors, IReadOnlyDictionary<string, int> Ids)> ValidateAndResolveAsync(
        IReadOnlyList<PingInput> pings, CancellationToken cancel)
    {
        var ids = await _workers.ResolveAsync(pings.Where(p => !string.IsNullOrWhiteSpace(p.Worker)).Select(p => p.Worker!), cancel);
        var validator = new PingValidator(await _area.GetAsync(cancel), rules);
        return (validator.Validate(pings, ids.ContainsKey, clock.GetUtcNow()), ids);
    }

    /// <summary>PostgreSQL keeps microseconds; rounding here makes a resent ping match the stored one exactly.</summary>
    static DateTimeOffset Microseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}
