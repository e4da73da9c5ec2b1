using Dapper;
using MapDashboard.Data.Accounts;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Incidents;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.Data.Residents;

/// <summary>How a resident's rating went: no such link, refused (with the stage it stays in), or done.</summary>
public sealed record ResidentRating(bool Found, TransitionDecision? Decision, IncidentStage? Stage);

/// <summary>
/// The resident's tracking links (migration 0028): a random token handed out once, stored only as its SHA-256, which
/// finds one incident. Whoever holds the link follows that incident and rates it once it is resolved.
/// </summary>
public sealed class ResidentTracking(NpgsqlDataSource db)
{
    static readonly string AddSql = SqlResource.Beside<ResidentTracking>("add_tracking.sql");
    static readonly string IncidentSql = SqlResource.Beside<ResidentTracking>("tracked_incident.sql");
    static readonly string PhotoSql = SqlResource.Beside<ResidentTracking>("tracked_photo.sql");
    static readonly string TrackingSql = SqlResource.Beside<ResidentTracking>("tracking.sql");

    /// <summary>The history code of the close a resident's rating brings: the loop is closed by the one who opened it.</summary>
    public const string ClosedByRating = "closed_by_resident_rating";

    /// <summary>A new token (256 random bits, base64url) for the incident, stored hashed in the caller's transaction; the token.</summary>
    public static async Task<string> AddAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long incidentId)
    {
        var token = AccessTokens.NewToken();
        await conn.ExecuteAsync(AddSql, new { hash = AccessTokens.Hash(token), incidentId }, tx);
        return token;
    }

    /// <summary>What the tracking page shows (tracking.sql), or null when the token names no incident.</summary>
    public async Task<string?> ViewAsync(string token, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(TrackingSql, new { hash = AccessTokens.Hash(token) }, cancellationToken: cancel));
    }

    /// <summary>Whether the token names the incident the photo belongs to.</summary>
    public async Task<bool> ShowsPhotoAsync(string token, string photoId, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await conn.QuerySingleAsync<bool>(new CommandDefinition(PhotoSql, new { hash = AccessTokens.Hash(token), photoId }, cancellationToken: cancel));
    }

    /// <summary>
    /// The resident rates the incident through the workflow's own rate step (its rules: only a resolved incident, a
    /// low rating reopens it at most twice). A rating that does not reopen it closes it in the same transaction: the
    /// resident's word is the last step of 群众评单, nobody has to close it after. Nothing is written on a refusal.
    /// </summary>
    public async Task<ResidentRating> RateAsync(string token, int rating, string? comment, string actor, AuditScope who, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await who.ApplyAsync(conn, tx, cancel);
        var code = await conn.QuerySingleOrDefaultAsync<string>(IncidentSql, new { hash = AccessTokens.Hash(token) }, tx);
        if (code is null) return new ResidentRating(false, null, null);
        var rated = await IncidentSteps.ApplyAsync(conn, tx, code, IncidentAction.Rate, actor, comment, rating);
        if (rated.Decision is not { Allowed: true } decision) return new ResidentRating(true, rated.Decision, rated.Decision?.To);
        var stage = decision.To;
        if (stage == IncidentStage.Rated)
        {
            var closed = await IncidentSteps.ApplyAsync(conn, tx, code, IncidentAction.Close, actor, null, null, new HistoryEvent(ClosedByRating));
            stage = closed.Decision!.To;
        }
        await tx.CommitAsync(cancel);
        return new ResidentRating(true, decision, stage);
    }
}
