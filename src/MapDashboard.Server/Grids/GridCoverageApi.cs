using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using MapDashboard.Server.Coverage;
using MapDashboard.Server.Http;
using Npgsql;

namespace MapDashboard.Server.Grids;

/// <summary>GET /api/grids/{code}/coverage?window=today|24h|7d — what the patrols covered and visited in one grid.</summary>
public static class GridCoverageApi
{
    static readonly string Sql = SqlResource.Beside<Marker>("grid_coverage.sql");

    public static async Task<IResult> Get(string code, string? window, CoverageClock clock, NpgsqlDataSource db, CancellationToken cancel)
    {
        var name = window ?? "today";
        if (clock.Window(name) is not { } w) return CoverageProblems.UnknownWindow(name);
        await CoverageRefresher.CatchUpAsync(db, cancel);
        var json = await SqlJson.QueryAsync(db, Sql, cancel, ("code", code), ("window", w.Name), ("from", w.From.ToUniversalTime()), ("to", w.To.ToUniversalTime()));
        return json is null
            ? CoverageProblems.UnknownGrid(code)
            : SqlJson.Json(json);
    }

    sealed class Marker;
}
