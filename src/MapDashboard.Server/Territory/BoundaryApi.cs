using MapDashboard.Server.ApiReference;
using System.Text.Json;
using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Doors;
using MapDashboard.Server.Http;
using MapDashboard.Server.Permissions;
using NetTopologySuite.Geometries;
using Npgsql;

namespace MapDashboard.Server.Territory;

/// <summary>
/// PUT /api/territory/{code}/boundary — an administrator redraws a unit's boundary. Validated (valid polygon,
/// EPSG:4326, inside its parent, and for an editor bound to a unit inside their jurisdiction's land) before anything is written; the answer says which findings the edit creates,
/// removes and changes. With ?dryRun=true the very same transaction runs and is rolled back, so the dry run
/// answers exactly what saving would.
/// </summary>
public static class BoundaryApi
{
    static readonly string KindSql = SqlResource.Beside<Marker>("unit_kind.sql");
    static readonly string CheckSql = SqlResource.Beside<Marker>("boundary_check.sql");
    static readonly string BeforeSql = SqlResource.Beside<Marker>("findings_before.sql");
    static readonly string UpdateSql = SqlResource.Beside<Marker>("boundary_update.sql");
    static readonly string DiffSql = SqlResource.Beside<Marker>("findings_diff.sql");

    public static IEndpointRouteBuilder MapBoundaryApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/territory/{code}/boundary", Put).TakesBody<GeoJsonGeometry>(BodyKind.Boundary)
            .Produces<BoundaryAnswer>()
            .Acts(Capability.EditBoundary, c => Concern.Unit(c.Route("code"))).RequireAuthorization(Auth.Policies.EditTerritory);
        return app;
    }

    static async Task<IResult> Put(string code, bool? dryRun, HttpRequest request, NpgsqlDataSource db, AuditScope who, Jurisdiction jurisdiction, CancellationToken cancel)
    {
        var (document, _) = await JsonBodies.ReadAsync(request, cancel);
        using var _d = document;
        if (document is null || BoundaryGeoJson.Geometry(document.RootElement) is not { } geometry)
            return Problems.BadRequest("No boundary", "send a GeoJSON Polygon or MultiPolygon (or a Feature holding one) in EPSG:4326");

        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await who.ApplyAsync(conn, tx, cancel);
        if (await ScalarAsync(conn, KindSql, code, null, cancel) is null)
            return Problems.NotFound("Unknown territory unit", $"no territory unit has code '{code}'");
        if (BoundaryGeoJson.Problem(geometry, out var boundary) is { } shape) return Problems.BadRequest("Boundary rejected", shape);
        string? problem;
        try { problem = (string?)await ScalarAsync(conn, CheckSql, code, boundary, cancel); }
        catch (PostgresException e) when (e.SqlState.StartsWith("XX") || e.SqlState.StartsWith("22"))
        {
            // A GEOS or PostGIS failure on a geometry its checks could not judge: its wording is not the client's
            // business (and not stable across versions).
            problem = "the GeoJSON cannot be read as a Polygon or MultiPolygon";
        }
        if (problem is not null) return Problems.BadRequest("Boundary rejected", problem);
        var editor = RequestViewer.Of(request.HttpContext);
        if (editor.IsJudged() && await jurisdiction.LandRefusalAsync(editor!, boundary!, conn, cancel) is { } outside)
            return Problems.Forbidden(outside);

        await ScalarAsync(conn, BeforeSql, null, null, cancel);
        await ScalarAsync(conn, UpdateSql, code, boundary, cancel);
        var diff = (string)(await ScalarAsync(conn, DiffSql, null, null, cancel))!;
        var saved = dryRun != true;
        if (saved) await tx.CommitAsync(cancel);
        else await tx.RollbackAsync(cancel);
        return SqlJson.Json($$"""{"code":{{JsonSerializer.Serialize(code)}},"dryRun":{{(!saved).ToString().ToLowerInvariant()}},"saved":{{saved.ToString().ToLowerInvariant()}},"findings":{{diff}}}""");
    }

    static async Task<object?> ScalarAsync(NpgsqlConnection conn, string sql, string? code, Geometry? boundary, CancellationToken cancel)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 120 };
        if (code is not null) cmd.Parameters.AddWithValue("code", code);
        // An NTS geometry: Npgsql.NetTopologySuite sends it as PostGIS geometry, SRID 4326 included.
        if (boundary is not null) cmd.Parameters.AddWithValue("boundary", boundary);
        var value = await cmd.ExecuteScalarAsync(cancel);
        return value is DBNull ? null : value;
    }

    sealed class Marker;
}
