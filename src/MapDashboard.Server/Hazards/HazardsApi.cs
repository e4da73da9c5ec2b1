using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Http;
using MapDashboard.Server.Permissions;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Hazards;

/// <summary>Hazard points: their status and severity change as they are mitigated.</summary>
public static class HazardsApi
{
    static readonly string UpdateSql = SqlResource.Beside<Marker>("hazard_update.sql");
    static readonly string[] Statuses = ["open", "mitigating", "resolved"];
    static readonly string[] Severities = ["low", "medium", "high", "critical"];

    public sealed record HazardChange(string? Status, string? Severity);

    public static IEndpointRouteBuilder MapHazardsApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/hazards/{code}", ["PATCH"], Update).Produces<HazardChanged>().Acts(Capability.EditHazard, c => Concern.Hazard(c.Route("code"))).RequireAuthorization(Auth.Policies.Dispatch);
        return app;
    }

    static async Task<IResult> Update(string code, HazardChange? change, NpgsqlDataSource db, AuditScope who, CancellationToken cancel)
    {
        if (change is null || change.Status is null && change.Severity is null)
            return Problems.BadRequest("Nothing to change", "send status and/or severity");
        if (change.Status is { } s && !Statuses.Contains(s))
            return Problems.BadRequest("Unknown hazard status", $"status '{s}' is not one of {string.Join(", ", Statuses)}");
        if (change.Severity is { } v && !Severities.Contains(v))
            return Problems.BadRequest("Unknown hazard severity", $"severity '{v}' is not one of {string.Join(", ", Severities)}");

        // An autocommit write: the audit scope rides in the same command (see AuditScope.Command).
        await using var cmd = who.Command(db, UpdateSql);
        cmd.Parameters.AddWithValue("code", code);
        cmd.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = (object?)change.Status ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("severity", NpgsqlDbType.Text) { Value = (object?)change.Severity ?? DBNull.Value });
        return await cmd.ExecuteScalarAsync(cancel) is string json
            ? SqlJson.Json(json)
            : Problems.NotFound("Unknown hazard", $"no hazard has code '{code}'");
    }

    sealed class Marker;
}
