using System.Text.Json;
using MapDashboard.Data;
using MapDashboard.Server.Endpoints;
using Npgsql;

namespace MapDashboard.Server.Coverage;

/// <summary>A line a planner drew, checked before it is measured: the checks live in line_check.sql so PostGIS judges validity.</summary>
public static class DrawnPath
{
    static readonly string CheckSql = SqlResource.Beside<CoverageClock>("line_check.sql");

    /// <summary>The path's GeoJSON (a bare geometry or a Feature holding one) or a 400 problem naming what is wrong.</summary>
    public static async Task<(string? GeoJson, IResult? Problem)> CheckAsync(JsonElement? path, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (path is not { ValueKind: JsonValueKind.Object } p)
            return (null, Problems.BadRequest("No path", "path is required: a GeoJSON LineString in EPSG:4326 [lon, lat]"));
        if (p.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Feature")
        {
            if (!p.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object)
                return (null, Problems.BadRequest("No path", "the path Feature has no geometry"));
            p = g;
        }
        var geojson = p.GetRawText();
        string? problem;
        try { problem = await SqlJson.QueryAsync(db, CheckSql, cancel, ("path", geojson)); }
        catch (PostgresException e) when (e.SqlState.StartsWith("XX") || e.SqlState.StartsWith("22"))
        {
            problem = "the path is not GeoJSON PostGIS can read: " + e.MessageText;
        }
        return problem is null ? (geojson, null) : (null, Problems.BadRequest("Path rejected", problem));
    }
}
