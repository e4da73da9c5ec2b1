using MapDashboard.Domain.Tiles;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Tiles;

/// <summary>Runs a layer's composed SQL for one tile. The benchmark runs this same code path against the bare query.</summary>
public static class TileQuery
{
    public static Task<byte[]> RunAsync(NpgsqlDataSource db, TileLayer layer, TileAddress tile, CancellationToken cancel) =>
        RunAsync(db, layer.Sql, null, tile, cancel);

    /// <param name="sql">one of the layer's variants (<see cref="TileLayer"/>)</param>
    /// <param name="root">the jurisdiction's root unit code, for <see cref="TileLayer.JurisdictionSql"/></param>
    public static async Task<byte[]> RunAsync(NpgsqlDataSource db, string sql, string? root, TileAddress tile, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("z", tile.Z);
        cmd.Parameters.AddWithValue("x", tile.X);
        cmd.Parameters.AddWithValue("y", tile.Y);
        if (root is not null) cmd.Parameters.Add(new NpgsqlParameter("root", NpgsqlDbType.Text) { Value = root });
        return await cmd.ExecuteScalarAsync(cancel) as byte[] ?? [];
    }
}
