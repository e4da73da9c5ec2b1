using System.Text;

namespace MapDashboard.Data.Import.Sources;

/// <summary>Opens a district's file by its extension: .shp, .gpkg, .geojson / .json.</summary>
public static class SourceFile
{
    public static SourceLayer Read(string path, Encoding? encoding = null, string? table = null)
    {
        if (!File.Exists(path)) throw new ImportInputException($"找不到文件 {Path.GetFileName(path)}", $"no file {Path.GetFileName(path)}");
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".shp" => ShapefileSource.Read(path, encoding),
            ".gpkg" => GeoPackageSource.Read(path, table),
            ".geojson" or ".json" => GeoJsonSource.Read(path),
            var other => throw new ImportInputException($"不支持的文件类型 {other}（支持 .shp、.gpkg、.geojson）", $"file type {other} is not supported (.shp, .gpkg, .geojson are)"),
        };
    }
}
