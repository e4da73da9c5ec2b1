using MapDashboard.Data.Import.Coordinates;
using MapDashboard.Data.Import.Sources;
using Npgsql;

namespace MapDashboard.Data.Import;

/// <summary>
/// Which coordinate system the file is in: the one given (--srs) wins over the file's own (.prj, GeoPackage); an
/// EPSG code is looked up in PostGIS's spatial_ref_sys, which knows every code (CGCS2000 4490, its Gauss-Krüger
/// zones 4491–4554, UTM, WGS84).
/// </summary>
public static class SourceCrs
{
    public static async Task<ToWgs84> ResolveAsync(NpgsqlConnection conn, SourceLayer source, string? given, CancellationToken cancel)
    {
        if (given is not null)
        {
            var code = CrsName.Epsg(given) ?? throw new ImportInputException($"无法识别的坐标系 {given}（请写成 EPSG:4544 的形式）", $"unrecognised coordinate system {given} (write it as EPSG:4544)");
            return await FromEpsgAsync(conn, code, cancel);
        }
        if (source.CrsWkt is not null) return ToWgs84.FromWkt(source.CrsWkt, source.Epsg is int e ? $"EPSG:{e}" : null);
        if (source.Epsg is int epsg) return await FromEpsgAsync(conn, epsg, cancel);
        throw new ImportInputException("文件没有说明坐标系（缺少 .prj）", "the file does not say its coordinate system (no .prj)", ImportOption.Srs);
    }

    static async Task<ToWgs84> FromEpsgAsync(NpgsqlConnection conn, int code, CancellationToken cancel)
    {
        await using var cmd = new NpgsqlCommand("select srtext from spatial_ref_sys where auth_name = 'EPSG' and auth_srid = @code", conn);
        cmd.Parameters.AddWithValue("code", code);
        var wkt = await cmd.ExecuteScalarAsync(cancel) as string
            ?? throw new ImportInputException($"未知的坐标系 EPSG:{code}", $"unknown coordinate system EPSG:{code}");
        return ToWgs84.FromWkt(wkt, $"EPSG:{code}");
    }
}
