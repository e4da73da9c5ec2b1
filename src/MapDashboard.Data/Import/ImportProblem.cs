namespace MapDashboard.Data.Import;

/// <summary>
/// One finding of the validation report: the source row (1-based, as the file counts) and code it concerns, its
/// kind (missing_field, missing_geometry, wrong_geometry, invalid_geometry, repaired_geometry, duplicate_code,
/// unknown_category, unknown_parent, outside_parent, unknown_unit and adopted_twice (an organisation's adopted units),
/// gap, overlap), whether it blocks the write ("error") or
/// only informs ("warning"), the facts behind it, and the reason in Chinese and English.
/// </summary>
public sealed record ImportProblem(int? Row, string? Code, string Kind, string Severity, IReadOnlyDictionary<string, object?> Detail)
{
    public bool IsError => Severity == "error";

    public string MessageZh => ImportProblemText.Zh(this);

    public string MessageEn => ImportProblemText.En(this);
}

/// <summary>What an import did or would do, and everything found on the way; nothing is written when it has errors.</summary>
public sealed record ImportReport(string Layer, int Rows, string SourceCrs, string? Conversion, int Inserted, int Updated,
    int Unchanged, IReadOnlyList<ImportProblem> Problems, bool Written)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}
