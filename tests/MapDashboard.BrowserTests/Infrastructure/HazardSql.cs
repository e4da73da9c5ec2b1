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

    /// <summary>
    /// Makes every unresolved hazard critical (drawn largest, solid, at every zoom: src/map/levelOfDetail.ts) and visited
    /// this hour, so that one of them is drawn clear of anything else; returns the way back.
    /// </summary>
    public async Task<Func<Task>> StandOutAsync()
    {
        var was = await ListAsync("select code, severity from hazard where status <> 'resolved'", r => (Code: r.GetString(0), Severity: r.GetString(1)));
        await using (var raise = db.CreateCommand("update hazard set severity = 'critical' where status <> 'resolved'"))
            await raise.ExecuteNonQueryAsync();
        // Visited this hour, so no unvisited mark (a patrol layer, not live) sits on them: only the hazard is drawn there.
        await using (var visit = db.CreateCommand(
            "insert into patrol_visit (worker_id, hour_start, asset_kind, asset_id, visited_at) " +
            "select (select min(id) from person), date_trunc('hour', now()), 'hazard', h.id, now() from hazard h where h.status <> 'resolved'"))
            await visit.ExecuteNonQueryAsync();
        return async () =>
        {
            await using (var unvisit = db.CreateCommand("delete from patrol_visit where asset_kind = 'hazard' and visited_at >= date_trunc('hour', now()) - interval '1 hour' and hour_start >= date_trunc('hour', now()) - interval '1 hour' and worker_id = (select min(id) from person)"))
                await unvisit.ExecuteNonQueryAsync();
            await using var back = db.CreateCommand(
                "update hazard h set severity = v.severity from unnest(@codes, @severities) v(code, severity) where h.code = v.code");
            back.Parameters.AddWithValue("codes", was.Select(w => w.Code).ToArray());
            back.Parameters.AddWithValue("severities", was.Select(w => w.Severity).ToArray());
            await back.ExecuteNonQueryAsync();
        };
    }

    /// <summary>Hazards of the demo district, fire_safety first (their colour stands out on every grid fill).</summary>
    public Task<List<string>> CodesAsync() => ListAsync(
        "select code from hazard order by status = 'resolved', category_code <> 'fire_safety', code", r => r.GetString(0));

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
