using MapDashboard.Data.Import;

namespace MapDashboard.Server.Import;

/// <summary>The validation report as the page reads it: counts, and each problem with its row and its reason in Chinese and English, worded for the page (its fields, not the command's flags).</summary>
public static class ImportReportBody
{
    public static object From(ImportReport r) => new
    {
        layer = r.Layer, rows = r.Rows, sourceCrs = r.SourceCrs, conversion = r.Conversion,
        inserted = r.Inserted, updated = r.Updated, unchanged = r.Unchanged, written = r.Written,
        errors = r.Problems.Count(p => p.IsError), warnings = r.Problems.Count(p => !p.IsError),
        problems = r.Problems.Select(p => new
        {
            row = p.Row, code = p.Code, kind = p.Kind, severity = p.Severity,
            zh = ImportProblemText.Zh(p, ImportPageHints.Hints), en = ImportProblemText.En(p, ImportPageHints.Hints),
        }),
    };
}
