using System.Globalization;
using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Patrols;
using MapDashboard.Domain.Input;
using MapDashboard.Domain.Permissions;
using MapDashboard.Domain.Patrols;
using MapDashboard.Server.Http;
using MapDashboard.Server.Layers;
using MapDashboard.Server.Permissions;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Routes;

/// <summary>
/// Planned patrol routes: list, save, edit, delete. Every save is checked first
/// (name, a valid line inside the district, a known grid and worker, a date) and
/// a refused one writes nothing. Saved routes reach other planners through the
/// live 'routes' layer (the table's capture trigger), not through this class.
/// </summary>
public static class RoutesApi
{
    static readonly string ListSql = SqlResource.Beside<Marker>("routes_list.sql");
    static readonly string RefsSql = SqlResource.Beside<Marker>("route_refs.sql");
    static readonly string InsertSql = SqlResource.Beside<Marker>("route_insert.sql");
    static readonly string UpdateSql = SqlResource.Beside<Marker>("route_update.sql");
    static readonly string DeleteSql = SqlResource.Beside<Marker>("route_delete.sql");
    static readonly string OneSql = SqlResource.Beside<Marker>("route_one.sql");

    // The worker's name on a route, judged by the route's grid, as the 'routes' layer declares.
    static readonly LayerDeclaration Layer = LayerCatalog.Find("routes")!;
    static readonly PersonalDataShape One = PersonalDataShape.ForLayer(Layer), Many = PersonalDataShape.ForLayer(Layer, collection: true);

    sealed record Refs(int? GridId, int? WorkerId);

    sealed record ValidRoute(string Name, LineString Path, int? GridId, int? WorkerId, DateOnly? PlannedFor);

