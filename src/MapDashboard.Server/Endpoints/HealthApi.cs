using MapDashboard.Data.Migrations;
using Npgsql;

namespace MapDashboard.Server.Endpoints;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetHealth);
        return app;
    }

    public sealed record Health(string Status, string? Database, string? Postgis, int? SchemaVersion, int ExpectedSchemaVersion, string? Error);

    static async Task<IResult> GetHealth(NpgsqlDataSource db, CancellationToken cancel)
    {
        try
        {
            await using var conn = await db.OpenConnectionAsync(cancel);
            var version = await Data.ConnectionExtensions.ScalarAsync<string>(conn, "select split_part(version(), ' on ', 1)", cancel);
            var postgis = await Data.ConnectionExtensions.ScalarAsync<string>(conn, "select postgis_lib_version()", cancel);
            var schema = await MigrationRunner.CurrentVersionAsync(conn, cancel);
            var ok = schema == MigrationRunner.LatestVersion;
            var health = new Health(ok ? "ok" : "migrating", version, postgis, schema, MigrationRunner.LatestVersion, null);
            return ok ? TypedResults.Ok(health) : TypedResults.Json(health, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var health = new Health("unavailable", null, null, null, MigrationRunner.LatestVersion, e.Message);
            return TypedResults.Json(health, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
