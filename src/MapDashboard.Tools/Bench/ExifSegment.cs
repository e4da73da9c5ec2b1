using System.Text;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// A phone's EXIF as an APP1 segment: make, model, orientation and a GPS position — what a resident's photo carries
/// and the server must drop. Little-endian TIFF with IFD0 and a GPS IFD, enough for any EXIF reader (exiftool reads it).
/// </summary>
public static class ExifSegment
{
    const ushort Ascii = 2, Short = 3, Long = 4, Rational = 5;

    sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Value);

    /// <summary>The JPEG with the segment inserted right after its start-of-image marker.</summary>
    public static byte[] Insert(byte[] jpeg, int orientation, double lat, double lon, string model = "MapDashboard Test Phone")
    {
        if (jpeg is not [0xFF, 0xD8, ..]) throw new ArgumentException("not a JPEG", nameof(jpeg));
        var segment = Segment(orientation, lat, lon, model);
        return [0xFF, 0xD8, .. segment, .. jpeg.AsSpan(2)];
    }

    static byte[] Segment(int orientation, double lat, double lon, string model)
    {
        var gps = new List<Entry>
        {
            new(0x0001, Ascii, 2, [(byte)(lat >= 0 ? 'N' : 'S'), 0]),
            new(0x0002, Rational, 3, Degrees(Math.Abs(lat))),
            new(0x0003, Ascii, 2, [(byte)(lon >= 0 ? 'E' : 'W'), 0]),
            new(0x0004, Rational, 3, Degrees(Math.Abs(lon))),
        };
        List<Entry> Ifd0(uint gpsOffset) =>
        [
            new(0x010F, Ascii, 7, "Xiaomi\0"u8.ToArray()),
            new(0x0110, Ascii, (uint)model.Length + 1, [.. Encoding.ASCII.GetBytes(model), 0]),
            new(0x0112, Short, 1, BitConverter.GetBytes((ushort)orientation)),
            new(0x8825, Long, 1, BitConverter.GetBytes(gpsOffset)),
        ];
        var ifd0Length = Ifd(8, Ifd0(0)).Length;
        var tiff = new List<byte> { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0 };
        tiff.AddRange(Ifd(8, Ifd0((uint)(8 + ifd0Length))));
        tiff.AddRange(Ifd(8 + ifd0Length, gps));
        byte[] body = [.. "Exif\0\0"u8, .. tiff];
        var length = body.Length + 2;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. body];
    }

    /// <summary>One IFD at <paramref name="start"/> (offsets count from the TIFF header): entries, no next IFD, then values longer than 4 bytes.</summary>
    static byte[] Ifd(int start, List<Entry> entries)
    {
        var dataStart = start + 2 + 12 * entries.Count + 4;
        var head = new List<byte>(BitConverter.GetBytes((ushort)entries.Count));
        var data = new List<byte>();
        foreach (var e in entries)
        {
            head.AddRange(BitConverter.GetBytes(e.Tag));
            head.AddRange(BitConverter.GetBytes(e.Type));
            head.AddRange(BitConverter.GetBytes(e.Count));
            if (e.Value.Length <= 4) head.AddRange([.. e.Value, .. new byte[4 - e.Value.Length]]);
            else
            {
                head.AddRange(BitConverter.GetBytes((uint)(dataStart + data.Count)));
                data.AddRange(e.Value);
                if (data.Count % 2 == 1) data.Add(0); // values start on a word boundary
            }
        }
        head.AddRange(BitConverter.GetBytes(0u));
        return [.. head, .. data];
    }

    /// <summary>Degrees, minutes, seconds as three rationals (seconds to 1/10000).</summary>
    static byte[] Degrees(double value)
    {
        var degrees = (uint)value;
        var minutes = (uint)((value - degrees) * 60);
        var seconds = (uint)Math.Round(((value - degrees) * 60 - minutes) * 60 * 10000);
        return [.. Rational32(degrees, 1), .. Rational32(minutes, 1), .. Rational32(seconds, 10000)];
    }

    static byte[] Rational32(uint numerator, uint denominator) => [.. BitConverter.GetBytes(numerator), .. BitConverter.GetBytes(denominator)];
}
