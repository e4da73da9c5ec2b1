using MapDashboard.Data.Import;

namespace MapDashboard.Server.Import;

/// <summary>
/// The engine's hints as the admin page words them: by the page's own field labels (the web client's i18n
/// importSrs and importRepair, which these quote and must keep matching), not by the command's flags. The page has no
/// table field: a GeoPackage of several tables is imported by the command, or saved one table to a file.
/// </summary>
public static class ImportPageHints
{
    public static readonly ImportHints Hints = new(
        "请在“坐标系（EPSG，可选）”一栏填写 EPSG 代码", "enter its EPSG code under “Coordinate system (EPSG, optional)”",
        "本页只导入只含一个要素表的 GeoPackage：请将要导入的表另存为单独的文件", "this page imports a GeoPackage of one feature table: save the table to import as a file of its own",
        "勾选“自动修复无效面（报告面积变化）”可自动修复", "tick “Repair invalid polygons (the report states the area change)” to fix it");
}
