using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace MapDashboard.Server.Exports;

/// <summary>
/// Writes a GeoJSON FeatureCollection (CRS84, as the permission rule left it) as a GeoPackage 1.3 file of one
/// feature table in EPSG:4326: the required metadata tables, geometries as GeoPackage blobs (NTS's writer), one
/// column per property (INTEGER, REAL, BOOLEAN or TEXT by the values it holds; lists and objects as JSON text).
/// </summary>
public static class GeoPackageFile
{
    const string Wgs84Wkt = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
        + "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
        + "AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The file's bytes; <paramref name="table"/> names the feature table, <paramref name="columns"/> its property columns in order.</summary>
    public static async Task<byte[]> WriteAsync(string table, IReadOnlyList<string> columns, JsonNode collection, CancellationToken cancel)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mapdashboard-export-{Guid.NewGuid():N}.gpkg");
        try
        {
            var features = collection["features"]!.AsArray().Select(f => f!.AsObject()).ToList();
            var geometries = features.Select(f => f["geometry"] is { } g ? g.Deserialize<Geometry>(GeoJson) : null).ToList();
            await using (var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                await db.OpenAsync(cancel);
                await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(cancel);
                var types = columns.ToDictionary(c => c, c => ColumnType(features.Select(f => f["properties"]?[c])));
                await ExecAsync(db, tx, Metadata(table, columns, types, GeometryType(geometries), Extent(geometries)), cancel);
                await InsertAsync(db, tx, table, columns, types, features, geometries, cancel);
                await tx.CommitAsync(cancel);
            }
            return await File.ReadAllBytesAsync(path, cancel);
        }
        finally
        {
            File.Delete(path);
        }
    }

    static string Metadata(string table, IReadOnlyList<string> columns, Dictionary<string, string> types, string geometryType, Envelope extent) =>
        $"""
        PRAGMA application_id = 1196444487;
        PRAGMA user_version = 10300;
        create table gpkg_spatial_ref_sys (srs_name text not null, srs_id integer primary key, organization text not null,
            organization_coordsys_id integer not null, definition text not null, description text);
        insert into gpkg_spatial_ref_sys values
            ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
            ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
            ('WGS 84 geodetic', 4326, 'EPSG', 4326, '{Wgs84Wkt}', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
        create table gpkg_contents (table_name text not null primary key, data_type text not null, identifier text unique,
            description text default '', last_change datetime not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            min_x double, min_y double, max_x double, max_y double, srs_id integer references gpkg_spatial_ref_sys(srs_id));
        create table gpkg_geometry_columns (table_name text not null, column_name text not null, geometry_type_name text not null,
            srs_id integer not null, z tinyint not null, m tinyint not null, primary key (table_name, column_name));
        create table "{table}" (fid integer primary key autoincrement, geom {geometryType}{string.Concat(columns.Select(c => $", \"{c}\" {types[c]}"))});
        insert into gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id)
            values ('{table}', 'features', '{table}', {D(extent.MinX)}, {D(extent.MinY)}, {D(extent.MaxX)}, {D(extent.MaxY)}, 4326);
        insert into gpkg_geometry_columns values ('{table}', 'geom', '{geometryType}', 4326, 0, 0);
        """;

    static async Task InsertAsync(SqliteConnection db, SqliteTransaction tx, string table, IReadOnlyList<string> columns,
        Dictionary<string, string> types, List<JsonObject> features, List<Geometry?> geometries, CancellationToken cancel)
    {
        await using var insert = db.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"insert into \"{table}\" (fid, geom{string.Concat(columns.Select(c => $", \"{c}\""))}) "
            + $"values ($fid, $geom{string.Concat(columns.Select((_, i) => $", $p{i}"))})";
        var writer = new GeoPackageGeoWriter();
        for (var i = 0; i < features.Count; i++)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$fid", (long?)features[i]["id"] ?? i + 1);
            insert.Parameters.AddWithValue("$geom", geometries[i] is { } g ? writer.Write(g) : DBNull.Value);
            for (var c = 0; c < columns.Count; c++)
                insert.Parameters.AddWithValue($"$p{c}", Value(features[i]["properties"]?[columns[c]], types[columns[c]]));
            await insert.ExecuteNonQueryAsync(cancel);
        }
    }

    static object Value(JsonNode? node, string type) => node switch
    {
        null => DBNull.Value,
        JsonValue v when type == "BOOLEAN" && v.TryGetValue<bool>(out var b) => b ? 1 : 0,
        JsonValue v when type == "INTEGER" && v.TryGetValue<long>(out var l) => l,
        JsonValue v when type == "REAL" && v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>The one SQL type every non-null value of a property fits: BOOLEAN, INTEGER, REAL, else TEXT.</summary>
    static string ColumnType(IEnumerable<JsonNode?> values)
    {
        var kinds = values.Where(v => v is not null).Select(v => v!.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => "BOOLEAN",
            JsonValueKind.Number => v.AsValue().TryGetValue<long>(out _) ? "INTEGER" : "REAL",
            _ => "TEXT",
        }).Distinct().ToList();
        return kinds switch
        {
            [var one] => one,
            _ when kinds.Count > 0 && kinds.All(k => k is "INTEGER" or "REAL") => "REAL",
            _ => "TEXT",
        };
    }

    static string GeometryType(List<Geometry?> geometries)
    {
        var types = geometries.Where(g => g is not null).Select(g => g!.GeometryType.ToUpperInvariant()).Distinct().ToList();
        return types is [var one] ? one : "GEOMETRY";
    }

    static Envelope Extent(List<Geometry?> geometries)
    {
        var extent = new Envelope();
        foreach (var g in geometries) if (g is not null) extent.ExpandToInclude(g.EnvelopeInternal);
        return extent.IsNull ? new Envelope(0, 0, 0, 0) : extent;
    }

    static async Task ExecAsync(SqliteConnection db, SqliteTransaction tx, string sql, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
