using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace MapDashboard.Data.Import.Sources;

/// <summary>
/// One feature table of a GeoPackage (an SQLite file, OGC 12-128): the geometry column and coordinate system from
/// gpkg_geometry_columns and gpkg_spatial_ref_sys, the blobs decoded by NTS's GeoPackage reader.
/// </summary>
public static class GeoPackageSource
{
    const string TablesSql = """
        select c.table_name, g.column_name, s.organization, s.organization_coordsys_id, s.definition
        from gpkg_contents c
        join gpkg_geometry_columns g on g.table_name = c.table_name
        left join gpkg_spatial_ref_sys s on s.srs_id = g.srs_id
        where c.data_type = 'features'
        order by c.table_name
        """;

    /// <summary>The table <paramref name="table"/>, or the only feature table when none is named.</summary>
    public static SourceLayer Read(string path, string? table)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        conn.Open();
        var tables = new List<(string Table, string Column, string? Org, long? Code, string? Wkt)>();
        using (var cmd = new SqliteCommand(TablesSql, conn))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                tables.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                    r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? null : r.GetString(4)));
        // A survey often ships one GeoPackage of several tables (网格, 建筑, 隐患…): which one is this layer is the
        // importer's to say; a refusal names every table there, so the next try can name the right one.
        var names = string.Join("、", tables.Select(t => t.Table));
        var chosen = table is null
            ? tables.Count == 1 ? tables[0] : throw new ImportInputException(
                tables.Count == 0 ? "GeoPackage 中没有要素表" : $"GeoPackage 中有 {tables.Count} 个要素表（{names}）",
                tables.Count == 0 ? "the GeoPackage holds no feature table" : $"the GeoPackage holds {tables.Count} feature tables ({string.Join(", ", tables.Select(t => t.Table))})",
                tables.Count == 0 ? null : ImportOption.Table)
            : tables.FirstOrDefault(t => t.Table == table) is { Table: not null } found ? found
            : throw new ImportInputException($"GeoPackage 中没有要素表 {table}（有：{names}）",
                $"the GeoPackage has no feature table {table} (it has: {string.Join(", ", tables.Select(t => t.Table))})", ImportOption.Table);

        var reader = new GeoPackageGeoReader();
        var features = new List<SourceFeature>();
        using (var cmd = new SqliteCommand($"select * from \"{chosen.Table.Replace("\"", "\"\"")}\"", conn))
        using (var r = cmd.ExecuteReader())
        {
            var row = 0;
            while (r.Read())
            {
                row++;
                var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                NetTopologySuite.Geometries.Geometry? geometry = null;
                for (var i = 0; i < r.FieldCount; i++)
                {
                    if (r.GetName(i).Equals(chosen.Column, StringComparison.OrdinalIgnoreCase))
                        geometry = r.IsDBNull(i) ? null : reader.Read((byte[])r.GetValue(i));
                    else
                        attributes[r.GetName(i)] = r.IsDBNull(i) ? null : r.GetValue(i);
                }
                features.Add(new SourceFeature(row, attributes, geometry is { IsEmpty: false } ? geometry : null));
            }
        }
        var epsg = string.Equals(chosen.Org, "EPSG", StringComparison.OrdinalIgnoreCase) ? (int?)chosen.Code : null;
        var wkt = chosen.Wkt is { Length: > 0 } w && !w.Equals("undefined", StringComparison.OrdinalIgnoreCase) ? w : null;
        return new SourceLayer(features, wkt, epsg);
    }
}
