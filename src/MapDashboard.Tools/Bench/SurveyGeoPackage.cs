namespace MapDashboard.Tools.Bench;

/// <summary>
/// A generated district as one GeoPackage a district's survey would send, written by GDAL's ogr2ogr (an independent
/// writer) in EPSG:4490 (CGCS2000): tables <c>units</c> and <c>grids</c> (the dashboard's own field names: code,
/// name, parent, kind) and <c>buildings</c> with the Chinese field names and use values of the shipped mapping
/// (建筑编码, 建筑名称, 所属小区, 用途 住宅/商业/…, 层数, 户数, 人口, 建成年份), so the timed import maps them as a real one does.
/// </summary>
public static class SurveyGeoPackage
{
    public const string Buildings = "buildings";

    static readonly (string Table, string Source, string Sql)[] Tables =
    [
        ("units", "territory", """
            select code, name, parent_code as parent, kind, geometry from territory where kind in ('district', 'street', 'community')
            """),
        ("grids", "territory", """
            select code, name, parent_code as parent, kind, geometry from territory where kind not in ('district', 'street', 'community')
            """),
        (Buildings, "buildings", """
            select code as 建筑编码, name as 建筑名称, compound as 所属小区,
                   case use when 'residential' then '住宅' when 'commercial' then '商业' when 'school' then '学校'
                            when 'public' then '公共' when 'industrial' then '工业' when 'market' then '市场' end as 用途,
                   floors as 层数, households as 户数, residents as 人口, year_built as 建成年份, geometry
            from buildings
            """),
    ];

    /// <summary>Writes <c>district.gpkg</c> into <paramref name="folder"/> from the generated files in <paramref name="district"/>.</summary>
    public static async Task<string> WriteAsync(string district, string folder)
    {
        var path = Path.Combine(folder, "district.gpkg");
        File.Delete(path);
        foreach (var (table, source, sql) in Tables)
            (await MeasuredProcess.RunAsync("ogr2ogr", [
                "-f", "GPKG", ..(File.Exists(path) ? new[] { "-update" } : []), path, Path.Combine(district, source + ".geojson"),
                "-dialect", "SQLite", "-sql", sql, "-nln", table, "-nlt", "PROMOTE_TO_MULTI", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:4490",
            ])).Succeeded($"ogr2ogr writing the {table} table");
        return path;
    }
}
