using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.Server.Http;
using MapDashboard.Server.Layers;
using MapDashboard.Server.Permissions;
using Npgsql;

namespace MapDashboard.Server.Ogc;

/// <summary>
/// OGC API Features at /ogc (Part 1 core, GeoJSON, OpenAPI 3.0; Part 2 CRS): every layer of the catalogue is a
/// collection, read-only, for QGIS and GDAL. Signed in like every read (a bearer token in the Authorization
/// header); personal data masked or removed by the permission rule as on every other edge.
/// </summary>
public static class OgcApi
{
    public const string Prefix = "/ogc";

    static readonly string ExtentSql = SqlResource.Beside<Marker>("district_extent.sql");
    static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly string[] ItemParameters = ["crs", "f", "reveal"];

    public static IEndpointRouteBuilder MapOgcApi(this IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup(Prefix).RequireAuthorization(Auth.Policies.Read);
        ogc.MapGet("/", (HttpRequest request) => Json(OgcDocuments.Landing(new OgcLinks(request))));
        ogc.MapGet("/conformance", () => Json(OgcDocuments.Conformance()));
        ogc.MapGet("/api", (HttpRequest request) => Json(OgcOpenApi.Document(new OgcLinks(request)), OgcLinks.OpenApi));
        ogc.MapGet("/collections", async (HttpRequest request, NpgsqlDataSource db, CancellationToken cancel) =>
            Json(OgcDocuments.Collections(new OgcLinks(request), await ExtentAsync(db, cancel))));
        ogc.MapGet("/collections/{collectionId}", async (string collectionId, HttpRequest request, NpgsqlDataSource db, CancellationToken cancel) =>
            LayerCatalog.Find(collectionId) is { } layer
                ? Json(OgcDocuments.Collection(new OgcLinks(request), layer, await ExtentAsync(db, cancel)))
                : UnknownCollection(collectionId));
        ogc.MapGet("/collections/{collectionId}/items", Items);
        ogc.MapGet("/collections/{collectionId}/items/{featureId}", Item);
        return app;
    }

    static async Task<IResult> Items(string collectionId, HttpContext http, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (LayerCatalog.Find(collectionId) is not { } layer) return UnknownCollection(collectionId);
        var (query, problem) = OgcItemsQuery.Read(http.Request.Query, layer);
        if (query is null) return Problems.BadRequest("Bad items request", problem!);
        var links = new OgcLinks(http.Request);
        var request = new FeatureRequest(query.Limit, query.Offset)
        {
            Box = query.Box, From = query.From, To = query.To, Srid = query.Crs.Srid, LatitudeFirst = query.Crs.LatitudeFirst,
            Links = [OgcLinks.Link("self", OgcLinks.GeoJson, links.ItemsAt(layer.Name, query.Offset), "this page"),
                     OgcLinks.Link("collection", OgcLinks.Json, links.Collection(layer.Name), layer.Name)],
            NextHref = links.ItemsAt(layer.Name, query.Offset + query.Limit),
        };
        var json = await LayerFeatures.ReadAsync(db, layer, request, cancel);
        if (layer.Personal.Count > 0) json = await PersonalDataAnswer.FilterAsync(http, PersonalDataShape.ForLayer(layer, collection: true), json);
        return GeoJson(http, json, query.Crs);
    }

    static async Task<IResult> Item(string collectionId, string featureId, HttpContext http, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (LayerCatalog.Find(collectionId) is not { } layer) return UnknownCollection(collectionId);
        if (http.Request.Query.Keys.FirstOrDefault(k => !ItemParameters.Contains(k)) is { } unknown)
            return Problems.BadRequest("Bad item request", $"unknown query parameter '{unknown}'; a feature takes {string.Join(", ", ItemParameters)}");
        var crsText = http.Request.Query["crs"].ToString();
        if ((crsText.Length == 0 ? OgcCrs.Crs84 : OgcCrs.Parse(crsText)) is not { } crs)
            return Problems.BadRequest("Bad item request", $"crs={crsText} is not served; use one of {string.Join(", ", OgcCrs.All.Select(c => c.Uri))}");
        if (!long.TryParse(featureId, out var id)) return UnknownFeature(layer, featureId);

        var collection = await LayerFeatures.ReadAsync(db, layer, new FeatureRequest(1, 0) { Id = id, Srid = crs.Srid, LatitudeFirst = crs.LatitudeFirst }, cancel);
        if (JsonNode.Parse(collection)!["features"]!.AsArray() is not [JsonObject feature]) return UnknownFeature(layer, featureId);
        var links = new OgcLinks(http.Request);
        feature.Remove("links");
        feature["links"] = new JsonArray(
            OgcLinks.Link("self", OgcLinks.GeoJson, $"{links.Items(layer.Name)}/{id}", "this feature"),
            OgcLinks.Link("collection", OgcLinks.Json, links.Collection(layer.Name), layer.Name));
        var json = feature.ToJsonString(Output);
        if (layer.Personal.Count > 0) json = await PersonalDataAnswer.FilterAsync(http, PersonalDataShape.ForLayer(layer), json);
        return GeoJson(http, json, crs);
    }

    static IResult GeoJson(HttpContext http, string json, OgcCrs crs)
    {
        http.Response.Headers["Content-Crs"] = crs.Header;
        return TypedResults.Text(json, OgcLinks.GeoJson + "; charset=utf-8");
    }

    static IResult Json(JsonNode document, string type = OgcLinks.Json) =>
        TypedResults.Text(document.ToJsonString(Output), type + (type.Contains(';') ? "" : "; charset=utf-8"));

    static async Task<double[]> ExtentAsync(NpgsqlDataSource db, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(ExtentSql);
        return await cmd.ExecuteScalarAsync(cancel) as double[] ?? [-180, -90, 180, 90];
    }

    static IResult UnknownCollection(string id) =>
        Problems.NotFound("Unknown collection", $"no collection is named '{id}'; see {Prefix}/collections");

    static IResult UnknownFeature(LayerDeclaration layer, string id) =>
        Problems.NotFound("Unknown feature", $"collection '{layer.Name}' has no feature with id '{id}'");

    sealed class Marker;
}
