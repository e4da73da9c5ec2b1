using System.Buffers.Binary;
using MapDashboard.Tools.Bench;
using SkiaSharp;

namespace MapDashboard.IntegrationTests.Photos;

/// <summary>Pictures and non-pictures for the photo tests: small phone photos with EXIF, PNG, WebP, executables, a decompression bomb.</summary>
static class TestPictures
{
    /// <summary>A small phone photo (800×600 stored) with GPS EXIF and the given orientation.</summary>
    public static byte[] Phone(int seed = 1, int orientation = 1) => PhonePhotos.Jpeg(seed, 800, 600, orientation);

    public static byte[] Png(int seed = 2) => PhonePhotos.Other(SKEncodedImageFormat.Png, seed, 300, 200);

    public static byte[] Webp(int seed = 3) => PhonePhotos.Other(SKEncodedImageFormat.Webp, seed, 300, 200);

    /// <summary>An ELF executable's header and some code bytes: what a renamed program looks like.</summary>
    public static byte[] Elf() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[8], 2, 0, 0x3E, 0, 1, 0, 0, 0, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7))];

    /// <summary>A Windows executable's header.</summary>
    public static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 13))];

    /// <summary>Bytes that start as a JPEG and then are not one.</summary>
    public static byte[] FakeJpeg() => [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 31))];

    /// <summary>A real JPEG padded with zeros after its end to <paramref name="size"/> bytes: only its size is wrong.</summary>
    public static byte[] Padded(int size)
    {
        var photo = Phone(9);
        var padded = new byte[size];
        photo.CopyTo(padded, 0);
        return padded;
    }

    /// <summary>
    /// A PNG of 8×8 pixels whose header says 12,000×12,000 (144 megapixels, 576 MB decoded): a decompression bomb,
    /// which must be refused from its header, before any decoding.
    /// </summary>
    public static byte[] Bomb()
    {
        var png = PhonePhotos.Other(SKEncodedImageFormat.Png, 4, 8, 8);
        // IHDR: length (4) "IHDR" (4) width (4) height (4) … then the CRC of type and data.
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 12_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 12_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
