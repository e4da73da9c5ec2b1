using System.Text.Json.Nodes;

namespace MapDashboard.Server.Ogc;

/// <summary>Absolute links of the OGC API, from the request's own scheme, host and path base (clients follow them).</summary>
public sealed class OgcLinks(HttpRequest request)
{
    public const string GeoJson = "application/geo+json";
    public const string Json = "application/json";
    public const string OpenApi = "application/vnd.oai.openapi+json;version=3.0";

    public string Root { get; } = $"{request.Scheme}://{request.Host}{request.PathBase}{OgcApi.Prefix}";

    public string Collection(string id) => $"{Root}/collections/{Uri.EscapeDataString(id)}";

    public string Items(string id) => $"{Collection(id)}/items";

    /// <summary>The items URL with the request's own query, <c>offset</c> moved to <paramref name="offset"/>.</summary>
    public string ItemsAt(string id, int offset)
    {
        var pairs = request.Query.Where(q => q.Key != "offset")
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"offset={offset}");
        return $"{Items(id)}?{string.Join('&', pairs)}";
    }

    public static JsonObject Link(string rel, string type, string href, string? title = null)
    {
        var link = new JsonObject { ["rel"] = rel, ["type"] = type, ["href"] = href };
        if (title is not null) link["title"] = title;
        return link;
    }
}
