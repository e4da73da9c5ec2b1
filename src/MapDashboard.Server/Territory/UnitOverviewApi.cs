using MapDashboard.Data;
using MapDashboard.Server.Http;
using Npgsql;

namespace MapDashboard.Server.Territory;

/// <summary>
/// GET /api/territory/{code}/overview: a community's or street's totals (grids by colour, open and overdue incidents,
/// patrol coverage, findings by kind, workers on patrol now) and its open incidents with their places, for the
/// leader's overview (unit_overview.sql). A grid has its own card (GET /api/grids/{code}); it is refused here by name.
/// </summary>
public static class UnitOverviewApi
{
    static readonly string OverviewSql = SqlResource.Beside<Marker>("unit_overview.sql");
    static readonly string KindSql = SqlResource.Beside<Marker>("unit_kind.sql");

    /// <summary>A worker whose newest ping is younger than this is on patrol now (the map draws older ones faded).</summary>
    const int FreshMinutes = 10;

    const int MaxOpenIncidents = 200;

    public static async Task<IResult> Get(string code, NpgsqlDataSource db, CancellationToken cancel)
    {
        var kind = await SqlJson.QueryAsync(db, KindSql, cancel, ("code", code));
        if (kind is null) return Problems.NotFound("Unknown territory unit", $"no district, street, community or grid has code '{code}'");
        if (kind is not ("district" or "street" or "community"))
            return Problems.BadRequest("Not a community or street",
                $"'{code}' is a {kind.Replace('_', ' ')}: an overview covers a district, street or community; a grid's card is GET /api/grids/{code}");
        return SqlJson.Json((await SqlJson.QueryAsync(db, OverviewSql, cancel,
            ("code", code), ("fresh_minutes", FreshMinutes), ("limit", MaxOpenIncidents)))!);
    }

    sealed class Marker;
}
