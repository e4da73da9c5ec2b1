using System.Text;

namespace MapDashboard.Data.Import;

/// <summary>The validation report as text, in Chinese (the command prints it).</summary>
public static class ImportReportText
{
    public static string Zh(ImportReport r)
    {
        var text = new StringBuilder();
        text.AppendLine($"图层 {r.Layer}：{r.Rows} 行，坐标系 {r.SourceCrs}{(r.Conversion is null ? "" : "，" + r.Conversion)}");
        foreach (var p in r.Problems)
            text.AppendLine($"  {(p.IsError ? "错误" : "提示")} 第 {p.Row?.ToString() ?? "-"} 行 {p.Code ?? ""}：{p.MessageZh}");
        var errors = r.Problems.Count(p => p.IsError);
        text.AppendLine(r.Written
            ? $"已写入：新增 {r.Inserted}，更新 {r.Updated}，未变 {r.Unchanged}"
            : errors > 0
                ? $"有 {errors} 个错误，未写入任何数据（可写入时：新增 {r.Inserted}，更新 {r.Updated}，未变 {r.Unchanged}）"
                : $"试运行，未写入：将新增 {r.Inserted}，更新 {r.Updated}，未变 {r.Unchanged}（加 --write 写入）");
        return text.ToString();
    }
}
