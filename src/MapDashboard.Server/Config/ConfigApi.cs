using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.Server.Http;
using MapDashboard.Server.Layers;
using MapDashboard.Server.Live;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Config;

/// <summary>What the browser needs before it draws: where the district is, its time zone, which base layer, which layers.</summary>
public static class ConfigApi
{
    static readonly string ExtentSql = SqlResource.Beside<Marker>("district_extent.sql");

    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/config", GetConfig).Produces<ConfigAnswer>().RequireAuthorization(Auth.Policies.Read);
        return app;
    }

    static async Task<IResult> GetConfig(NpgsqlDataSource db, IOptions<MapOptions> map, IOptions<IncidentOptions> incidents,
        IOptions<LiveOptions> live, CancellationToken cancel)
    {
        var extent = await SqlJson.QueryAsync(db, ExtentSql, cancel);
        var config = extent is null ? new JsonObject() : JsonNode.Parse(extent)!.AsObject();
        config["zoom"] = 14;
        // The district's clock: every time the browser shows is in it, whatever the browser's own time zone.
        config["timeZone"] = incidents.Value.TimeZone;
        config["baseLayer"] = BaseLayer(map.Value);
        config["layers"] = new JsonArray(LayerCatalog.All.Select(Describe).ToArray());
        // How long the hub may be silent before the browser calls the link lost (the hub pings more than twice as often).
        config["live"] = new JsonObject { ["serverTimeoutMilliseconds"] = live.Value.ClientServerTimeoutMilliseconds };
        return SqlJson.Json(config.ToJsonString());
    }

    /// <summary>The base map as the browser draws it (also on the resident's form, which has no account for /api/config).</summary>
    public static JsonObject BaseLayer(MapOptions map) => new()
    {
        ["kind"] = map.BaseLayerKind,
        ["url"] = map.BaseLayerUrl,
        ["attribution"] = map.BaseLayerAttribution,
        ["wmtsLayer"] = map.WmtsLayer,
        ["wmtsMatrixSet"] = map.WmtsMatrixSet,
    };

    // The client takes its layers and zoom limits from here, so it never keeps a list of its own.
    static JsonNode Describe(LayerDeclaration l) => new JsonObject
    {
        ["name"] = l.Name,
        ["minZoom"] = l.MinZoom,
        ["maxZoom"] = l.HasTiles ? LayerCatalog.MaxZoom : null,
        ["tiles"] = l.HasTiles,
        ["live"] = l.Live,
        ["properties"] = Strings(l.Properties),
        ["personalData"] = Strings(l.PersonalData),
        ["tileOmits"] = new JsonObject(l.TileOmits.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value))),
    };

    static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    sealed class Marker;
}
