using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using MapDashboard.Domain.Input;
using MapDashboard.Server.Coverage;
using MapDashboard.Server.Http;
using MapDashboard.Server.Territory;
using Npgsql;

namespace MapDashboard.Server.Patrols;

/// <summary>GET /api/patrols/tracks?date=YYYY-MM-DD[&amp;grid=CODE][&amp;worker=CODE] — the day's trusted tracks, one feature per worker.</summary>
public static class TracksApi
{
    static readonly string Sql = SqlResource.Beside<Marker>("tracks.sql");

    public static async Task<IResult> Get(string? date, string? grid, string? worker, CoverageClock clock, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (DayProblem(date, clock, out var day) is { } bad) return CoverageProblems.BadDate(bad);
        if (grid is not null && !await TerritoryLookup.PatrolGridExistsAsync(db, grid, cancel))
            return CoverageProblems.UnknownGrid(grid);
        if (worker is not null && await SqlJson.QueryAsync(db, "select code from person where code = @code", cancel, ("code", worker)) is null)
            return CoverageProblems.UnknownWorker(worker);
        await CoverageRefresher.CatchUpAsync(db, cancel);
        var json = await SqlJson.QueryAsync(db, Sql, cancel, ("day", day), ("grid", (object?)grid ?? DBNull.Value), ("worker", (object?)worker ?? DBNull.Value));
        return SqlJson.Json(json!);
    }

    /// <summary>A local day YYYY-MM-DD inside the sane window (absent means today), or why not.</summary>
    public static string? DayProblem(string? text, CoverageClock clock, out DateOnly day)
    {
        if (text is null) { day = clock.Today; return null; }
        return TimeRules.ParseDay(text, "date", clock.Today, out day);
    }

    sealed class Marker;
}
