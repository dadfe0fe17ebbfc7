using System.Security.Cryptography;
using SkiaSharp;

namespace Lapor.Web.Infrastructure.Storage;

/// <summary>A checked, cleaned upload ready to store.</summary>
public sealed record InspectedUpload(string ContentType, string Extension, byte[] Content, string Sha256);

/// <summary>The cleaned upload, or null and the resource key (taking the file name) of the message saying why it is refused.</summary>
public sealed record UploadVerdict(InspectedUpload? Upload, string RefusalKey);

/// <summary>
/// Decides a file's type from its bytes, not its name, and removes what can name the reporter before
/// anything reaches storage (EXIF/GPS and document authors have unmasked anonymous reporters elsewhere):
/// JPEG photos lose their metadata segments losslessly (<see cref="JpegMetadata"/>), PNG images are
/// re-encoded, PDFs are rewritten without metadata, scripts and attached files (<see cref="PdfSanitizer"/>).
/// </summary>
public sealed class UploadInspector
{
    public const string FileTypeKey = "Validation.FileType";

    public static readonly string[] AcceptedContentTypes = ["image/jpeg", "image/png", "application/pdf"];

    public async Task<UploadVerdict> InspectAsync(Stream input, CancellationToken cancellationToken)
    {
        byte[] bytes;
        if (input.CanSeek)
        {
            // One array of the right size instead of a growing buffer and a copy of it.
            bytes = new byte[input.Length - input.Position];
            await input.ReadExactlyAsync(bytes, cancellationToken);
        }
        else
        {
            using var buffer = new MemoryStream();
            await input.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }

        var (result, refusal) = Sniff(bytes) switch
        {
            "image/jpeg" => (WithoutJpegMetadata(bytes), FileTypeKey),
            "image/png" => (ReEncode(bytes, SKEncodedImageFormat.Png, "image/png", ".png"), FileTypeKey),
            "application/pdf" => await RewritePdfAsync(bytes, cancellationToken),
            _ => (null, FileTypeKey),
        };
        return result is null
            ? new UploadVerdict(null, refusal)
            : new UploadVerdict(result with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(result.Content)) }, "");
    }

    internal static string? Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        _ => null,
    };

    private static async Task<(InspectedUpload?, string)> RewritePdfAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var (pdf, refusal) = await IsolatedPdfRewrite.RewriteAsync(bytes, cancellationToken);
        return (pdf is null ? null : new InspectedUpload("application/pdf", ".pdf", pdf, ""), refusal);
    }

    private static InspectedUpload? WithoutJpegMetadata(byte[] bytes)
    {
        // The codec reads the header only: a JPEG it cannot open is refused, and its EXIF orientation is kept.
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return null;
        }

        var clean = JpegMetadata.Strip(bytes, (ushort)codec.EncodedOrigin);
        return clean is null ? null : new InspectedUpload("image/jpeg", ".jpg", clean, "");
    }

    private static InspectedUpload? ReEncode(byte[] bytes, SKEncodedImageFormat format, string contentType, string extension)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        if (codec is null)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        // Metadata is dropped, so apply the EXIF orientation to the pixels first or photos end up sideways.
        using var upright = ApplyOrigin(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var data = image.Encode(format, 88);
        return data is null ? null : new InspectedUpload(contentType, extension, data.ToArray(), "");
    }

    private static SKBitmap ApplyOrigin(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return source.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        var (w, h) = (source.Width, source.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(0, w); canvas.RotateDegrees(-90); canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(-90); break;
        }

        canvas.DrawBitmap(source, 0, 0);
        return result;
    }
}
