using Npgsql;
using static MapDashboard.IntegrationTests.Patrols.PingPoster;

namespace MapDashboard.IntegrationTests.Patrols;

/// <summary>
/// A worker's live position is their newest trusted ping, whatever order pings arrive in and whatever happens to
/// them afterwards (flagged by an operator, deleted), and the live 'workers' layer logs exactly its changes:
/// a move when positions are published, a worker leaving the map at once.
/// </summary>
[Collection(PatrolCollection.Name)]
public class WorkerPositionTests(PatrolHost host)
{
    static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5400);

    sealed record Logged(long Changes, string? Op, DateTimeOffset? RecordedAt);

    /// <summary>How many changes the worker's feature has in the log, and the newest one.</summary>
    async Task<Logged> LoggedAsync(int personId)
    {
        await using var cmd = host.Db.CreateCommand("""
            select (select count(*) from change_log where layer = 'workers' and feature_id = @id),
                   op, (feature -> 'properties' ->> 'recordedAt')::timestamptz
            from (select 1) one left join lateral (select op, feature from change_log
                                                   where layer = 'workers' and feature_id = @id order by seq desc limit 1) c on true
            """);
        cmd.Parameters.AddWithValue("id", (long)personId);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Logged(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
    }

    async Task<DateTimeOffset?> PositionAtAsync(int personId)
    {
        await using var cmd = host.Db.CreateCommand("select recorded_at from worker_position where worker_id = @id");
        cmd.Parameters.AddWithValue("id", personId);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? reader.GetFieldValue<DateTimeOffset>(0) : null;
    }

    async Task ExecuteAsync(string sql, int personId, DateTimeOffset at)
    {
        await using var cmd = host.Db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("id", personId);
        cmd.Parameters.AddWithValue("at", at);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task A_late_ping_older_than_the_position_is_stored_but_moves_nobody_on_the_map()
    {
        var (worker, _, lon, lat) = await host.WorkerInGridAsync(8);
        var personId = await host.ScalarAsync<int>("select id from person where code = @w", ("w", worker));
        using var http = host.CreateRealClient();
        await AcceptedAsync(http, new Ping(worker, Start.AddSeconds(20), lon, lat));
        await host.PublishPositionsAsync();
        var before = await LoggedAsync(personId);

        var late = await AcceptedAsync(http, new Ping(worker, Start.AddSeconds(10), lon + 0.00002, lat));

        Assert.Equal(1, (int)late["stored"]!);
        Assert.Equal(Start.AddSeconds(20), await PositionAtAsync(personId));
        await host.PublishPositionsAsync();
        Assert.Equal(before, await LoggedAsync(personId));
    }

    [Fact]
    public async Task Flagging_or_deleting_the_newest_ping_sends_the_worker_back_to_the_newest_trusted_one_left()
    {
        var (worker, _, lon, lat) = await host.WorkerInGridAsync(9);
        var personId = await host.ScalarAsync<int>("select id from person where code = @w", ("w", worker));
        using var http = host.CreateRealClient();
        await AcceptedAsync(http, new Ping(worker, Start, lon, lat), new Ping(worker, Start.AddSeconds(5), lon, lat + 0.00003),
            new Ping(worker, Start.AddSeconds(10), lon, lat + 0.00006));
        await host.PublishPositionsAsync();
        var changes = (await LoggedAsync(personId)).Changes;

        // An operator condemns the newest fix: the worker is back at the one before, live.
        await ExecuteAsync("update patrol_ping set flag = 'impossible_speed' where worker_id = @id and recorded_at = @at", personId, Start.AddSeconds(10));
        Assert.Equal(Start.AddSeconds(5), await PositionAtAsync(personId));
        await host.PublishPositionsAsync();
        Assert.Equal(new Logged(changes + 1, "upsert", Start.AddSeconds(5)), await LoggedAsync(personId));

        // Deleting a ping that is not the position changes nothing the map shows.
        await ExecuteAsync("delete from patrol_ping where worker_id = @id and recorded_at = @at", personId, Start);
        await host.PublishPositionsAsync();
        Assert.Equal(changes + 1, (await LoggedAsync(personId)).Changes);

        // Deleting the position's own ping leaves no trusted ping: the worker leaves the map.
        await ExecuteAsync("delete from patrol_ping where worker_id = @id and recorded_at = @at", personId, Start.AddSeconds(5));
        Assert.Null(await PositionAtAsync(personId));
        Assert.Equal(new Logged(changes + 2, "delete", null), await LoggedAsync(personId));
    }

    [Fact]
    public async Task Publishing_never_waits_for_a_ping_batch_in_flight_and_logs_its_worker_on_the_next_round()
    {
        var (worker, _, lon, lat) = await host.WorkerInGridAsync(10);
        var personId = await host.ScalarAsync<int>("select id from person where code = @w", ("w", worker));
        using var http = host.CreateRealClient();
        await using var batch = await host.Db.OpenConnectionAsync();

        // A ping batch of this worker's, not yet committed, holds their moved (unpublished) position's row. The
        // server's own publisher may log the move before the row is taken: then move again.
        NpgsqlTransaction? tx = null;
        long changes = 0;
        var at = Start.AddSeconds(40);
        for (var attempt = 0; attempt < 20 && tx is null; attempt++, at = at.AddSeconds(5))
        {
            await AcceptedAsync(http, new Ping(worker, at, lon, lat + 0.00001 * attempt));
            var held = await batch.BeginTransactionAsync();
            await using var hold = new NpgsqlCommand("select published from worker_position where worker_id = @id for update", batch, held);
            hold.Parameters.AddWithValue("id", personId);
            if (await hold.ExecuteScalarAsync() is false)
            {
                tx = held;
                changes = (await LoggedAsync(personId)).Changes;
            }
            else await held.RollbackAsync();
        }
        Assert.NotNull(tx);

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.PublishPositionsAsync().WaitAsync(limit.Token);
        Assert.Equal(changes, (await LoggedAsync(personId)).Changes);

        await tx.RollbackAsync();
        await host.PublishPositionsAsync();
        Assert.Equal(new Logged(changes + 1, "upsert", at.AddSeconds(-5)), await LoggedAsync(personId));
    }
}
