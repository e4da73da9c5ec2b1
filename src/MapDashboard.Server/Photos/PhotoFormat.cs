namespace MapDashboard.Server.Photos;

/// <summary>The picture formats accepted, as their bytes say.</summary>
public enum PhotoKind { Jpeg, Png, Webp }

/// <summary>
/// What a file is, judged by its first bytes (its magic number), never by its name or the type its sender declared:
/// a renamed executable is an executable. The cleaner then decodes it, so bytes that only start like a picture are
/// refused as well.
/// </summary>
public static class PhotoFormat
{
    static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The accepted format the bytes start as, or null.</summary>
    public static PhotoKind? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes is [0xFF, 0xD8, 0xFF, ..]) return PhotoKind.Jpeg;
        if (bytes.StartsWith(Png)) return PhotoKind.Png;
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return PhotoKind.Webp;
        return null;
    }

    /// <summary>What the bytes look like when they are no accepted picture, for the refusal ("an ELF executable").</summary>
    public static string Describe(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x7F, (byte)'E', (byte)'L', (byte)'F', ..] => "an ELF executable",
        [(byte)'M', (byte)'Z', ..] => "a Windows executable (MZ/PE)",
        [0xCF or 0xCE, 0xFA, 0xED, 0xFE, ..] => "a macOS executable (Mach-O)",
        [(byte)'#', (byte)'!', ..] => "a script",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF document",
        [(byte)'P', (byte)'K', 3, 4, ..] => "a ZIP archive",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "a GIF image (not accepted)",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => "an ISO media file (HEIC or video: send it as JPEG)",
        [(byte)'<', ..] => "text (HTML, XML or SVG)",
        _ => "of an unknown kind",
    };

    public static string Name(this PhotoKind kind) => kind switch
    {
        PhotoKind.Jpeg => "jpeg",
        PhotoKind.Png => "png",
        _ => "webp",
    };
}
