using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Patrols;

/// <summary>A server of its own for the patrol tests, which write pings and routes: the shared demo district stays untouched.</summary>
public sealed class PatrolHost : DashboardHost
{
    /// <summary>
    /// Rows a refused request must not have added to. Positions moved by earlier requests are logged first, so the
    /// server's position chore cannot add to the count between two calls.
    /// </summary>
    public async Task<(long Pings, long Routes, long Changes)> WrittenRowsAsync()
    {
        await PublishPositionsAsync();
        await using var cmd = Db.CreateCommand(
            "select (select count(*) from patrol_ping), (select count(*) from patrol_route), (select count(*) from change_log)");
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>
    /// Logs moved workers' positions now (the server's PositionPublisher does it twice a second): a test that
    /// counts the log's changes calls this first, so it never races the chore. A publish passes over rows a
    /// concurrent one holds, so when the chore happens to run at the same moment this waits for its commit too.
    /// </summary>
    public async Task<int> PublishPositionsAsync()
    {
        var published = await ScalarAsync<int>("select publish_worker_positions()");
        for (var wait = 0; wait < 200 && await ScalarAsync<long>("select count(*) from worker_position where not published") > 0; wait++)
        {
            await Task.Delay(25);
            published += await ScalarAsync<int>("select publish_worker_positions()");
        }
        return published;
    }

    /// <summary>The nth demo grid worker (by code), their grid, and a point inside it.</summary>
    public async Task<(string Worker, string Grid, double Lon, double Lat)> WorkerInGridAsync(int nth)
    {
        await using var cmd = Db.CreateCommand("""
            select p.code, g.code, ST_X(ST_PointOnSurface(g.boundary)), ST_Y(ST_PointOnSurface(g.boundary))
            from person p join territory_unit g on g.grid_worker_id = p.id
            where p.role = 'grid_worker' order by p.code offset @nth limit 1
            """);
        cmd.Parameters.AddWithValue("nth", nth);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no grid worker number {nth}");
        return (reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3));
    }
}

/// <summary>The patrol tests share one server and run one after another (they count rows).</summary>
[CollectionDefinition(Name)]
public sealed class PatrolCollection : ICollectionFixture<PatrolHost>
{
    public const string Name = "patrols";
}
