using MapDashboard.Data;
using MapDashboard.Domain.Input;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Http;
using MapDashboard.Server.Permissions;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Territory;

/// <summary>
/// The hierarchy district → street → community → grid, for navigating; the search box over everything a leader knows
/// (units, people, buildings, compounds, incidents, findings); a community's or street's overview.
/// </summary>
public static class TerritoryApi
{
    static readonly string TreeSql = SqlResource.Beside<Marker>("territory_tree.sql");
    static readonly string SearchSql = SqlResource.Beside<Marker>("territory_search.sql");
    static readonly string UnitSql = SqlResource.Beside<Marker>("territory_unit.sql");

    const int MaxQueryLength = 64;

    /// <summary>
    /// People found by name are judged by the unit they belong to ("unit"): their name leaves masked, or not at all
    /// outside the account's reach — where the search does not look for names in the first place (territory_search.sql).
    /// </summary>
    static readonly PersonalDataShape SearchHits = PersonalDataShape.Of("[]", ["unit"], ("person.name", PersonalKind.Name));

    public static IEndpointRouteBuilder MapTerritoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/territory").RequireAuthorization(Auth.Policies.Read);
        api.MapGet("/", GetTree).Produces<IReadOnlyList<TerritoryTreeUnit>>();
        api.MapGet("/search", Search).Produces<IReadOnlyList<SearchHit>>().Discloses(SearchHits);
        api.MapGet("/{code}", GetUnit).Produces<GeoJsonFeature<TerritoryUnitProperties>>();
        api.MapGet("/{code}/overview", UnitOverviewApi.Get).Produces<UnitOverview>();
        return app;
    }

    static async Task<IResult> GetTree(NpgsqlDataSource db, CancellationToken cancel) =>
        SqlJson.Json((await SqlJson.QueryAsync(db, TreeSql, cancel))!);

    static async Task<IResult> Search(string? q, HttpContext http, NpgsqlDataSource db, CancellationToken cancel)
    {
        var text = q?.Trim() ?? "";
        if (text.Length == 0)
            return Problems.BadRequest("Empty search",
                "q must name part of a unit's, person's, building's or compound's name, or the start of a unit's, building's or incident's code");
        if (TextRules.Problem(text, "q", MaxQueryLength) is { } bad)
            return Problems.BadRequest("Bad search text", bad);
        var literal = EscapeLike(text);
        var (everywhere, root) = NameReach(RequestViewer.Of(http));
        await using var cmd = db.CreateCommand(SearchSql);
        cmd.Parameters.AddWithValue("q", text);
        cmd.Parameters.AddWithValue("prefix", literal + "%");
        cmd.Parameters.AddWithValue("contains", "%" + literal + "%");
        cmd.Parameters.AddWithValue("names_everywhere", everywhere);
        cmd.Parameters.Add(new NpgsqlParameter("names_root", NpgsqlDbType.Text) { Value = (object?)root ?? DBNull.Value });
        return SqlJson.Json((string)(await cmd.ExecuteScalarAsync(cancel))!);
    }

    /// <summary>
    /// Where the account may find people by name: everywhere, inside its jurisdiction (the root unit's code), or
    /// nowhere (false, null) — the permission rule's "may see personal data", so a search cannot tell who lives or
    /// works where the account may not look.
    /// </summary>
    static (bool Everywhere, string? Root) NameReach(Viewer? viewer)
    {
        if (viewer is null) return (false, null);
        if (PersonalDataRule.For(viewer, insideJurisdiction: false, reveal: false) != Disclosure.None) return (true, null);
        return PersonalDataRule.For(viewer, insideJurisdiction: true, reveal: false) != Disclosure.None
            ? (false, viewer.JurisdictionUnitCode)
            : (false, null);
    }

    static async Task<IResult> GetUnit(string code, NpgsqlDataSource db, CancellationToken cancel)
    {
        var json = await SqlJson.QueryAsync(db, UnitSql, cancel, ("code", code));
        return json is null ? Problems.NotFound("Unknown territory unit", $"no district, street, community or grid has code '{code}'") : SqlJson.Json(json);
    }

    // LIKE treats % and _ as wildcards; a code typed into the search box means them literally.
    static string EscapeLike(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    sealed class Marker;
}
