using SkiaSharp;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>
/// A photo made ready for a file (the PDF's pages, the workbook's sheet): a JPEG at most a given number of pixels on its
/// long side, upright, written by SkiaSharp (whose JFIF output PDFsharp reads, unlike some stripped camera JPEGs).
/// </summary>
public sealed record ExportPicture(byte[] Bytes, int Width, int Height)
{
    /// <summary>Null when the bytes cannot be decoded as an image.</summary>
    public static ExportPicture? Jpeg(byte[] bytes, int longSide)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        using var decoded = codec is null ? null : SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        var scale = Math.Min(1, (double)longSide / Math.Max(decoded.Width, decoded.Height));
        using var sized = decoded.Resize(new SKImageInfo(Math.Max(1, (int)(decoded.Width * scale)), Math.Max(1, (int)(decoded.Height * scale))), new SKSamplingOptions(SKFilterMode.Linear));
        using var upright = Upright(sized ?? decoded, codec!.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return data is null ? null : new ExportPicture(data.ToArray(), upright.Width, upright.Height);
    }

    /// <summary>A phone photo's pixels turned as its kept EXIF orientation says (the common turns; mirrored ones are rare and left as they are).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        if (degrees == 0)
        {
            return source.Copy();
        }

        var turned = new SKBitmap(degrees == 180 ? source.Width : source.Height, degrees == 180 ? source.Height : source.Width);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return turned;
    }
}
