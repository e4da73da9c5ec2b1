using Dapper;
using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using MapDashboard.Server.Coverage;
using MapDashboard.Server.Http;
using MapDashboard.Server.Patrols;
using Npgsql;

namespace MapDashboard.Server.Routes;

/// <summary>GET /api/routes/{id}/comparison[?date=YYYY-MM-DD] — planned vs walked for the route's worker on a day (default its planned day).</summary>
public static class RouteComparisonApi
{
    static readonly string FactsSql = SqlResource.Beside<Marker>("route_facts.sql");
    static readonly string Sql = SqlResource.Beside<Marker>("route_comparison.sql");

    sealed record Facts(string? Worker, string? PlannedFor);

    public static async Task<IResult> Get(long id, string? date, CoverageClock clock, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (TracksApi.DayProblem(date, clock, out var given) is { } bad) return CoverageProblems.BadDate(bad);
        await using var conn = await db.OpenConnectionAsync(cancel);
        var facts = await conn.QuerySingleOrDefaultAsync<Facts>(new CommandDefinition(FactsSql, new { id }, cancellationToken: cancel));
        if (facts is null) return Problems.NotFound("Unknown route", $"no route has id {id}");
        if (facts.Worker is null)
            return Problems.Conflict("Route has no worker", $"route {id} is not assigned to a worker, so nobody's track can be compared with it");
        var day = date is not null ? given : facts.PlannedFor is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd") : clock.Today;
        await CoverageRefresher.CatchUpAsync(conn, cancel);
        var json = await SqlJson.QueryAsync(db, Sql, cancel, ("id", id), ("day", day));
        return SqlJson.Json(json!);
    }

    sealed class Marker;
}
