namespace MapDashboard.Server.Options;

/// <summary>
/// Incident photos (section Photos). They are kept in a folder, not in PostgreSQL: a phone photo is megabytes, written
/// once and read many times, and in the database every one would travel through WAL, every backup, every replica
/// and the audit of the table, and be read back through a connection the map's queries need. The database keeps
/// what is queried (which incident, which step, sizes, when, by whom) and the folder the bytes, under random names
/// no client chose; the web server streams them from disk. The price: back up the folder with the database.
/// </summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>The photo folder, relative to the content root unless absolute: beside the private cluster's data by default (git-ignored).</summary>
    public string Folder { get; set; } = "../../.local/photos";

    /// <summary>The largest photo accepted, in bytes (a 12-megapixel phone JPEG is 3–6 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Photos one step of one incident may hold (the report, the resolution, …), counting those stored already.</summary>
    public int MaxPerAction { get; set; } = 6;

    /// <summary>The most pixels a photo may declare; checked from its header before it is decoded (a decompression bomb is refused unread).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>The JPEG quality photos are stored at.</summary>
    public int JpegQuality { get; set; } = 85;

    /// <summary>The thumbnail's longest side, in pixels.</summary>
    public int ThumbnailSize { get; set; } = 320;

    /// <summary>How often the folder is swept of files no photo row holds (<see cref="Photos.PhotoSweep"/>), on every node.</summary>
    public double SweepEverySeconds { get; set; } = 3600;

    /// <summary>Photos decoded at once: each holds its full bitmap (4 bytes a pixel, twice when turned upright) while it is cleaned.</summary>
    public int ConcurrentDecodes { get; set; } = 2;
}
