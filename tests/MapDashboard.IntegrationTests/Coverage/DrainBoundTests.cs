using MapDashboard.Data.Coverage;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>
/// A drain does the queue as it stood when it started, then the grid-days: at city scale new pings re-queue
/// hours faster than they are rebuilt, and a drain that ran until the queue was short would never end.
/// </summary>
[Collection(CoverageCollection.Name)]
public class DrainBoundTests(CoverageDistrict district)
{
    // Hours of a past with no pings: rebuilding one is cheap and changes nothing stored.
    static readonly DateTime LongAgo = new(1999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Queues <paramref name="count"/> consecutive hours of the worker from <paramref name="hour"/> on.</summary>
    async Task QueueAsync(int worker, int hour, int count)
    {
        await using var cmd = district.Db.CreateCommand("""
            insert into patrol_coverage_dirty (worker_id, hour_start)
            select @w, @from + make_interval(hours => i) from generate_series(0, @count - 1) i
            """);
        cmd.Parameters.AddWithValue("w", worker);
        cmd.Parameters.AddWithValue("from", LongAgo.AddHours(hour));
        cmd.Parameters.AddWithValue("count", count);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_drain_ends_while_new_pings_keep_queueing_hours_faster_than_it_rebuilds_them()
    {
        int worker;
        await using (var cmd = district.Db.CreateCommand("select id from person where role = 'grid_worker' order by id limit 1"))
            worker = (int)(await cmd.ExecuteScalarAsync())!;
        await QueueAsync(worker, 0, 50);

        using var stop = new CancellationTokenSource();
        var queueing = Task.Run(async () =>
        {
            for (var h = 50; !stop.IsCancellationRequested; h += 20) await QueueAsync(worker, h, 20);
        });
        try
        {
            // One worker-hour per transaction, while twenty are queued per statement above.
            var done = await CoverageRefresher.DrainAsync(district.Db, new DrainPace(1, 0)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(done > 0);
            Assert.True(await PendingAsync() > 0, "the queueing outpaced the drain, as at city scale");
        }
        finally
        {
            await stop.CancelAsync();
            await queueing;
            await using var clear = district.Db.CreateCommand("delete from patrol_coverage_dirty where hour_start < '2000-01-01'");
            await clear.ExecuteNonQueryAsync();
        }
    }

    async Task<long> PendingAsync()
    {
        await using var cmd = district.Db.CreateCommand("select count(*) from patrol_coverage_dirty where hour_start < '2000-01-01'");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
