using MapDashboard.Data;
using MapDashboard.Server.Http;
using Npgsql;

namespace MapDashboard.Server.Incidents;

/// <summary>
/// GET /api/incidents/feed?limit=: the latest reports and stage changes (incident_feed.sql), newest first, so that a
/// wall opened now shows what came in lately at once; the live hub brings the later ones. Read only, and without
/// personal data (no actor, note, description or contact), so every account, the wall's display account included,
/// reads the same lines.
/// </summary>
public static class IncidentFeedApi
{
    static readonly string FeedSql = SqlResource.Beside<Marker>("incident_feed.sql");

    /// <summary>A feed, not a log: the desk's lists and an incident's own history hold the rest.</summary>
    public const int MaxLimit = 50;

    const int DefaultLimit = 8;

    public static async Task<IResult> Get(int? limit, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (limit is < 1 or > MaxLimit) return Problems.BadRequest("Bad limit", $"limit must be between 1 and {MaxLimit}");
        return SqlJson.Json((await SqlJson.QueryAsync(db, FeedSql, cancel, ("limit", limit ?? DefaultLimit)))!);
    }

    sealed class Marker;
}
