using MapDashboard.Data;
using MapDashboard.Domain.Input;
using MapDashboard.Server.Http;
using MapDashboard.Server.Territory;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Audit;

/// <summary>
/// GET /api/audit — the audit trail for administrators: who wrote what, when, from where, before → after; newest
/// first, filtered by unit (its subtree), actor and time, paged by id. The rows are written by the database
/// (Schema/60_audit.sql in MapDashboard.Data), never by this class.
/// </summary>
public static class AuditApi
{
    const int DefaultLimit = 100;
    const int MaxLimit = 500;

    static readonly string ListSql = SqlResource.Beside<Marker>("audit_list.sql");

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", List).Produces<IReadOnlyList<AuditEntry>>().RequireAuthorization(Auth.Policies.Admin);
        return app;
    }

    static async Task<IResult> List(string? unit, string? actor, string? from, string? to, int? limit, long? before,
        NpgsqlDataSource db, CancellationToken cancel)
    {
        (unit, actor, from, to) = (Blank(unit), Blank(actor), Blank(from), Blank(to));
        if (TextRules.FirstProblem(("unit", unit, TextRules.MaxCode, false), ("actor", actor, TextRules.MaxName, false)) is { } text)
            return Problems.BadRequest("Bad filter", text);
        var now = DateTimeOffset.UtcNow;
        var (since, sinceProblem) = Instant(from, "from", now);
        var (until, untilProblem) = Instant(to, "to", now);
        if ((sinceProblem ?? untilProblem) is { } time) return Problems.BadRequest("Bad time", time);
        if (since > until) return Problems.BadRequest("Bad time", $"from {since:O} is after to {until:O}");
        if (NumberRules.Problem(limit, "limit", 1, MaxLimit) is { } count) return Problems.BadRequest("Limit out of range", count);
        if (before is < 1) return Problems.BadRequest("Bad page", $"before {before} is not an audit id (ids start at 1)");
        if (unit is not null && !await TerritoryLookup.UnitExistsAsync(db, unit, cancel))
            return Problems.NotFound("Unknown territory unit", $"no territory unit has code '{unit}'");

        await using var cmd = db.CreateCommand(ListSql);
        cmd.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Text) { Value = (object?)unit ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("actor", NpgsqlDbType.Text) { Value = (object?)actor ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)since?.UtcDateTime ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)until?.UtcDateTime ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("before", NpgsqlDbType.Bigint) { Value = (object?)before ?? DBNull.Value });
        cmd.Parameters.AddWithValue("limit", limit ?? DefaultLimit);
        return SqlJson.Json((string)(await cmd.ExecuteScalarAsync(cancel))!);
    }

    static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // A '+' typed into a URL arrives as a space (form decoding): 2026-12-03T08:00:00+08:00 unencoded is still meant.
    static (DateTimeOffset? At, string? Problem) Instant(string? text, string field, DateTimeOffset now) =>
        text is null ? (null, null)
        : TimeRules.ParseInstant(text.Replace(' ', '+'), field, now, out var at) is { } problem ? (null, problem)
        : (at, null);

    sealed class Marker;
}
