using MapDashboard.Data;
using MapDashboard.Domain.Input;
using MapDashboard.Server.Http;
using Npgsql;

namespace MapDashboard.Server.Territory;

/// <summary>The hierarchy district → street → community → grid, for navigating and searching.</summary>
public static class TerritoryApi
{
    static readonly string TreeSql = SqlResource.Beside<Marker>("territory_tree.sql");
    static readonly string SearchSql = SqlResource.Beside<Marker>("territory_search.sql");
    static readonly string UnitSql = SqlResource.Beside<Marker>("territory_unit.sql");

    const int MaxQueryLength = 64;

    public static IEndpointRouteBuilder MapTerritoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/territory").RequireAuthorization(Auth.Policies.Read);
        api.MapGet("/", GetTree);
        api.MapGet("/search", Search);
        api.MapGet("/{code}", GetUnit);
        return app;
    }

    static async Task<IResult> GetTree(NpgsqlDataSource db, CancellationToken cancel) =>
        SqlJson.Json((await SqlJson.QueryAsync(db, TreeSql, cancel))!);

    static async Task<IResult> Search(string? q, NpgsqlDataSource db, CancellationToken cancel)
    {
        var text = q?.Trim() ?? "";
        if (text.Length == 0)
            return Problems.BadRequest("Empty search", "q must name part of a unit's name or the start of its code");
        if (TextRules.Problem(text, "q", MaxQueryLength) is { } bad)
            return Problems.BadRequest("Bad search text", bad);
        var literal = EscapeLike(text);
        return SqlJson.Json((await SqlJson.QueryAsync(db, SearchSql, cancel,
            ("q", text), ("prefix", literal + "%"), ("contains", "%" + literal + "%")))!);
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
