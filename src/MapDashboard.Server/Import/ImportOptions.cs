namespace MapDashboard.Server.Import;

/// <summary>
/// The admin import page's uploads (section "Import"): how long an upload waits for its "apply", where uploads are
/// kept, and how much a zipped Shapefile set may hold once unpacked. The upload's own size limit is
/// Limits:ImportBodyBytes (<see cref="Doors.BodyLimitOptions"/>), enforced before the body is read.
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>An upload is kept this long after its dry run, for the "apply" that writes it.</summary>
    public int KeepMinutes { get; set; } = 30;

    /// <summary>Where uploads are unpacked (empty: a folder in the system's temporary directory).</summary>
    public string Folder { get; set; } = "";

    /// <summary>A zip's entries at most: a Shapefile set is 3 to 8 files; a zip of thousands is not one.</summary>
    public int MaxZipEntries { get; set; } = 64;

    /// <summary>What a zip may unpack to, counted as it is written (a zip's own sizes can lie): 1 GB.</summary>
    public long MaxUnpackedBytes { get; set; } = 1024L * 1024 * 1024;
}
