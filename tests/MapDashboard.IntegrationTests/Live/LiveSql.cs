using MapDashboard.Data;
using Npgsql;

namespace MapDashboard.IntegrationTests.Live;

/// <summary>Edits made straight in PostGIS, as psql, ogr2ogr or QGIS would make them: no API involved.</summary>
public static class LiveSql
{
    public static async Task<long> InsertHazardAsync(NpgsqlDataSource db, string code, (double Lon, double Lat) at, string category = "fire_safety")
    {
        await using var cmd = db.CreateCommand("""
            insert into hazard (code, category_code, severity, description, location)
            values (@code, @category, 'high', 'written by a test with plain SQL', ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))
            returning id
            """);
        cmd.Parameters.AddWithValue("code", code);
        cmd.Parameters.AddWithValue("category", category);
        cmd.Parameters.AddWithValue("lon", at.Lon);
        cmd.Parameters.AddWithValue("lat", at.Lat);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public static async Task MoveHazardAsync(NpgsqlDataSource db, string code, (double Lon, double Lat) to)
    {
        await using var cmd = db.CreateCommand("update hazard set location = ST_SetSRID(ST_MakePoint(@lon, @lat), 4326) where code = @code");
        cmd.Parameters.AddWithValue("code", code);
        cmd.Parameters.AddWithValue("lon", to.Lon);
        cmd.Parameters.AddWithValue("lat", to.Lat);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A point surely inside the unit, and its code.</summary>
    public static async Task<(string Code, double Lon, double Lat)> PointInsideAsync(NpgsqlDataSource db, string kind, int nth = 0)
    {
        await using var cmd = db.CreateCommand("""
            select code, ST_X(p), ST_Y(p) from (
                select code, ST_PointOnSurface(boundary) p from territory_unit where kind = @kind order by code offset @nth limit 1) u
            """);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("nth", nth);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no {kind} number {nth} in the database");
        return (reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2));
    }

    public static async Task<long> NewestSeqAsync(NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ScalarAsync<long>("select coalesce(max(seq), 0) from change_log");
    }

    /// <summary>The seqs the log holds for one layer after a position, in order: what a client of that layer must end with.</summary>
    public static async Task<List<long>> LoggedSeqsAsync(NpgsqlDataSource db, string layer, long after)
    {
        await using var cmd = db.CreateCommand("select seq from change_log where layer = @layer and seq > @after order by seq");
        cmd.Parameters.AddWithValue("layer", layer);
        cmd.Parameters.AddWithValue("after", after);
        var seqs = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) seqs.Add(reader.GetInt64(0));
        return seqs;
    }
}
