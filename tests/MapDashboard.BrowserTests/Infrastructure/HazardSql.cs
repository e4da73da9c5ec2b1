using Npgsql;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>
/// Hazard edits made straight in PostGIS, as psql or QGIS would make them: no API, no
/// server involved. Only the capture trigger can tell the live map about them.
/// </summary>
public sealed class HazardSql(NpgsqlDataSource db)
{
    public Task InsertAsync(string code, (double Lon, double Lat) at) => RunAsync(
        "insert into hazard (code, category_code, severity, description, location) " +
        "values (@code, 'fire_safety', 'high', '', ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))", code, at);

    public Task MoveAsync(string code, (double Lon, double Lat) to) => RunAsync(
        "update hazard set location = ST_SetSRID(ST_MakePoint(@lon, @lat), 4326) where code = @code", code, to);

    public Task DeleteAsync(string code) => RunAsync("delete from hazard where code = @code", code, (0, 0));

    /// <summary>Hazards of the demo district, fire_safety first (their colour stands out on every grid fill).</summary>
    public Task<List<string>> CodesAsync() => ListAsync(
        "select code from hazard order by category_code <> 'fire_safety', code", r => r.GetString(0));

    /// <summary>A point well inside each community grid: places to put a hazard where the district surely is.</summary>
    public Task<List<double[]>> PointsInsideGridsAsync() => ListAsync(
        "select ST_X(p), ST_Y(p) from (select ST_PointOnSurface(boundary) p from territory_unit " +
        "where kind = 'community_grid' order by code) g", r => new[] { r.GetDouble(0), r.GetDouble(1) });

    async Task RunAsync(string sql, string code, (double Lon, double Lat) at)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("code", code);
        if (sql.Contains("@lon"))
        {
            cmd.Parameters.AddWithValue("lon", at.Lon);
            cmd.Parameters.AddWithValue("lat", at.Lat);
        }
        var rows = await cmd.ExecuteNonQueryAsync();
        Assert.True(rows == 1, $"'{sql}' for {code} changed {rows} rows");
    }

    async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var cmd = db.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }
}
