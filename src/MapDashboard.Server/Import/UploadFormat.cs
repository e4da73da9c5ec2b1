namespace MapDashboard.Server.Import;

public enum UploadKind { Zip, GeoPackage, GeoJson }

/// <summary>What an upload is, judged by its first bytes (its name and declared type do not count).</summary>
public static class UploadFormat
{
    public static UploadKind? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\x03\x04"u8)) return UploadKind.Zip;
        if (head.StartsWith("SQLite format 3\0"u8)) return UploadKind.GeoPackage;
        if (head is [0xEF, 0xBB, 0xBF, ..]) head = head[3..]; // a UTF-8 byte-order mark
        var text = head.TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == (byte)'{' ? UploadKind.GeoJson : null;
    }
}
