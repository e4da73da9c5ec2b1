using Dapper;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.Data.Incidents;

/// <summary>A category's stage limits from category_time_limit, or the default for a category without a row.</summary>
static class TimeLimitsReader
{
    static readonly string Sql = SqlResource.Beside<IncidentIntake>("time_limits.sql");

    sealed record Row(TimeSpan to_dispatch, TimeSpan to_accept, TimeSpan to_resolve);

    public static async Task<StageTimeLimits> ForAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string category)
    {
        var row = await conn.QuerySingleOrDefaultAsync<Row>(Sql, new { category }, tx);
        return row is null ? StageTimeLimits.Default : new StageTimeLimits(row.to_dispatch, row.to_accept, row.to_resolve);
    }
}
