using Npgsql;

namespace MapDashboard.Server.Http;

/// <summary>
/// Runs a query whose single value is a JSON document built by PostGIS
/// (json_build_object, ST_AsGeoJSON), as pg_featureserv does: the GeoJSON
/// never passes through a C# object model (NetTopologySuite.IO.GeoJSON cannot
/// be restored here, and PostGIS writes it faster anyway).
/// </summary>
public static class SqlJson
{
    public static async Task<string?> QueryAsync(NpgsqlDataSource db, string sql, CancellationToken cancel,
        params (string Name, object Value)[] parameters)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteScalarAsync(cancel) as string;
    }

    public static IResult Json(string json) => TypedResults.Text(json, "application/json; charset=utf-8");
}
