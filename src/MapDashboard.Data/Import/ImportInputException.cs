namespace MapDashboard.Data.Import;

/// <summary>
/// The input cannot be imported at all (unreadable file, unknown coordinate system, no such layer), as opposed to
/// rows with problems, which the validation report lists. Worded in Chinese and in English, like the report's
/// problems, so the admin page shows it in the page's language; when an option would get past it, <see cref="Hint"/>
/// names it and <see cref="Text"/> / <see cref="TextEn"/> word it for where it is read (<see cref="Exception.Message"/>
/// is the command's wording, in Chinese).
/// </summary>
public sealed class ImportInputException(string zh, string en, ImportOption? hint = null)
    : Exception(WordedZh(zh, hint, ImportHints.Command))
{
    public ImportOption? Hint { get; } = hint;

    public string Text(ImportHints hints) => WordedZh(zh, Hint, hints);

    public string TextEn(ImportHints hints) => Hint is { } h ? $"{en}; {hints.En(h)}" : en;

    static string WordedZh(string reason, ImportOption? hint, ImportHints hints) => hint is { } h ? $"{reason}，{hints.Zh(h)}" : reason;
}
