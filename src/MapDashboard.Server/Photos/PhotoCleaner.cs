using System.Globalization;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace MapDashboard.Server.Photos;

/// <summary>A photo as it will be stored: re-encoded, upright, without metadata, with its thumbnail.</summary>
public sealed record CleanedPhoto(PhotoKind Uploaded, byte[] Picture, string ContentType, int Width, int Height,
    byte[] Thumbnail, int ThumbnailWidth, int ThumbnailHeight);

/// <summary>Why bytes could not be cleaned: <see cref="TooLarge"/> is a picture of too many pixels, otherwise no picture at all.</summary>
public sealed record CleaningFault(string Reason, bool TooLarge = false);

/// <summary>
/// Makes an uploaded photo safe to keep and show. The picture is decoded and encoded again (JPEG, or PNG for a PNG),
/// which keeps its pixels only: EXIF with the phone's GPS position and identity, XMP, comments and every other
/// metadata segment are not carried over. The EXIF orientation is applied first, so the stored picture is upright
/// without it. The declared size is read from the header and refused above <see cref="PhotoOptions.MaxPixels"/>
/// before any pixel is decoded (a small file can declare a gigapixel), and at most
/// <see cref="PhotoOptions.ConcurrentDecodes"/> photos are decoded at once, which bounds the native memory.
/// </summary>
public sealed class PhotoCleaner(IOptions<PhotoOptions> options) : IDisposable
{
    /// <summary>The quality of the thumbnail JPEG: small pictures in lists and popups.</summary>
    const int ThumbnailQuality = 80;

    readonly PhotoOptions _options = options.Value;
    readonly SemaphoreSlim _decoding = new(Math.Max(1, options.Value.ConcurrentDecodes));

    public async Task<(CleanedPhoto? Photo, CleaningFault? Fault)> CleanAsync(byte[] bytes, CancellationToken cancel)
    {
        if (PhotoFormat.Sniff(bytes) is not { } kind)
            return (null, new($"its bytes are {PhotoFormat.Describe(bytes)}, not a JPEG, PNG or WebP picture (its name and declared type do not count)"));
        await _decoding.WaitAsync(cancel);
        try { return await Task.Run(() => Clean(bytes, kind), cancel); }
        finally { _decoding.Release(); }
    }

    (CleanedPhoto?, CleaningFault?) Clean(byte[] bytes, PhotoKind kind)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || KindOf(codec.EncodedFormat) != kind)
            return (null, new($"it starts like a {kind.Name()} picture but cannot be read as one"));
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > _options.MaxPixels)
            return (null, new(string.Create(CultureInfo.InvariantCulture,
                $"it declares {width}×{height} pixels ({(long)width * height / 1e6:F0} megapixels); the limit is {_options.MaxPixels / 1e6:F0} megapixels"), TooLarge: true));

        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
            return (null, new(result == SKCodecResult.IncompleteInput
                ? $"the {kind.Name()} picture is cut short (incomplete)"
                : $"the {kind.Name()} picture cannot be decoded ({result})"));

        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : Turned(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        upright.SetImmutable(); // the image below shares its pixels instead of copying them
        using var image = SKImage.FromBitmap(upright);
        // A PNG stays lossless (screenshots, drawings, transparency); a JPEG or WebP is stored as JPEG, on white if it has transparency.
        var png = kind == PhotoKind.Png;
        byte[] picture;
        if (png) picture = Encode(image, SKEncodedImageFormat.Png, 100);
        else if (image.AlphaType == SKAlphaType.Opaque) picture = Encode(image, SKEncodedImageFormat.Jpeg, _options.JpegQuality);
        else
        {
            using var flat = OnWhite(image, image.Width, image.Height);
            picture = Encode(flat, SKEncodedImageFormat.Jpeg, _options.JpegQuality);
        }
        var (thumbnail, tw, th) = Thumbnail(image);
        return (new CleanedPhoto(kind, picture, png ? "image/png" : "image/jpeg", upright.Width, upright.Height, thumbnail, tw, th), null);
    }

    static PhotoKind? KindOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => PhotoKind.Jpeg,
        SKEncodedImageFormat.Png => PhotoKind.Png,
        SKEncodedImageFormat.Webp => PhotoKind.Webp,
        _ => null,
    };

    /// <summary>A copy of the bitmap turned as its EXIF orientation says (2–8; 1, upright, needs none).</summary>
    static SKBitmap Turned(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        var transposed = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var turned = new SKBitmap(source.Info.WithSize(transposed ? h : w, transposed ? w : h));
        source.SetImmutable(); // shared with the image below, not copied
        using var image = SKImage.FromBitmap(source);
        using var canvas = new SKCanvas(turned);
        canvas.SetMatrix(OriginMatrix(origin, w, h));
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest)); // whole-pixel turns: no resampling
        return turned;
    }

    /// <summary>Where each stored pixel goes on the upright picture: x' = a·x + b·y + c, y' = d·x + e·y + f (EXIF orientations 2–8).</summary>
    public static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>The picture drawn on white at <paramref name="w"/>×<paramref name="h"/>: JPEG has no transparency (a WebP may have some).</summary>
    static SKImage OnWhite(SKImage image, int w, int h)
    {
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque, SKColorSpace.CreateSrgb()));
        surface.Canvas.Clear(SKColors.White);
        // Mipmaps: a 12× reduction sampled without them aliases (moiré on roofs and railings).
        surface.Canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return surface.Snapshot();
    }

    (byte[] Bytes, int Width, int Height) Thumbnail(SKImage image)
    {
        var scale = Math.Min(1.0, _options.ThumbnailSize / (double)Math.Max(image.Width, image.Height));
        using var thumbnail = OnWhite(image, Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)));
        return (Encode(thumbnail, SKEncodedImageFormat.Jpeg, ThumbnailQuality), thumbnail.Width, thumbnail.Height);
    }

    static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality)
    {
        using var encoded = image.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}");
        return encoded.ToArray();
    }

    public void Dispose() => _decoding.Dispose();
}
