using MapDashboard.Domain.Tiles;
using MapDashboard.Server.Http;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Tiles;

/// <summary>
/// GET /tiles/public/{layer}/{z}/{x}/{y}.mvt — the base layers a resident needs to find their place on /report
/// (no account): only the layers whose declaration names public tile properties, with only those properties. Open
/// without sign-in, rate limited per client address (<see cref="Auth.RateLimits.PublicTiles"/>). Every other layer
/// (incidents, workers, findings, grids, tracks…) is not here at all: its tiles stay behind sign-in on /tiles/{layer}.
/// </summary>
public static class PublicTilesApi
{
    public static IEndpointRouteBuilder MapPublicTilesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tiles/public/{layer}/{z}/{x}/{y}.mvt", GetTile).Produces<Stream>(StatusCodes.Status200OK, TilesApi.ContentType).Produces(StatusCodes.Status204NoContent).AllowAnonymous().RequireRateLimiting(Auth.RateLimits.PublicTiles);
        return app;
    }

    static async Task<IResult> GetTile(string layer, string z, string x, string y,
        TileCatalog catalog, NpgsqlDataSource db, IOptions<MapOptions> map, HttpContext http, CancellationToken cancel)
    {
        if (catalog.Find(layer) is not { PublicSql: { } sql } tileLayer)
            return Problems.NotFound("Unknown public tile layer",
                $"layer '{layer}' is not open without sign-in; the public layers are {string.Join(", ", catalog.Layers.Where(l => l.PublicSql is not null).Select(l => l.Name))}");
        if (!TileAddress.TryParse(z, x, y, out var tile, out var error))
            return Problems.BadRequest("Invalid tile address", error);

        // The same for everyone: any cache may keep it.
        http.Response.Headers.CacheControl = $"public, max-age={map.Value.TileCacheSeconds}";
        if (tile.Z < tileLayer.MinZoom || tile.Z > TileCatalog.MaxZoom)
            return TypedResults.NoContent();
        var bytes = await TileQuery.RunAsync(db, sql, null, tile, cancel);
        return bytes.Length == 0 ? TypedResults.NoContent() : TypedResults.Bytes(bytes, TilesApi.ContentType);
    }
}
