using System.Globalization;

namespace MapDashboard.Data.Import;

/// <summary>The reason of each kind of import problem, in Chinese (the report's language) and English.</summary>
public static class ImportProblemText
{
    public static string Zh(ImportProblem p) => Zh(p, ImportHints.Command);

    public static string En(ImportProblem p) => En(p, ImportHints.Command);

    /// <summary>The reason in Chinese, an option it suggests named as <paramref name="hints"/> name it (the command's flag, the page's field).</summary>
    public static string Zh(ImportProblem p, ImportHints hints) => p.Kind switch
    {
        "missing_field" => $"缺少必填字段 {D(p, "field")}",
        "missing_geometry" => "没有几何图形",
        "wrong_geometry" => $"几何类型不符：应为{(D(p, "expected") == "0" ? "点" : "面")}，实为 {D(p, "actual")}",
        "invalid_geometry" => $"几何无效（{D(p, "reason")}）；{hints.Zh(ImportOption.Repair)}",
        "repaired_geometry" => $"几何无效（{D(p, "reason")}），已修复：面积 {M2(p, "areaBeforeM2")} → {M2(p, "areaAfterM2")}，变化 {M2(p, "areaChangeM2")}",
        "duplicate_code" => $"编码 {p.Code} 重复（第 {D(p, "firstRow")} 行已有）",
        "not_a_number" => $"字段 {D(p, "field")} 的值“{D(p, "value")}”不是整数",
        "unknown_category" => $"字段 {D(p, "field")} 的值“{D(p, "value")}”无法识别",
        "unknown_parent" => $"找不到上级单元{(D(p, "parent") is { Length: > 0 } x ? $"“{x}”" : "（编码前缀与空间包含均无匹配）")}",
        "unknown_unit" => $"包抓的单元“{D(p, "unit")}”在本区找不到（编码或唯一的名称）",
        "adopted_twice" => $"单元“{D(p, "unit")}”已由第 {D(p, "firstRow")} 行的单位包抓，一个单元只有一个包抓单位",
        "outside_parent" => $"超出上级单元 {D(p, "parent")} 的范围 {M2(p, "outsideM2")}",
        "gap" => $"导入后 {D(p, "parent")} 内出现空隙 {M2(p, "areaM2")}，相邻：{D(p, "units")}",
        "overlap" => $"导入后 {D(p, "units")} 相互重叠 {M2(p, "areaM2")}",
        _ => p.Kind,
    };

    public static string En(ImportProblem p, ImportHints hints) => p.Kind switch
    {
        "missing_field" => $"required field {D(p, "field")} is missing",
        "missing_geometry" => "no geometry",
        "wrong_geometry" => $"wrong geometry type: expected {(D(p, "expected") == "0" ? "a point" : "a polygon")}, found {D(p, "actual")}",
        "invalid_geometry" => $"invalid geometry ({D(p, "reason")}); {hints.En(ImportOption.Repair)}",
        "repaired_geometry" => $"invalid geometry ({D(p, "reason")}), repaired: area {M2(p, "areaBeforeM2")} → {M2(p, "areaAfterM2")}, change {M2(p, "areaChangeM2")}",
        "duplicate_code" => $"code {p.Code} is duplicated (already on row {D(p, "firstRow")})",
        "not_a_number" => $"value \"{D(p, "value")}\" of field {D(p, "field")} is not a whole number",
        "unknown_category" => $"value \"{D(p, "value")}\" of field {D(p, "field")} is not known",
        "unknown_parent" => $"no parent unit found{(D(p, "parent") is { Length: > 0 } x ? $" named \"{x}\"" : " (neither by code prefix nor by containment)")}",
        "unknown_unit" => $"adopted unit \"{D(p, "unit")}\" is not in this district (by code or a name only one unit has)",
        "adopted_twice" => $"unit \"{D(p, "unit")}\" is already adopted by the organisation on row {D(p, "firstRow")}; a unit has one adopter",
        "outside_parent" => $"{M2(p, "outsideM2")} lies outside its parent {D(p, "parent")}",
        "gap" => $"after the import a gap of {M2(p, "areaM2")} opens in {D(p, "parent")}, next to {D(p, "units")}",
        "overlap" => $"after the import {D(p, "units")} overlap by {M2(p, "areaM2")}",
        _ => p.Kind,
    };

    static string D(ImportProblem p, string key) => p.Detail.TryGetValue(key, out var v) && v is not null
        ? v is System.Collections.IEnumerable list and not string ? string.Join("、", list.Cast<object>()) : Convert.ToString(v, CultureInfo.InvariantCulture)!
        : "";

    static string M2(ImportProblem p, string key) =>
        p.Detail.TryGetValue(key, out var v) && v is not null
            ? Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture) + " m²"
            : "";
}
