using MapDashboard.Domain.Tiles;
using MapDashboard.Server.Http;
using MapDashboard.Server.Options;
using MapDashboard.Server.Permissions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Tiles;

/// <summary>GET /tiles/{layer}/{z}/{x}/{y}.mvt[?reveal=true] — Mapbox Vector Tiles straight from ST_AsMVT.</summary>
public static class TilesApi
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    public static IServiceCollection AddTiles(this IServiceCollection services) =>
        services.AddSingleton<TileCatalog>();

    public static IEndpointRouteBuilder MapTilesApi(this IEndpointRouteBuilder app)
    {
        // z/x/y are taken as text and parsed here, so "abc" earns a problem
        // body that names the segment rather than the router's bare 404.
        app.MapGet("/tiles/{layer}/{z}/{x}/{y}.mvt", GetTile).Produces<Stream>(StatusCodes.Status200OK, ContentType).Produces(StatusCodes.Status204NoContent).RequireAuthorization(Auth.Policies.Read);
        return app;
    }

    static async Task<IResult> GetTile(string layer, string z, string x, string y,
        TileCatalog catalog, NpgsqlDataSource db, IOptions<MapOptions> map, Reveals reveals, HttpContext http, CancellationToken cancel)
    {
        if (catalog.Find(layer) is not { } tileLayer)
            return Problems.NotFound("Unknown tile layer",
                $"layer '{layer}' does not exist; layers are {string.Join(", ", catalog.Layers.Select(l => l.Name))}");
        if (!TileAddress.TryParse(z, x, y, out var tile, out var error))
            return Problems.BadRequest("Invalid tile address", error);

        // Personal data in a tile only for a viewer it is revealed to (TileLayer.For). Such a tile is nobody
        // else's and is never kept; the rest differ from viewer to viewer only by that, so a browser may keep them
        // a while, but no shared cache (they are an account's). ?reveal=true is in the URL: the cache key differs.
        var viewer = RequestViewer.Of(http);
        var (sql, root, revealing) = tileLayer.For(Jurisdiction.LensOf(viewer, DisclosureFilter.AsksToReveal(http)));
        http.Response.Headers.CacheControl = !viewer.IsJudged() ? $"public, max-age={map.Value.TileCacheSeconds}"
            : revealing ? "private, no-store"
            : $"private, max-age={map.Value.TileCacheSeconds}";
        if (tile.Z < tileLayer.MinZoom || tile.Z > TileCatalog.MaxZoom)
            return TypedResults.NoContent();

        var bytes = await TileQuery.RunAsync(db, sql, root, tile, cancel);
        if (revealing && viewer.IsJudged() && bytes.Length > 0)
            await reveals.OnReveal(viewer!, $"tile {layer}/{tile.Z}/{tile.X}/{tile.Y}", root is null ? [] : [root], cancel);
        return bytes.Length == 0 ? TypedResults.NoContent() : TypedResults.Bytes(bytes, ContentType);
    }
}
