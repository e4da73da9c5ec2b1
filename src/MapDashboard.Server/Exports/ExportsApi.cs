using System.Text;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.Server.Http;
using MapDashboard.Server.Incidents;
using MapDashboard.Server.Layers;
using MapDashboard.Server.Options;
using MapDashboard.Server.Permissions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Exports;

/// <summary>
/// Downloads of one territory unit for GIS and spreadsheet users: any layer's features touching the unit's land as
/// GeoJSON or GeoPackage, its incidents and its indicators as CSV (column names in Chinese, or ?lang=en). Reads like every read: anyone signed in, personal
/// data masked or left out by the permission rule exactly as the map's own answers.
/// </summary>
public static class ExportsApi
{
    static readonly string UnitNameSql = SqlResource.Beside<Marker>("unit_name.sql");
    static readonly string[] Formats = ["geojson", "gpkg"];

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exports/{unitCode}").RequireAuthorization(Auth.Policies.Read);
        api.MapGet("/layers/{layer}.{format}", Layer).Produces<Stream>(StatusCodes.Status200OK, "application/geo+json", "application/geopackage+sqlite3");
        api.MapGet("/incidents.csv", Incidents).Produces<Stream>(StatusCodes.Status200OK, "text/csv");
        api.MapGet("/indicators.csv", Indicators).Produces<Stream>(StatusCodes.Status200OK, "text/csv");
        return app;
    }

    static async Task<IResult> Layer(string unitCode, string layer, string format, HttpContext http, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (await UnitNameAsync(db, unitCode, cancel) is not { } unitName) return UnknownUnit(unitCode);
        if (LayerCatalog.Find(layer) is not { } declaration)
            return Problems.NotFound("Unknown layer", $"no layer is named '{layer}'; the layers are {string.Join(", ", LayerCatalog.All.Select(l => l.Name))}");
        if (!Formats.Contains(format)) return Problems.BadRequest("Unknown export format", $"'{format}' is not one of {string.Join(", ", Formats)}");

        var json = await FeaturesAsync(http, db, declaration, unitCode, cancel);
        var file = $"{unitName}-{declaration.Name}.{format}";
        return format == "geojson"
            ? TypedResults.File(Encoding.UTF8.GetBytes(json), "application/geo+json", file)
            : TypedResults.File(await GeoPackageFile.WriteAsync(declaration.Name, declaration.Properties, JsonNode.Parse(json)!, cancel),
                "application/geopackage+sqlite3", file);
    }

    /// <summary>Every incident in the unit's land (closed ones too) with its place; never reporter contact.</summary>
    static async Task<IResult> Incidents(string unitCode, HttpContext http, NpgsqlDataSource db, IOptions<IncidentOptions> options, CancellationToken cancel)
    {
        if (await UnitNameAsync(db, unitCode, cancel) is not { } unitName) return UnknownUnit(unitCode);
        var layer = LayerCatalog.Find("incidents")!;
        var features = JsonNode.Parse(await FeaturesAsync(http, db, layer, unitCode, cancel))!["features"]!.AsArray();
        var csv = new CsvFile(TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone))
            .Row(CsvHeaders.Of([.. layer.Properties, "longitude", "latitude"], CsvHeaders.English(http.Request)));
        foreach (var feature in features)
        {
            var point = feature!["geometry"]?["coordinates"]?.AsArray();
            csv.Row([.. layer.Properties.Select(p => feature["properties"]?[p]), point?[0], point?[1]]);
        }
        return TypedResults.File(csv.ToBytes(), "text/csv; charset=utf-8", $"{unitName}-incidents.csv");
    }

    /// <summary>The unit's indicators as /api/indicators answers them: one row per figure, then the 30 days and the categories.</summary>
    static async Task<IResult> Indicators(string unitCode, HttpRequest http, NpgsqlDataSource db, IOptions<IncidentOptions> options, CancellationToken cancel)
    {
        if (await UnitNameAsync(db, unitCode, cancel) is not { } unitName) return UnknownUnit(unitCode);
        var indicators = JsonNode.Parse((await IndicatorsApi.ReadAsync(db, unitCode, options.Value.TimeZone, cancel))!)!.AsObject();
        var csv = new CsvFile(TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone)).Row(CsvHeaders.Of(["indicator", "value"], CsvHeaders.English(http)));
        foreach (var (name, value) in Flatten(indicators, "")) csv.Row([name, value]);
        foreach (var table in indicators.Where(p => p.Value is JsonArray { Count: > 0 } a && a[0] is JsonObject))
        {
            var rows = table.Value!.AsArray().Select(r => r!.AsObject()).ToList();
            var columns = rows.SelectMany(r => r.Select(p => p.Key)).Distinct().ToList();
            csv.Row([]).Row([table.Key]).Row(columns);
            foreach (var row in rows) csv.Row(columns.Select(c => (object?)row[c]));
        }
        return TypedResults.File(csv.ToBytes(), "text/csv; charset=utf-8", $"{unitName}-indicators.csv");
    }

    /// <summary>Scalar figures with dotted names (patrolCoverage.share); lists are tables of their own.</summary>
    static IEnumerable<(string Name, JsonNode? Value)> Flatten(JsonObject node, string prefix) =>
        node.SelectMany(p => p.Value switch
        {
            JsonObject o => Flatten(o, $"{prefix}{p.Key}."),
            JsonArray => [],
            _ => new (string Name, JsonNode? Value)[] { ($"{prefix}{p.Key}", p.Value) },
        });

    static async Task<string> FeaturesAsync(HttpContext http, NpgsqlDataSource db, LayerDeclaration layer, string unitCode, CancellationToken cancel)
    {
        var json = await LayerFeatures.ReadAsync(db, layer, new FeatureRequest(int.MaxValue, 0) { Unit = unitCode }, cancel);
        return layer.Personal.Count > 0 ? await PersonalDataAnswer.FilterAsync(http, PersonalDataShape.ForLayer(layer, collection: true), json) : json;
    }

    static async Task<string?> UnitNameAsync(NpgsqlDataSource db, string code, CancellationToken cancel) =>
        await SqlJson.QueryAsync(db, UnitNameSql, cancel, ("code", code));

    static IResult UnknownUnit(string code) =>
        Problems.NotFound("Unknown territory unit", $"no district, street, community or grid has code '{code}'");

    sealed class Marker;
}
