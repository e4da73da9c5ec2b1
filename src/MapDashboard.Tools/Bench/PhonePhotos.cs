using SkiaSharp;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// Photos like a phone's: a scene of sky, wall and shapes with sensor noise at every pixel (so JPEG compresses it
/// as it does a real photo, 3–5 MB at 12 megapixels, not a few kB of flat colour), JPEG at quality 92, with the
/// phone's EXIF: make, model, orientation and a GPS position. The top-left quarter of the stored pixels is red, so
/// a test can tell where the server turned it.
/// </summary>
public static class PhonePhotos
{
    /// <summary>A 4032×3024 (12 MP) phone photo by default.</summary>
    public static byte[] Jpeg(int seed, int width = 4032, int height = 3024, int orientation = 1, double lat = 36.0494, double lon = 103.8301) =>
        ExifSegment.Insert(Encode(Scene(seed, width, height), SKEncodedImageFormat.Jpeg, 92), orientation, lat, lon);

    /// <summary>The same scene as PNG or WebP (no EXIF): other formats a phone or an app sends.</summary>
    public static byte[] Other(SKEncodedImageFormat format, int seed, int width, int height) => Encode(Scene(seed, width, height), format, 90);

    static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using (bitmap)
        using (var image = SKImage.FromBitmap(bitmap))
        using (var data = image.Encode(format, quality))
            return data.ToArray();
    }

    static SKBitmap Scene(int seed, int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            var random = new Random(seed);
            using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height),
                [new SKColor(120, 170, 230), new SKColor(200, 190, 170)], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, sky);
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 40; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                canvas.DrawRect(random.Next(width), random.Next(height / 3, height), random.Next(width / 20 + 1, width / 3 + 2), random.Next(height / 20 + 1, height / 3 + 2), paint);
            }
            paint.Color = SKColors.Red;
            canvas.DrawRect(0, 0, width / 4, height / 4, paint);
        }
        AddNoise(bitmap, seed);
        return bitmap;
    }

    /// <summary>±12 levels of noise on every channel of every pixel (xorshift: fast enough for 12 MP).</summary>
    static void AddNoise(SKBitmap bitmap, int seed)
    {
        var pixels = bitmap.GetPixelSpan();
        var buffer = pixels.ToArray();
        var state = (uint)seed * 2654435761u | 1;
        for (var i = 0; i < buffer.Length; i++)
        {
            if (i % 4 == 3) continue; // alpha
            state ^= state << 13; state ^= state >> 17; state ^= state << 5;
            buffer[i] = (byte)Math.Clamp(buffer[i] + (int)(state % 25) - 12, 0, 255);
        }
        System.Runtime.InteropServices.Marshal.Copy(buffer, 0, bitmap.GetPixels(), buffer.Length);
    }
}
