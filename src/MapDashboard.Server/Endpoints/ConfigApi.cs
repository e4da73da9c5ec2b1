using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.Server.Options;
using MapDashboard.Server.Tiles;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Endpoints;

/// <summary>What the browser needs before it draws: where the district is, which base layer, which tile layers.</summary>
public static class ConfigApi
{
    static readonly string ExtentSql = SqlResource.Beside<Marker>("district_extent.sql");

    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/config", GetConfig);
        return app;
    }

    static async Task<IResult> GetConfig(NpgsqlDataSource db, IOptions<MapOptions> map, TileCatalog tiles, CancellationToken cancel)
    {
        var extent = await SqlJson.QueryAsync(db, ExtentSql, cancel);
        var config = extent is null ? new JsonObject() : JsonNode.Parse(extent)!.AsObject();
        config["zoom"] = 14;
        config["baseLayer"] = new JsonObject
        {
            ["kind"] = map.Value.BaseLayerKind,
            ["url"] = map.Value.BaseLayerUrl,
            ["attribution"] = map.Value.BaseLayerAttribution,
            ["wmtsLayer"] = map.Value.WmtsLayer,
            ["wmtsMatrixSet"] = map.Value.WmtsMatrixSet,
        };
        config["tileLayers"] = new JsonArray(tiles.Layers
            .Select(l => (JsonNode)new JsonObject { ["name"] = l.Name, ["minZoom"] = l.MinZoom, ["maxZoom"] = TileCatalog.MaxZoom })
            .ToArray());
        return SqlJson.Json(config.ToJsonString());
    }

    sealed class Marker;
}
