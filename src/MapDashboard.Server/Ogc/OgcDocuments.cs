using System.Text.Json.Nodes;
using MapDashboard.Server.Layers;

namespace MapDashboard.Server.Ogc;

/// <summary>The landing page, the conformance declaration and the collections of the OGC API (JSON).</summary>
public static class OgcDocuments
{
    public static readonly string[] ConformsTo =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
    ];

    public static JsonObject Landing(OgcLinks links) => new()
    {
        ["title"] = "MapDashboard",
        ["description"] = "The district's map layers as OGC API Features (read-only; sign in with a bearer token)",
        ["links"] = new JsonArray(
            OgcLinks.Link("self", OgcLinks.Json, links.Root, "this document"),
            OgcLinks.Link("service-desc", OgcLinks.OpenApi, $"{links.Root}/api", "the API definition"),
            OgcLinks.Link("conformance", OgcLinks.Json, $"{links.Root}/conformance", "the conformance classes"),
            OgcLinks.Link("data", OgcLinks.Json, $"{links.Root}/collections", "the collections")),
    };

    public static JsonObject Conformance() => new() { ["conformsTo"] = new JsonArray([.. ConformsTo.Select(c => (JsonNode)c)]) };

    public static JsonObject Collections(OgcLinks links, double[] extent) => new()
    {
        ["links"] = new JsonArray(OgcLinks.Link("self", OgcLinks.Json, $"{links.Root}/collections", "the collections")),
        ["crs"] = Crs(),
        ["collections"] = new JsonArray([.. LayerCatalog.All.Select(l => (JsonNode)Collection(links, l, extent))]),
    };

    public static JsonObject Collection(OgcLinks links, LayerDeclaration layer, double[] extent)
    {
        var spatial = new JsonObject { ["bbox"] = new JsonArray(new JsonArray([.. extent.Select(v => (JsonNode)v)])), ["crs"] = OgcCrs.Crs84.Uri };
        var collection = new JsonObject
        {
            ["id"] = layer.Name,
            ["title"] = layer.Name,
            ["itemType"] = "feature",
            ["extent"] = new JsonObject { ["spatial"] = spatial },
            ["crs"] = Crs(),
            ["storageCrs"] = OgcCrs.Crs84.Uri,
            ["links"] = new JsonArray(
                OgcLinks.Link("self", OgcLinks.Json, links.Collection(layer.Name), layer.Name),
                OgcLinks.Link("items", OgcLinks.GeoJson, links.Items(layer.Name), $"{layer.Name} features")),
        };
        if (layer.TimeProperty is not null)
            collection["extent"]!["temporal"] = new JsonObject
            {
                ["interval"] = new JsonArray(new JsonArray(null, null)),
                ["trs"] = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
            };
        return collection;
    }

    static JsonArray Crs() => new([.. OgcCrs.All.Select(c => (JsonNode)c.Uri)]);
}
