using MapDashboard.Data.Background;
using MapDashboard.Data.Migrations;
using MapDashboard.Server.Hosting;
using Npgsql;

namespace MapDashboard.Server.Health;

/// <summary>
/// GET /api/health: the database, the schema, and every background service. "degraded" (still 200: the map and the
/// API serve) when a service is failing by itself or was restarted lately, or units of work were set aside as
/// dead letters (GET /api/health/dead-letters lists them); 503 only when the server cannot serve at all.
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetHealth).Produces<Health>().Produces<Health>(StatusCodes.Status503ServiceUnavailable).AllowAnonymous().RequireRateLimiting(Auth.RateLimits.Anonymous);
        app.MapGet("/api/health/dead-letters", GetDeadLetters).Produces<IReadOnlyList<Data.Background.DeadLetter>>().RequireAuthorization(Auth.Policies.Admin);
        return app;
    }

    public sealed record Health(string Status, string? Database, string? Postgis, int? SchemaVersion, int ExpectedSchemaVersion, string? Error,
        IReadOnlyList<BackgroundHealth.ServiceState> Background, int? DeadLetters);

    static async Task<IResult> GetHealth(NpgsqlDataSource db, BackgroundHealth background, CancellationToken cancel)
    {
        try
        {
            await using var conn = await db.OpenConnectionAsync(cancel);
            var version = await Data.ConnectionExtensions.ScalarAsync<string>(conn, "select split_part(version(), ' on ', 1)", cancel);
            var postgis = await Data.ConnectionExtensions.ScalarAsync<string>(conn, "select postgis_lib_version()", cancel);
            var schema = await MigrationRunner.CurrentVersionAsync(conn, cancel);
            var ok = schema == MigrationRunner.LatestVersion;
            var deadLetters = ok ? await DeadLetters.CountOpenAsync(conn) : (int?)null;
            var status = !ok ? "migrating" : background.Degraded || deadLetters > 0 ? "degraded" : "ok";
            var health = new Health(status, version, postgis, schema, MigrationRunner.LatestVersion, null, background.Services, deadLetters);
            return ok ? TypedResults.Ok(health) : TypedResults.Json(health, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var health = new Health("unavailable", null, null, null, MigrationRunner.LatestVersion, e.Message, background.Services, null);
            return TypedResults.Json(health, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    static async Task<IResult> GetDeadLetters(NpgsqlDataSource db, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return TypedResults.Ok(await DeadLetters.OpenAsync(conn));
    }
}
