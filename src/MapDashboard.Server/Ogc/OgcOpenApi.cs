using System.Text.Json.Nodes;
using MapDashboard.Server.Layers;

namespace MapDashboard.Server.Ogc;

/// <summary>
/// The OpenAPI 3.0 definition of /ogc (its landing page links it as service-desc): every path, parameter and
/// answer; <c>limit</c>'s maximum tells a client such as GDAL how large a page it may ask for.
/// </summary>
public static class OgcOpenApi
{
    public static JsonObject Document(OgcLinks links) => new()
    {
        ["openapi"] = "3.0.3",
        ["info"] = new JsonObject
        {
            ["title"] = "MapDashboard OGC API Features",
            ["version"] = "1.0.0",
            ["description"] = "The district's map layers, read-only. Personal data is masked or left out by the account's jurisdiction.",
        },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = links.Root }),
        ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
        ["paths"] = new JsonObject
        {
            ["/"] = Get("landing page", "the landing page", Ref("Landing")),
            ["/conformance"] = Get("conformance", "the conformance classes", Ref("Conformance")),
            ["/api"] = Get("api", "this definition", new JsonObject { ["type"] = "object" }, OgcLinks.OpenApi),
            ["/collections"] = Get("collections", "the collections", Ref("Collections")),
            ["/collections/{collectionId}"] = Get("collection", "one collection", Ref("Collection"), parameters: [Param("collectionId")]),
            ["/collections/{collectionId}/items"] = Get("items", "a page of features", Ref("FeatureCollection"), OgcLinks.GeoJson,
                [Param("collectionId"), Param("limit"), Param("offset"), Param("bbox"), Param("bbox-crs"), Param("datetime"), Param("crs")]),
            ["/collections/{collectionId}/items/{featureId}"] = Get("item", "one feature", Ref("Feature"), OgcLinks.GeoJson,
                [Param("collectionId"), Param("featureId"), Param("crs")]),
        },
        ["components"] = new JsonObject
        {
            ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } },
            ["parameters"] = Parameters(),
            ["schemas"] = Schemas(),
        },
    };

    static JsonObject Get(string id, string description, JsonObject schema, string type = OgcLinks.Json, JsonNode[]? parameters = null)
    {
        var operation = new JsonObject
        {
            ["operationId"] = id.Replace(' ', '-'),
            ["summary"] = description,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = description, ["content"] = new JsonObject { [type] = new JsonObject { ["schema"] = schema } } },
                ["400"] = Problem("a parameter is wrong (named in detail)"),
                ["401"] = Problem("not signed in"),
                ["404"] = Problem("no such collection or feature"),
            },
        };
        if (parameters is not null) operation["parameters"] = new JsonArray(parameters);
        return new JsonObject { ["get"] = operation };
    }

    static JsonObject Problem(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("Problem") } },
    };

    static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };

    static JsonObject Param(string name) => new() { ["$ref"] = $"#/components/parameters/{name}" };

    static JsonObject Parameters()
    {
        var crs = new JsonArray([.. OgcCrs.All.Select(c => (JsonNode)c.Uri)]);
        return new JsonObject
        {
            ["collectionId"] = Path("collectionId", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. LayerCatalog.All.Select(l => (JsonNode)l.Name)]) }),
            ["featureId"] = Path("featureId", new JsonObject { ["type"] = "string" }),
            ["limit"] = Query("limit", "features per page (a larger value is served as the maximum)", new JsonObject
                { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = OgcItemsQuery.MaxLimit, ["default"] = OgcItemsQuery.DefaultLimit }),
            ["offset"] = Query("offset", "features to skip (in id order); the next link carries it", new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["default"] = 0 }),
            ["bbox"] = Query("bbox", "minimum and maximum of each axis, in bbox-crs's axis order", new JsonObject
                { ["type"] = "array", ["minItems"] = 4, ["maxItems"] = 4, ["items"] = new JsonObject { ["type"] = "number" } }, explode: false),
            ["bbox-crs"] = Query("bbox-crs", "the CRS of bbox (default CRS84)", new JsonObject { ["type"] = "string", ["format"] = "uri", ["enum"] = crs.DeepClone() }),
            ["crs"] = Query("crs", "the CRS of the answer's coordinates (default CRS84)", new JsonObject { ["type"] = "string", ["format"] = "uri", ["enum"] = crs.DeepClone() }),
            ["datetime"] = Query("datetime", "an RFC 3339 instant or interval (start/end, .. for an open end); only collections with a time (incidents, workers, findings)",
                new JsonObject { ["type"] = "string" }),
        };
    }

    static JsonObject Path(string name, JsonObject schema) =>
        new() { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = schema };

    static JsonObject Query(string name, string description, JsonObject schema, bool explode = true)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = schema };
        if (!explode) { parameter["style"] = "form"; parameter["explode"] = false; }
        return parameter;
    }

    static JsonObject Schemas()
    {
        JsonObject Object(params (string Name, JsonNode Schema)[] properties) => new()
        {
            ["type"] = "object",
            ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Schema))),
        };
        JsonObject Array(JsonNode items) => new() { ["type"] = "array", ["items"] = items };
        JsonObject Type(string type) => new() { ["type"] = type };
        return new JsonObject
        {
            ["Link"] = Object(("href", Type("string")), ("rel", Type("string")), ("type", Type("string")), ("title", Type("string"))),
            ["Landing"] = Object(("title", Type("string")), ("description", Type("string")), ("links", Array(Ref("Link")))),
            ["Conformance"] = Object(("conformsTo", Array(Type("string")))),
            ["Collection"] = Object(("id", Type("string")), ("title", Type("string")), ("itemType", Type("string")),
                ("extent", Type("object")), ("crs", Array(Type("string"))), ("storageCrs", Type("string")), ("links", Array(Ref("Link")))),
            ["Collections"] = Object(("links", Array(Ref("Link"))), ("crs", Array(Type("string"))), ("collections", Array(Ref("Collection")))),
            ["Feature"] = Object(("type", Type("string")), ("id", Type("integer")), ("geometry", Type("object")),
                ("properties", Type("object")), ("links", Array(Ref("Link")))),
            ["FeatureCollection"] = Object(("type", Type("string")), ("numberMatched", Type("integer")), ("numberReturned", Type("integer")),
                ("timeStamp", Type("string")), ("links", Array(Ref("Link"))), ("features", Array(Ref("Feature")))),
            ["Problem"] = Object(("title", Type("string")), ("detail", Type("string")), ("status", Type("integer")), ("traceId", Type("string"))),
        };
    }
}
