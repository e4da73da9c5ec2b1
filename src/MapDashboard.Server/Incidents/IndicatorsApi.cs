using MapDashboard.Data;
using MapDashboard.Server.Http;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Incidents;

/// <summary>Reported today, open, overdue, 办结率, on-time closure, 满意度, by category and 30 days by day — for any unit.</summary>
public static class IndicatorsApi
{
    static readonly string Sql = SqlResource.Beside<Marker>("indicators.sql");

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/indicators/{unitCode}", async (string unitCode, NpgsqlDataSource db, IOptions<IncidentOptions> options, CancellationToken cancel) =>
            await ReadAsync(db, unitCode, options.Value.TimeZone, cancel) is { } json
                ? SqlJson.Json(json)
                : Problems.NotFound("Unknown territory unit", $"no district, street, community or grid has code '{unitCode}'"))
            .Produces<UnitIndicators>().RequireAuthorization(Auth.Policies.Read);
        return app;
    }

    /// <summary>The indicators' JSON (also the CSV export's source); null for an unknown unit.</summary>
    public static Task<string?> ReadAsync(NpgsqlDataSource db, string unitCode, string timeZone, CancellationToken cancel) =>
        SqlJson.QueryAsync(db, Sql, cancel, ("code", unitCode), ("tz", timeZone));

    sealed class Marker;
}
