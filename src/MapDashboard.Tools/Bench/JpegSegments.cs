namespace MapDashboard.Tools.Bench;

/// <summary>
/// The metadata segments of a JPEG (APP0–APP15 and COM before the image data), read by walking its markers: what a
/// photo carries besides pixels. EXIF is an APP1 starting "Exif\0\0", XMP an APP1 starting with Adobe's namespace.
/// </summary>
public static class JpegSegments
{
    public sealed record Segment(byte Marker, byte[] Payload)
    {
        public bool IsExif => Marker == 0xE1 && Payload.AsSpan().StartsWith("Exif\0\0"u8);

        public bool IsXmp => Marker == 0xE1 && Payload.AsSpan().StartsWith("http://ns.adobe.com/xap/1.0/"u8);

        public bool IsComment => Marker == 0xFE;
    }

    /// <summary>The APPn and COM segments up to the start of scan, in order.</summary>
    public static List<Segment> Metadata(byte[] jpeg)
    {
        if (jpeg is not [0xFF, 0xD8, ..]) throw new ArgumentException("not a JPEG", nameof(jpeg));
        var found = new List<Segment>();
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF) throw new InvalidDataException($"no marker at byte {at}");
            var marker = jpeg[at + 1];
            if (marker == 0xFF) { at++; continue; } // fill byte
            if (marker is 0xDA or 0xD9) break; // start of scan, end of image: no metadata after this
            var length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            if (marker is >= 0xE0 and <= 0xEF or 0xFE) found.Add(new Segment(marker, jpeg[(at + 4)..(at + 2 + length)]));
            at += 2 + length;
        }
        return found;
    }

    /// <summary>The EXIF orientation (1–8) a JPEG declares, or null without one.</summary>
    public static int? Orientation(byte[] jpeg)
    {
        if (Metadata(jpeg).FirstOrDefault(s => s.IsExif) is not { } exif) return null;
        var tiff = exif.Payload.AsSpan(6);
        var little = tiff[0] == (byte)'I';
        int U16(ReadOnlySpan<byte> b) => little ? b[0] | (b[1] << 8) : (b[0] << 8) | b[1];
        int U32(ReadOnlySpan<byte> b) => little ? b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24) : (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
        var ifd = U32(tiff[4..]);
        for (var i = 0; i < U16(tiff[ifd..]); i++)
        {
            var entry = tiff[(ifd + 2 + 12 * i)..];
            if (U16(entry) == 0x0112) return U16(entry[8..]);
        }
        return null;
    }
}
