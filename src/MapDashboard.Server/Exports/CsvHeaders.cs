namespace MapDashboard.Server.Exports;

/// <summary>
/// The CSV exports' column names: Chinese unless the request asks ?lang=en — a district's staff open them in Excel
/// (the /lead page asks in its own language) — or the dashboard's own field names, which scripts and GDAL users key
/// on. A name without a Chinese word here stays as it is.
/// </summary>
public static class CsvHeaders
{
    static readonly Dictionary<string, string> Chinese = new()
    {
        ["code"] = "编号", ["category"] = "类别", ["stage"] = "阶段", ["reportedAt"] = "上报时间", ["stageDueAt"] = "本阶段时限",
        ["overdue"] = "超期", ["escalation"] = "升级", ["responsibleUnit"] = "责任单位", ["ownershipUnclear"] = "权属不清",
        ["reports"] = "上报次数", ["grid"] = "网格", ["stageEnteredAt"] = "进入本阶段时间", ["longitude"] = "经度", ["latitude"] = "纬度",
        ["indicator"] = "指标", ["value"] = "数值",
    };

    public static bool English(HttpRequest request) => request.Query["lang"].ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<object?> Of(IEnumerable<string> names, bool english) => names.Select(n => (object?)(english ? n : Chinese.GetValueOrDefault(n, n)));
}
