namespace MapDashboard.Data.Import;

/// <summary>
/// The input cannot be imported at all (unreadable file, unknown coordinate system, no such layer), as opposed to
/// rows with problems, which the validation report lists. The message is Chinese, for the person importing.
/// </summary>
public sealed class ImportInputException(string message) : Exception(message);
