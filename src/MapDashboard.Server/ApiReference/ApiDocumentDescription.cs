using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MapDashboard.Server.ApiReference;

/// <summary>The document's title and description: Chinese first, then English, and where the OGC API's own document is.</summary>
public sealed class ApiDocumentDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "MapDashboard 网格化治理地图 REST API";
        document.Info.Description = """
            区县网格化治理指挥中心地图的 REST 接口。除登录、健康检查、Open311 与居民上报外，每个接口都需要登录（会话 Cookie 或 `Authorization: Bearer` 令牌）；
            错误以 RFC 7807 problem details 返回。坐标为 EPSG:4326 GeoJSON。图层要素另见 OGC API Features：[/ogc](/ogc)，其 OpenAPI 3.0 文档在 [/ogc/api](/ogc/api)。

            The REST API of a district grid-governance command centre's map. Every endpoint needs a signed-in account
            (session cookie or `Authorization: Bearer` token) except sign-in, health, Open311 and the resident's report door;
            errors are RFC 7807 problem details; coordinates are EPSG:4326 GeoJSON. Layer features are also served as
            OGC API Features at [/ogc](/ogc), with its own OpenAPI 3.0 document at [/ogc/api](/ogc/api).
            """;
        return Task.CompletedTask;
    }
}
