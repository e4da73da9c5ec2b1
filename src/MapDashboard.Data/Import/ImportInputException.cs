namespace MapDashboard.Data.Import;

/// <summary>
/// The input cannot be imported at all (unreadable file, unknown coordinate system, no such layer), as opposed to
/// rows with problems, which the validation report lists. The message is Chinese, for the person importing; when an
/// option would get past it, <see cref="Hint"/> names it and <see cref="Text"/> words it for where it is read
/// (<see cref="Exception.Message"/> is the command's wording).
/// </summary>
public sealed class ImportInputException(string message, ImportOption? hint = null)
    : Exception(Worded(message, hint, ImportHints.Command))
{
    public ImportOption? Hint { get; } = hint;

    readonly string _reason = message;

    public string Text(ImportHints hints) => Worded(_reason, Hint, hints);

    static string Worded(string reason, ImportOption? hint, ImportHints hints) => hint is { } h ? $"{reason}，{hints.Zh(h)}" : reason;
}
