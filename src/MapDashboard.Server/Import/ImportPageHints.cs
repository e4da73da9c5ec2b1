using MapDashboard.Data.Import;

namespace MapDashboard.Server.Import;

/// <summary>
/// The engine's hints as the admin page words them: by the page's own field labels (the web client's i18n
/// importSrs, importTable and importRepair, which these quote and must keep matching), not by the command's flags.
/// </summary>
public static class ImportPageHints
{
    public static readonly ImportHints Hints = new(
        "请在“坐标系（EPSG，可选）”一栏填写 EPSG 代码", "enter its EPSG code under “Coordinate system (EPSG, optional)”",
        "请在“要素表（GeoPackage，可选）”一栏填写其中一个", "enter one of them under “Feature table (GeoPackage, optional)”",
        "勾选“自动修复无效面（报告面积变化）”可自动修复", "tick “Repair invalid polygons (the report states the area change)” to fix it");
}
