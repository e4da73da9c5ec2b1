using Dapper;
using MapDashboard.Data.Audit;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.Data.Incidents;

/// <summary>How a report was received: which door, who, and the Open311 token to hand back (if any).</summary>
public sealed record IntakeSource(string Source, string Actor, string? Token = null);

/// <summary>The answer to a report: a new incident, or the open incident it was linked to as a duplicate.</summary>
public sealed record IntakeResult(long Id, string Code, bool Duplicate, Route? Route);

/// <summary>Tuning of duplicate detection: same category within this distance and time of an open incident.</summary>
public sealed record DuplicateRule(double RadiusMetres, TimeSpan Window)
{
    public static DuplicateRule Default { get; } = new(50, TimeSpan.FromHours(24));
}

/// <summary>
/// Writes a validated report: links it to an open duplicate, or routes it and
/// creates the incident with its first history entry and recolours its grids,
/// all in one transaction. Reports of one category are serialised (advisory
/// lock), so two reports of one problem arriving together cannot both create.
/// </summary>
public sealed class IncidentIntake(NpgsqlDataSource db, DuplicateRule duplicates)
{
    static readonly string FindDuplicateSql = SqlResource.Beside<IncidentIntake>("find_duplicate.sql");
    static readonly string LinkDuplicateSql = SqlResource.Beside<IncidentIntake>("link_duplicate.sql");
    static readonly string RoutingFactsSql = SqlResource.Beside<IncidentIntake>("routing_facts.sql");
    static readonly string InsertSql = SqlResource.Beside<IncidentIntake>("insert_incident.sql");

    /// <summary>How near a hazard point must be to count as "the thing at the point" for ownership.</summary>
    public const double HazardRadiusMetres = 10;

    sealed record Found(long Id, string Code);

    /// <param name="alongside">
    /// More writes that belong to the report (its photos), given the incident's id (the new one, or the one it was
    /// linked to) in the same transaction: if they throw, nothing of the report is stored.
    /// </param>
    public async Task<IntakeResult> ReportAsync(IncidentReport report, IntakeSource from, AuditScope who, CancellationToken cancel = default,
        Func<NpgsqlConnection, NpgsqlTransaction, long, Task>? alongside = null)
    {
        var (lon, lat) = (report.Longitude!.Value, report.Latitude!.Value);
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await who.ApplyAsync(conn, tx, cancel);
        await conn.ExecuteAsync("select pg_advisory_xact_lock(hashtext('incident-intake:' || @category))", new { category = report.Category }, tx);

        var duplicate = await conn.QuerySingleOrDefaultAsync<Found>(FindDuplicateSql,
            new { category = report.Category, lon, lat, radius = duplicates.RadiusMetres, window = duplicates.Window }, tx);
        if (duplicate is not null)
        {
            await conn.ExecuteAsync(LinkDuplicateSql, new
            {
                id = duplicate.Id, actor = from.Actor, source = from.Source,
                note = report.Description ?? "", // what the reporter wrote; the event (reported_again) says the rest
            }, tx);
            if (alongside is not null) await alongside(conn, tx, duplicate.Id);
            await tx.CommitAsync(cancel);
            return new IntakeResult(duplicate.Id, duplicate.Code, true, null);
        }

        var route = await RouteAsync(conn, tx, lon, lat);
        var limits = await TimeLimitsReader.ForAsync(conn, tx, report.Category!);
        var created = await conn.QuerySingleAsync<Found>(InsertSql, new
        {
            category = report.Category, description = report.Description ?? "", lon, lat, source = from.Source,
            gridId = route.GridId, communityId = route.CommunityId, streetId = route.StreetId,
            responsibleId = route.ResponsibleUnitId, workerId = route.WorkerId, level = (short)route.Level,
            unclear = route.OwnershipUnclear, reason = route.Reason, contact = report.Contact, photoUrl = report.PhotoUrl,
            dueAt = limits.DueAt(IncidentStage.Reported, DateTimeOffset.UtcNow), token = from.Token,
            actor = from.Actor, note = "", @event = "reported", @params = new HistoryEvent("reported", ("source", from.Source)).ParamsJson,
        }, tx);
        await GridStatusRefresher.RefreshAsync(conn, tx, (lon, lat));
        if (alongside is not null) await alongside(conn, tx, created.Id);
        await tx.CommitAsync(cancel);
        return new IntakeResult(created.Id, created.Code, false, route);
    }

    /// <summary>Where a point would be routed, without writing anything (also used by tests on the demo data).</summary>
    public async Task<Route?> PreviewRouteAsync(double lon, double lat, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        var (covering, assets) = await FactsAsync(conn, null, lon, lat);
        return IncidentRouting.Decide(covering, assets);
    }

    static async Task<Route> RouteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, double lon, double lat)
    {
        var (covering, assets) = await FactsAsync(conn, tx, lon, lat);
        return IncidentRouting.Decide(covering, assets)
            ?? throw new ReportNotRoutableException(lon, lat);
    }

    static async Task<(IReadOnlyList<CoveringUnit>, IReadOnlyList<TroubledAsset>)> FactsAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, double lon, double lat)
    {
        await using var facts = await conn.QueryMultipleAsync(RoutingFactsSql, new { lon, lat, hazardRadius = HazardRadiusMetres }, tx);
        var covering = (await facts.ReadAsync<CoveringUnit>()).ToList();
        var assets = (await facts.ReadAsync<TroubledAsset>()).ToList();
        return (covering, assets);
    }
}
