using Npgsql;

namespace MapDashboard.Data.Coverage;

/// <summary>
/// One transaction of the coverage drain's second half: takes up to a batch of queued grid-days and recomputes
/// each grid's coverage of that day (patrol_refresh_grid_days). A failure names the grid-days it held
/// (<see cref="CoverageBatchFailedException"/>) so the drain can find and set aside the one at fault.
/// </summary>
public static class GridDayBatch
{
    static readonly string TakeSql = SqlResource.Beside<CoverageSettings>("take_grid_days.sql");
    static readonly string RefreshSql = SqlResource.Beside<CoverageSettings>("refresh_grid_days.sql");

    public static async Task<int> RunAsync(NpgsqlConnection conn, int batchSize, CancellationToken cancel)
    {
        await using var tx = await conn.BeginTransactionAsync(cancel);
        var taken = await TakeAsync(conn, batchSize, cancel);
        if (taken.Count > 0)
        {
            try
            {
                await using var refresh = new NpgsqlCommand(RefreshSql, conn) { CommandTimeout = 300 };
                refresh.Parameters.AddWithValue("grids", taken.Select(u => u.GridId).ToArray());
                refresh.Parameters.AddWithValue("days", taken.Select(u => u.Day).ToArray());
                await refresh.ExecuteNonQueryAsync(cancel);
            }
            catch (Exception e) when (!DatabaseErrors.IsTransient(e) && e is not OperationCanceledException)
            {
                throw new CoverageBatchFailedException(taken, e);
            }
        }
        await tx.CommitAsync(cancel);
        return taken.Count;
    }

    static async Task<List<GridDay>> TakeAsync(NpgsqlConnection conn, int batchSize, CancellationToken cancel)
    {
        await using var take = new NpgsqlCommand(TakeSql, conn);
        take.Parameters.AddWithValue("batch", batchSize);
        var taken = new List<GridDay>();
        await using var reader = await take.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel)) taken.Add(new GridDay(reader.GetInt32(0), reader.GetString(1)));
        return taken;
    }
}
