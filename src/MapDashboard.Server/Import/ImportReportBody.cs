using MapDashboard.Data.Import;
using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Import;

/// <summary>The validation report as the page reads it: counts, and each problem with its row and its reason in Chinese and English, worded for the page (its fields, not the command's flags).</summary>
[JsonAnswer]
public sealed record ImportReportBody(string Layer, int Rows, string SourceCrs, string? Conversion, int Inserted, int Updated, int Unchanged,
    bool Written, int Errors, int Warnings, IReadOnlyList<ImportProblemBody> Problems)
{
    public static ImportReportBody From(ImportReport r) => new(r.Layer, r.Rows, r.SourceCrs, r.Conversion, r.Inserted, r.Updated, r.Unchanged,
        r.Written, r.Problems.Count(p => p.IsError), r.Problems.Count(p => !p.IsError),
        r.Problems.Select(p => new ImportProblemBody(p.Row, p.Code, p.Kind, p.Severity,
            ImportProblemText.Zh(p, ImportPageHints.Hints), ImportProblemText.En(p, ImportPageHints.Hints))).ToList());
}

/// <summary>One problem of the report: its source row and code, kind, severity ("error" blocks the write) and reason.</summary>
[JsonAnswer]
public sealed record ImportProblemBody(int? Row, string? Code, string Kind, string Severity, string Zh, string En);

/// <summary>POST /api/admin/import: the dry run's report and the upload kept to apply (until it expires).</summary>
[JsonAnswer]
public sealed record ImportDryRun(string Id, DateTimeOffset ExpiresAt, ImportReportBody Report);

/// <summary>POST /api/admin/import/{id}/apply: what was written.</summary>
[JsonAnswer]
public sealed record ImportApplied(string Id, ImportReportBody Report);
