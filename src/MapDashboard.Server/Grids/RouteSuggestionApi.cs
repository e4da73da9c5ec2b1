using Dapper;
using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using MapDashboard.Data.Patrols;
using MapDashboard.Domain.Input;
using MapDashboard.Domain.Patrols;
using MapDashboard.Server.Coverage;
using MapDashboard.Server.Http;
using MapDashboard.Server.Territory;
using Npgsql;

namespace MapDashboard.Server.Grids;

/// <summary>
/// POST /api/grids/{code}/route-suggestion — a walking route from the start through every asset the grid still
/// owes a visit in the window (unvisited building entrances and hazards, hazards due for a revisit: the rule of
/// the grid's coverage, patrol_grid_assets), ordered by <see cref="RouteSuggester"/> (straight legs between
/// stops: there is no walkable network to route on). The planner edits it from there. A grid with nothing left
/// to visit answers so (<c>allVisited: true</c>, no stops, no path) rather than a route of one point.
/// </summary>
public static class RouteSuggestionApi
{
    static readonly string StopsSql = SqlResource.Beside<Marker>("suggestion_stops.sql");
    static readonly string StartSql = SqlResource.Beside<Marker>("suggestion_start.sql");
    static readonly string MetricSql = SqlResource.Beside<Marker>("to_metric.sql");

    public sealed record Body(double[]? Start, string? Worker, string? Window);

    sealed record Stop(string Kind, string Code, string Name, double Lon, double Lat, double X, double Y);

    sealed record Place(double Lon, double Lat, double X, double Y);

    const double MetresPerMinute = 75; // 4.5 km/h, the pace the web's route statistics use

    public static async Task<IResult> Post(string code, Body? body, CoverageClock clock, NpgsqlDataSource db, ServiceAreaSource area, CancellationToken cancel)
    {
        body ??= new Body(null, null, null);
        if (TextRules.FirstProblem(("worker", body.Worker, TextRules.MaxCode, false), ("window", body.Window, TextRules.MaxCode, false)) is { } text)
            return Problems.BadRequest("Bad request value", text);
        var windowName = body.Window ?? "today";
        if (clock.Window(windowName) is not { } window) return CoverageProblems.UnknownWindow(windowName);
        if (body.Start is { } s && StartProblem(s, await area.GetAsync(cancel)) is { } startProblem) return Problems.BadRequest("Bad start", startProblem);

        await using var conn = await db.OpenConnectionAsync(cancel);
        if (!await TerritoryLookup.PatrolGridExistsAsync(db, code, cancel))
            return CoverageProblems.UnknownGrid(code);
        if (body.Worker is { } w && await conn.ExecuteScalarAsync<string?>(new CommandDefinition("select code from person where code = @w", new { w }, cancellationToken: cancel)) is null)
            return CoverageProblems.UnknownWorker(w);
        await CoverageRefresher.CatchUpAsync(conn, cancel);

        var stops = (await conn.QueryAsync<Stop>(new CommandDefinition(StopsSql, new { code, from = window.From.ToUniversalTime() }, cancellationToken: cancel))).ToList();
        var start = body.Start is { } given
            ? await StartAtAsync(conn, given[0], given[1], cancel)
            : await conn.QuerySingleAsync<Place>(new CommandDefinition(StartSql, new { code, worker = body.Worker }, cancellationToken: cancel));

        var origin = new MetricPoint(start.X, start.Y);
        var points = stops.Select(x => new MetricPoint(x.X, x.Y)).ToList();
        var order = RouteSuggester.Order(origin, points);
        var ordered = order.Select(i => stops[i]).ToList();
        var metres = RouteSuggester.Length(origin, points, order);

        var coordinates = new[] { new[] { start.Lon, start.Lat } }.Concat(ordered.Select(x => new[] { x.Lon, x.Lat })).ToArray();
        return TypedResults.Json(new RouteSuggestion(ordered.Count == 0, windowName,
            coordinates.Length >= 2 ? new SuggestedPath("LineString", coordinates) : null,
            ordered.Select(x => new SuggestedStop(x.Kind, x.Code, x.Name, x.Lon, x.Lat)).ToList(),
            Math.Round(metres, 1), Math.Round(metres / MetresPerMinute, 1), [start.Lon, start.Lat]));
    }

    static async Task<Place> StartAtAsync(NpgsqlConnection conn, double lon, double lat, CancellationToken cancel)
    {
        var (x, y) = await conn.QuerySingleAsync<(double, double)>(new CommandDefinition(MetricSql, new { lon, lat }, cancellationToken: cancel));
        return new Place(lon, lat, x, y);
    }

    /// <summary>A start is where a worker can stand: inside the district's service area, as every ping and route vertex must be.</summary>
    static string? StartProblem(double[] start, ServiceArea area) => start switch
    {
        { Length: not 2 } => "start must be [lon, lat]",
        [var lon, var lat] when !double.IsFinite(lon) || !double.IsFinite(lat) => "start must be two numbers [lon, lat]",
        [var lon, var lat] when area.Contains(lon, lat) => null,
        [var lon, var lat] when area.Contains(lat, lon) => "latitude and longitude look swapped: start is [lon, lat]",
        [var lon, var lat] => $"start [{lon}, {lat}] is outside the district",
    };

    sealed class Marker;
}
