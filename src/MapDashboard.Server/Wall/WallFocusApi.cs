using MapDashboard.Data;
using MapDashboard.Server.Http;
using MapDashboard.Server.Permissions;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Wall;

/// <summary>
/// GET /api/wall/focus: what the wall's focus panel cycles through (wall_focus.sql) — the most overdue incident,
/// the newest ownership-unclear finding and the grid with the worst patrol coverage, inside the viewer's
/// jurisdiction, each with the box to zoom to. Read only and without personal data, so the display account
/// reads it like any other.
/// </summary>
public static class WallFocusApi
{
    static readonly string FocusSql = SqlResource.Beside<Marker>("wall_focus.sql");

    /// <summary>
    /// The finding kinds that ask for action (who owns this land, this asset?) and that the wall draws; a police-grid
    /// mismatch is for the planners aligning the two partitions on /lead (src/MapDashboard.Web/src/layers/findings.ts
    /// draws the same list).
    /// </summary>
    public static readonly string[] ActionFindingKinds = ["gap", "overlap", "straddle", "boundary_hazard", "ownerless", "unmanaged", "disputed"];

    public static IEndpointRouteBuilder MapWallFocusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/wall/focus", Get).Produces<WallFocus>().RequireAuthorization(Auth.Policies.Read);
        return app;
    }

    static async Task<IResult> Get(HttpContext http, NpgsqlDataSource db, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(FocusSql);
        cmd.Parameters.Add(new NpgsqlParameter("root", NpgsqlDbType.Text) { Value = (object?)RequestViewer.Of(http)?.JurisdictionUnitCode ?? DBNull.Value });
        cmd.Parameters.AddWithValue("kinds", ActionFindingKinds);
        return SqlJson.Json((string)(await cmd.ExecuteScalarAsync(cancel))!);
    }

    sealed class Marker;
}
