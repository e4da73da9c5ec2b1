namespace MapDashboard.Data.Import;

/// <summary>An option the person importing can set to get past a problem: the coordinate system, the GeoPackage table, repair.</summary>
public enum ImportOption { Srs, Table, Repair }

/// <summary>
/// How a report or a refusal tells the person importing what to set, in the words of where they read it: the command
/// names its flags (<see cref="Command"/>); the admin page names its own fields (MapDashboard.Server's ImportPageHints).
/// </summary>
public sealed record ImportHints(string SrsZh, string SrsEn, string TableZh, string TableEn, string RepairZh, string RepairEn)
{
    public static readonly ImportHints Command = new(
        "请用 --srs EPSG:代码 指定", "give it with --srs EPSG:code",
        "请用 --table 指定一个", "name one with --table",
        "加 --repair 可自动修复", "--repair fixes it");

    public string Zh(ImportOption option) => option switch
    {
        ImportOption.Srs => SrsZh, ImportOption.Table => TableZh, _ => RepairZh,
    };

    public string En(ImportOption option) => option switch
    {
        ImportOption.Srs => SrsEn, ImportOption.Table => TableEn, _ => RepairEn,
    };
}
