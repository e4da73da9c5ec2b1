using System.Text.Json;
using System.Threading.Channels;
using MapDashboard.Data.Live;
using MapDashboard.Server.Database;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Dapper;
using MapDashboard.Data;
using MapDashboard.Data.Background;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Hosting;
using MapDashboard.Server.Permissions;
using Npgsql;

namespace MapDashboard.Server.Live;

/// <summary>
/// The one fan-out point of a server node. A single loop owns the feed
/// position and the groups: it reads the change log after the position
/// (woken by NOTIFY, or by its own poll), routes each change to the groups it
/// concerns, and handles subscriptions in the same loop, so a new client's
/// replay ends exactly where group delivery begins: nothing lost, nothing twice.
/// A change that cannot be read or routed by itself (not because PostgreSQL is
/// away) is found by reading one change at a time, logged, set aside as a dead
/// letter and passed over, so one bad row cannot freeze every map. A group's members share a personal-data lens
/// (<see cref="LiveGroup.Lens"/>): a change with personal data is filtered once per page for each disclosure
/// any group needs, and each group is sent its own.
/// </summary>
public sealed class ChangeFeed(
    NpgsqlDataSource db,
    DatabaseTarget target,
    IHubContext<MapHub, IMapClient> hub,
    IOptions<LiveOptions> options,
    BackgroundHealth health,
    JurisdictionUnits jurisdictionUnits,
    ILogger<ChangeFeed> log) : SupervisedBackgroundService(health, log)
{
    /// <summary>The chore name of change-feed dead letters (their unit key is the change's seq).</summary>
    public const string Chore = "change-feed";

    const int PageSize = 1000;
    static readonly TimeSpan SlowReplay = TimeSpan.FromSeconds(1);

    readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateUnbounded<Func<CancellationToken, Task>>();
    readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    readonly Dictionary<string, LiveGroup> _groups = new();
    readonly Dictionary<string, LiveGroup> _groupOfConnection = new();
    long _position = -1;

    /// <summary>The seq up to which every change has been routed; -1 until the feed has started.</summary>
    public long Position => Interlocked.Read(ref _position);

    public int GroupCount => _groups.Count;

    public Task<SubscribeResult> SubscribeAsync(string connectionId, IReadOnlySet<string> layers, SubscriptionArea area,
        PersonalDataLens lens, long? sinceSeq, CancellationToken cancel)
    {
        var done = new TaskCompletionSource<SubscribeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        cancel.Register(() => done.TrySetCanceled());
        Enqueue(async stop =>
        {
            try { done.TrySetResult(await SubscribeNowAsync(connectionId, layers, area, lens, sinceSeq, stop)); }
            catch (Exception e) { done.TrySetException(e); }
        });
        return done.Task;
    }

    public void Unsubscribe(string connectionId) => Enqueue(_ => { Leave(connectionId); return Task.CompletedTask; });

    void Enqueue(Func<CancellationToken, Task> work)
    {
        _work.Writer.TryWrite(work);
        _wake.Release();
    }

    protected override string Name => "Change feed";

    protected override async Task RunAsync(CancellationToken stop)
    {
        // The feed reads its log: a notification only wakes it, and a (re)connect or a loss wakes it to catch up.
        var listener = new NotificationListener(target.ConnectionString, ChangeLog.NotifyChannel,
            () => _wake.Release(), _ => _wake.Release(), log).RunAsync(stop);
        var o = options.Value;
        var nextPositions = DateTime.UtcNow;
        var nextHeartbeat = DateTime.UtcNow.AddSeconds(o.HeartbeatSeconds);
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (_position < 0) Interlocked.Exchange(ref _position, (await ChangeLog.PositionAsync(db, stop)).Newest);
                await DispatchNewChangesAsync(stop);
                while (_work.Reader.TryRead(out var work)) await work(stop);
                if (DateTime.UtcNow >= nextPositions)
                {
                    await FlushPositionsAsync();
                    nextPositions = DateTime.UtcNow.AddMilliseconds(o.PositionIntervalMilliseconds);
                }
                if (DateTime.UtcNow >= nextHeartbeat)
                {
                    await RefreshLensesAsync(stop);
                    await SendHeartbeatsAsync();
                    nextHeartbeat = DateTime.UtcNow.AddSeconds(o.HeartbeatSeconds);
                }
                backoff = TimeSpan.FromMilliseconds(250);
                Health.Succeeded(Name);
                await _wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(o.PollMilliseconds, o.PositionIntervalMilliseconds)), stop);
                // One pass reads everything committed so far: the other wake-ups of a burst are already served.
                while (_wake.Wait(0)) { }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
            catch (Exception e) when (DatabaseErrors.IsTransient(e) || e is NpgsqlException or InvalidOperationException)
            {
                // PostgreSQL restarting or unreachable: the position has not moved, so
                // once it is back the next read picks up exactly where this one failed.
                log.LogWarning("Change feed paused at seq {Seq}: {Error}", _position, e.Message);
                Health.Failed(Name, e, transient: true);
                await Task.Delay(backoff, stop).ContinueWith(_ => { });
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 5000));
            }
            catch (Exception e)
            {
                log.LogError(e, "Change feed failed after seq {Seq}; looking for the change at fault", _position);
                Health.Failed(Name, e, transient: false);
                try { await SetAsideFailingChangeAsync(stop); }
                catch (Exception again) when (again is not OperationCanceledException)
                {
                    log.LogWarning("Change feed: the change at fault could not be set aside yet: {Error}", again.Message);
                    await Task.Delay(backoff, stop).ContinueWith(_ => { });
                    backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 5000));
                }
            }
        }
        await listener;
    }

    /// <summary>
    /// After a failure of its own: routes the changes after the position one at a time; the first that fails
    /// again is set aside and passed over. When none fails (the fault was elsewhere), the feed simply goes on.
    /// </summary>
    async Task SetAsideFailingChangeAsync(CancellationToken stop)
    {
        for (var i = 0; i < PageSize; i++)
        {
            var before = _position;
            try
            {
                if (!await DispatchNewChangesAsync(stop, pageSize: 1, once: true)) return;
            }
            catch (Exception e) when (!DatabaseErrors.IsTransient(e) && e is not OperationCanceledException)
            {
                await using var conn = await db.OpenConnectionAsync(stop);
                var seq = await conn.ExecuteScalarAsync<long?>("select min(seq) from change_log where seq > @before", new { before });
                if (seq is null) return;
                log.LogError(e, "Change {Seq} cannot be streamed; set aside and passed over", seq);
                await DeadLetters.SetAsideAsync(conn, Chore, $"seq {seq}", e);
                Interlocked.Exchange(ref _position, seq.Value);
                return;
            }
        }
    }

    /// <summary>Routes what was committed after the position; returns whether it found any change.</summary>
    async Task<bool> DispatchNewChangesAsync(CancellationToken stop, int pageSize = PageSize, bool once = false)
    {
        var any = false;
        while (true)
        {
            var rows = await ChangeLog.ReadAsync(db, _position, long.MaxValue, pageSize, stop);
            if (rows.Count == 0) return any;
            any = true;
            var features = ParseFeatures(rows);
            var filtered = new Dictionary<(long, Disclosure), JsonElement>();
            foreach (var group in _groups.Values)
            {
                var items = Route(group, rows, features, filtered);
                if (items.Count > 0) await Send(() => hub.Clients.Group(group.Name).Changes(new ChangeBatch(_position, rows[^1].Seq, items)));
            }
            Interlocked.Exchange(ref _position, rows[^1].Seq);
            if (rows.Count < pageSize || once) return true;
        }
    }

    async Task<SubscribeResult> SubscribeNowAsync(string connectionId, IReadOnlySet<string> layers, SubscriptionArea area,
        PersonalDataLens lens, long? sinceSeq, CancellationToken stop)
    {
        await DispatchNewChangesAsync(stop); // route what is pending first, so replay and group delivery meet at _position
        var (newest, prunedThrough) = await ChangeLog.PositionAsync(db, stop);
        var since = sinceSeq ?? _position;
        string? resync = since < prunedThrough
            ? $"the change log keeps changes after seq {prunedThrough} only; sinceSeq {since} is older"
            : since > newest ? $"sinceSeq {since} is ahead of the change log (newest {newest}): the database was replaced" : null;
        Leave(connectionId);
        if (resync is not null)
        {
            await hub.Clients.Client(connectionId).Resync(new ResyncNotice(resync, _position));
            return new SubscribeResult(LiveLayers.ProtocolVersion, _position, 0, Resync: true);
        }

        var probe = new LiveGroup(LiveGroup.NameFor(layers, area, lens), layers, area, lens);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var replayed = await ReplayAsync(connectionId, probe, since, stop);
        await Join(connectionId, probe);
        // The feed's one loop waits for a replay: every map's stream stands still meanwhile.
        if (clock.Elapsed > SlowReplay)
            log.LogWarning("A Subscribe from seq {Since} replayed {Replayed} changes up to seq {Position} in {Ms:F0} ms", since, replayed, _position, clock.Elapsed.TotalMilliseconds);
        return new SubscribeResult(LiveLayers.ProtocolVersion, _position, replayed, Resync: false);
    }

    /// <summary>
    /// Sends one client what it missed in (since, _position], positions coalesced; returns the count of changes.
    /// Workers' positions are read apart, the newest of each only: at 1 Hz they are nearly all of the log (a city's
    /// 2,000 workers write 2,000 rows a second), and reading and parsing every one made a reconnect after a minute's
    /// absence replay for seconds while every other map's stream waited on this loop.
    /// </summary>
    async Task<int> ReplayAsync(string connectionId, LiveGroup filter, long since, CancellationToken stop)
    {
        var client = hub.Clients.Client(connectionId);
        var count = 0;
        if (filter.Layers.Contains(LiveLayers.Workers))
        {
            var positions = await ChangeLog.LatestOfLayerAsync(db, LiveLayers.Workers, since, _position, stop);
            Route(filter, positions, ParseFeatures(positions), []);
        }
        for (var after = since; after < _position;)
        {
            var rows = await ChangeLog.ReadExceptAsync(db, LiveLayers.Workers, after, _position, PageSize, stop);
            if (rows.Count == 0) break;
            var items = Route(filter, rows, ParseFeatures(rows), []);
            if (items.Count > 0) await client.Changes(new ChangeBatch(after, rows[^1].Seq, items));
            count += items.Count;
            after = rows[^1].Seq;
        }
        if (filter.PendingPositions.Count > 0)
            await client.Positions(new PositionBatch(_position, filter.PendingPositions.Values.ToList()));
        await client.Heartbeat(new Heartbeat(_position));
        return count;
    }

    static List<ChangeItem> Route(LiveGroup group, IReadOnlyList<ChangeRow> rows, Dictionary<long, JsonElement> features,
        Dictionary<(long, Disclosure), JsonElement> filtered)
    {
        var items = new List<ChangeItem>();
        foreach (var row in rows)
        {
            if (group.Route(row, r => Seen(r, group.Lens, features, filtered)) is not { } item) continue;
            if (row.Layer == LiveLayers.Workers) group.PendingPositions[row.FeatureId] = item;
            else items.Add(item);
        }
        return items;
    }

    /// <summary>The feature of a change as a lens lets it through, filtered once per disclosure (kept in <paramref name="filtered"/>).</summary>
    static JsonElement? Seen(ChangeRow row, PersonalDataLens lens, Dictionary<long, JsonElement> features,
        Dictionary<(long, Disclosure), JsonElement> filtered)
    {
        if (!features.TryGetValue(row.Seq, out var feature)) return null;
        if (lens.FiltersNothing || !PersonalDataFilter.HasPersonalData(row.Layer)) return feature;
        var disclosure = lens.For(PersonalDataFilter.UnitOf(row.Layer, feature));
        if (disclosure == Disclosure.Plain) return feature;
        if (!filtered.TryGetValue((row.Seq, disclosure), out var seen))
            filtered[(row.Seq, disclosure)] = seen = PersonalDataFilter.Feature(row.Layer, feature, disclosure);
        return seen;
    }

    static Dictionary<long, JsonElement> ParseFeatures(IReadOnlyList<ChangeRow> rows)
    {
        var features = new Dictionary<long, JsonElement>(rows.Count);
        foreach (var row in rows)
            if (row.FeatureJson is { } json)
                using (var doc = JsonDocument.Parse(json)) features[row.Seq] = doc.RootElement.Clone();
        return features;
    }

    async Task Join(string connectionId, LiveGroup probe)
    {
        if (!_groups.TryGetValue(probe.Name, out var group))
            _groups[probe.Name] = group = probe;
        group.Members++;
        _groupOfConnection[connectionId] = group;
        await hub.Groups.AddToGroupAsync(connectionId, group.Name);
    }

    void Leave(string connectionId)
    {
        if (!_groupOfConnection.Remove(connectionId, out var group)) return;
        _ = hub.Groups.RemoveFromGroupAsync(connectionId, group.Name);
        if (--group.Members == 0) _groups.Remove(group.Name);
    }

    async Task FlushPositionsAsync()
    {
        foreach (var group in _groups.Values.Where(g => g.PendingPositions.Count > 0))
        {
            var batch = new PositionBatch(_position, group.PendingPositions.Values.ToList());
            group.PendingPositions.Clear();
            await Send(() => hub.Clients.Group(group.Name).Positions(batch));
        }
    }

    /// <summary>Keeps each lens's jurisdiction current (a unit added or moved under it; JurisdictionUnits reads at most once a minute).</summary>
    async Task RefreshLensesAsync(CancellationToken stop)
    {
        foreach (var lens in _groups.Values.Select(g => g.Lens).Where(l => l.Root is not null))
            lens.Units = await jurisdictionUnits.GetAsync(lens.Root!, stop);
    }

    async Task SendHeartbeatsAsync()
    {
        foreach (var group in _groups.Values)
            await Send(() => hub.Clients.Group(group.Name).Heartbeat(new Heartbeat(_position)));
    }

    async Task Send(Func<Task> send)
    {
        try { await send(); }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            log.LogDebug("A live send failed: {Error}", e.Message); // a client that left; SignalR drops it
        }
    }
}