    public static IEndpointRouteBuilder MapRoutesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/routes").RequireAuthorization(Auth.Policies.Read);
        api.MapGet("/", List).Produces<GeoJsonFeatureCollection<RouteProperties>>().Discloses(Many);
        api.MapPost("/", Create).Produces<GeoJsonFeature<RouteProperties>>(StatusCodes.Status201Created, "application/geo+json").Acts(Capability.EditRoute, c => [.. Planned(c.Body<RouteBody>())]).Discloses(One).RequireAuthorization(Auth.Policies.Plan);
        api.MapPut("/{id:long}", Update).Produces<GeoJsonFeature<RouteProperties>>(StatusCodes.Status200OK, "application/geo+json").Acts(Capability.EditRoute, c => [Concern.Route(long.Parse(c.Route("id"))), .. Planned(c.Body<RouteBody>())]).Discloses(One).RequireAuthorization(Auth.Policies.Plan);
        api.MapDelete("/{id:long}", Delete).Produces(StatusCodes.Status204NoContent).Acts(Capability.EditRoute, c => Concern.Route(long.Parse(c.Route("id")))).RequireAuthorization(Auth.Policies.Plan);
        api.MapPost("/analysis", RouteAnalysisApi.Post).Produces<RouteAnalysis>().RequireAuthorization(Auth.Policies.Plan);
        api.MapGet("/{id:long}/comparison", RouteComparisonApi.Get).Produces<RouteComparison>();
        return app;
    }

    static async Task<IResult> List(string? date, string? grid, string? worker, NpgsqlDataSource db, CancellationToken cancel)
    {
        DateOnly? day = null;
        if (date is not null)
        {
            if (TimeRules.ParseDay(date, "date", Today, out var d) is { } bad) return Problems.BadRequest("Bad date", bad);
            day = d;
        }
        var refs = await RefsAsync(db, grid, worker, cancel);
        if (grid is not null && refs.GridId is null) return Problems.NotFound("Unknown grid", $"no community, dedicated or micro grid has code '{grid}'");
        if (worker is not null && refs.WorkerId is null) return Problems.NotFound("Unknown worker", $"no grid worker has code '{worker}'");

        await using var cmd = db.CreateCommand(ListSql);
        cmd.Parameters.Add(new NpgsqlParameter("date", NpgsqlDbType.Date) { Value = (object?)day ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("grid_id", NpgsqlDbType.Integer) { Value = (object?)refs.GridId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("worker_id", NpgsqlDbType.Integer) { Value = (object?)refs.WorkerId ?? DBNull.Value });
        return SqlJson.Json((string)(await cmd.ExecuteScalarAsync(cancel))!);
    }

    static async Task<IResult> Create(RouteBody? body, NpgsqlDataSource db, ServiceAreaSource area, AuditScope who, HttpResponse response, CancellationToken cancel)
    {
        var (route, problem) = await ValidateAsync(body, db, area, cancel);
        if (problem is not null) return problem;
        var id = await WriteAsync(who.Command(db, InsertSql), route!, null, cancel);
        var feature = await FeatureAsync(db, id!.Value, cancel);
        response.Headers.Location = $"/api/routes/{id}";
        return TypedResults.Text(feature, "application/geo+json; charset=utf-8", statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Where a route body would put the route: its grid and its line (each must be the editor's to plan).</summary>
    static IEnumerable<Concern> Planned(RouteBody? body)
    {
        if (body is null) yield break;
        if (!string.IsNullOrWhiteSpace(body.Grid)) yield return Concern.Unit(body.Grid);
        var (vertices, problem) = body.ReadPath();
        if (problem is null && vertices is { Count: >= 2 } && vertices.All(v => v.Length >= 2 && v.All(double.IsFinite)))
            yield return Concern.Place(RouteBody.Line(vertices), "the route's line");
    }

    static async Task<IResult> Update(long id, RouteBody? body, NpgsqlDataSource db, ServiceAreaSource area, AuditScope who, CancellationToken cancel)
    {
        var (route, problem) = await ValidateAsync(body, db, area, cancel);
        if (problem is not null) return problem;
        if (await WriteAsync(who.Command(db, UpdateSql), route!, id, cancel) is null) return UnknownRoute(id);
        return TypedResults.Text(await FeatureAsync(db, id, cancel), "application/geo+json; charset=utf-8");
    }

    static async Task<IResult> Delete(long id, NpgsqlDataSource db, AuditScope who, CancellationToken cancel)
    {
        await using var cmd = who.Command(db, DeleteSql);
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteScalarAsync(cancel) is null ? UnknownRoute(id) : TypedResults.NoContent();
    }

    static async Task<(ValidRoute? Route, IResult? Problem)> ValidateAsync(RouteBody? body, NpgsqlDataSource db, ServiceAreaSource area, CancellationToken cancel)
    {
        if (body is null) return (null, Problems.BadRequest("No route", "send {name, path: GeoJSON LineString, grid?, worker?, plannedFor?}"));
        var (vertices, pathProblem) = body.ReadPath();
        var problems = new List<string>();
        if (pathProblem is not null)
        {
            if (string.IsNullOrWhiteSpace(body.Name)) problems.Add("name is required");
            problems.Add(pathProblem);
        }
        else problems.AddRange(new RouteValidator(await area.GetAsync(cancel)).Validate(body.ToDraft(vertices)));

        DateOnly? plannedFor = null;
        if (body.PlannedFor is not null)
        {
            if (TimeRules.ParseDay(body.PlannedFor, "plannedFor", Today, out var d) is { } bad) problems.Add(bad);
            else plannedFor = d;
        }
        if (TextRules.FirstProblem(("grid", body.Grid, TextRules.MaxCode, false), ("worker", body.Worker, TextRules.MaxCode, false)) is { } code)
            return (null, Problems.BadRequest("Invalid route", string.Join("; ", [.. problems, code])));
        var refs = await RefsAsync(db, body.Grid, body.Worker, cancel);
        if (body.Grid is not null && refs.GridId is null) problems.Add($"grid '{body.Grid}' is not a community, dedicated or micro grid");
        if (body.Worker is not null && refs.WorkerId is null) problems.Add($"worker '{body.Worker}' is not a grid worker");

        if (problems.Count > 0) return (null, Problems.BadRequest("Invalid route", string.Join("; ", problems)));
        return (new ValidRoute(body.Name!.Trim(), RouteBody.Line(vertices!), refs.GridId, refs.WorkerId, plannedFor), null);
    }

    /// <summary>Runs an insert or update of a route; <paramref name="command"/> carries the audit scope in front (AuditScope.Command).</summary>
    static async Task<long?> WriteAsync(NpgsqlCommand command, ValidRoute route, long? id, CancellationToken cancel)
    {
        await using var cmd = command;
        cmd.Parameters.AddWithValue("name", route.Name);
        cmd.Parameters.AddWithValue("path", route.Path);
        cmd.Parameters.Add(new NpgsqlParameter("grid_id", NpgsqlDbType.Integer) { Value = (object?)route.GridId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("worker_id", NpgsqlDbType.Integer) { Value = (object?)route.WorkerId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("planned_for", NpgsqlDbType.Date) { Value = (object?)route.PlannedFor ?? DBNull.Value });
        if (id is { } existing) cmd.Parameters.AddWithValue("id", existing);
        return await cmd.ExecuteScalarAsync(cancel) is long written ? written : null;
    }

    static async Task<string> FeatureAsync(NpgsqlDataSource db, long id, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(OneSql);
        cmd.Parameters.AddWithValue("id", id);
        return (string)(await cmd.ExecuteScalarAsync(cancel))!;
    }

    static async Task<Refs> RefsAsync(NpgsqlDataSource db, string? grid, string? worker, CancellationToken cancel)
    {
        if (grid is null && worker is null) return new(null, null);
        await using var cmd = db.CreateCommand(RefsSql);
        cmd.Parameters.Add(new NpgsqlParameter("grid", NpgsqlDbType.Text) { Value = (object?)grid ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("worker", NpgsqlDbType.Text) { Value = (object?)worker ?? DBNull.Value });
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        await reader.ReadAsync(cancel);
        return new(reader.IsDBNull(0) ? null : reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1));
    }

    // UTC's day: the window's bounds are years apart, so the district's time zone changes nothing here.
    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    static IResult UnknownRoute(long id) => Problems.NotFound("Unknown route", $"no route has id {id}");

    sealed class Marker;
}
