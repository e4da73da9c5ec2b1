using System.Globalization;
using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using MapDashboard.Server.Endpoints;
using Npgsql;

namespace MapDashboard.Server.Coverage;

/// <summary>GET /api/patrols/tracks?date=YYYY-MM-DD[&amp;grid=CODE][&amp;worker=CODE] — the day's trusted tracks, one feature per worker.</summary>
public static class TracksApi
{
    static readonly string Sql = SqlResource.Beside<CoverageClock>("tracks.sql");
    static readonly string GridExistsSql = SqlResource.Beside<CoverageClock>("grid_exists.sql");

    public static async Task<IResult> Get(string? date, string? grid, string? worker, CoverageClock clock, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (!TryParseDay(date, clock, out var day)) return CoverageProblems.BadDate(date);
        if (grid is not null && await SqlJson.QueryAsync(db, GridExistsSql, cancel, ("code", grid)) is null)
            return CoverageProblems.UnknownGrid(grid);
        if (worker is not null && await SqlJson.QueryAsync(db, "select code from person where code = @code", cancel, ("code", worker)) is null)
            return CoverageProblems.UnknownWorker(worker);
        await CoverageRefresher.CatchUpAsync(db, cancel);
        var json = await SqlJson.QueryAsync(db, Sql, cancel, ("day", day), ("grid", (object?)grid ?? DBNull.Value), ("worker", (object?)worker ?? DBNull.Value));
        return SqlJson.Json(json!);
    }

    /// <summary>A local day YYYY-MM-DD; absent means today.</summary>
    public static bool TryParseDay(string? text, CoverageClock clock, out DateOnly day)
    {
        if (text is null) { day = clock.Today; return true; }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
