using MapDashboard.Domain.Tiles;
using Npgsql;

namespace MapDashboard.Server.Tiles;

/// <summary>Runs a layer's composed SQL for one tile. The benchmark runs this same code path against the bare query.</summary>
public static class TileQuery
{
    public static async Task<byte[]> RunAsync(NpgsqlDataSource db, TileLayer layer, TileAddress tile, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(layer.Sql);
        cmd.Parameters.AddWithValue("z", tile.Z);
        cmd.Parameters.AddWithValue("x", tile.X);
        cmd.Parameters.AddWithValue("y", tile.Y);
        return await cmd.ExecuteScalarAsync(cancel) as byte[] ?? [];
    }
}
