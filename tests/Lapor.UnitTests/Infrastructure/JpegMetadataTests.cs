using System.Text;
using Lapor.Web.Infrastructure.Storage;
using SkiaSharp;

namespace Lapor.UnitTests.Infrastructure;

public sealed class JpegMetadataTests
{
    private const string Canary = "CANARY-GPS-51D2";

    [Fact]
    public void Strip_RemovesExifXmpAndComments_KeepsEveryPixel()
    {
        var photo = Photo();
        var tagged = Insert(photo, Segment(0xE1, "Exif\0\0" + Canary), Segment(0xE1, "http://ns.adobe.com/xap/1.0/\0" + Canary), Segment(0xFE, Canary));

        var clean = JpegMetadata.Strip(tagged)!;

        Assert.Contains(Canary, Encoding.Latin1.GetString(tagged), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, Encoding.Latin1.GetString(clean), StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(clean), StringComparison.Ordinal);
        Assert.Equal(Pixels(photo), Pixels(clean));
    }

    [Fact]
    public void Strip_DropsAnythingAfterTheEndMarker()
    {
        var polyglot = Photo().Concat(Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>")).ToArray();

        var clean = JpegMetadata.Strip(polyglot)!;

        Assert.Equal([0xFF, 0xD9], clean[^2..]);
        Assert.DoesNotContain("<script>", Encoding.Latin1.GetString(clean), StringComparison.Ordinal);
    }

    [Fact]
    public void Strip_KeepsTheAdobeSegmentDecodersNeed()
    {
        var adobe = Segment(0xEE, "Adobe\0\x64\0\0\0\0\x01");

        var clean = JpegMetadata.Strip(Insert(Photo(), adobe))!;

        Assert.Contains("Adobe", Encoding.Latin1.GetString(clean), StringComparison.Ordinal);
    }

    [Fact]
    public void Strip_WithOrientation_WritesOnlyThatTag()
    {
        var clean = JpegMetadata.Strip(Insert(Photo(), Segment(0xE1, "Exif\0\0" + Canary)), orientation: 6)!;

        using var codec = SKCodec.Create(new MemoryStream(clean));
        Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
        Assert.DoesNotContain(Canary, Encoding.Latin1.GetString(clean), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.05)]
    public void Strip_TruncatedFile_IsRefused(double keep)
    {
        var photo = Photo();

        Assert.Null(JpegMetadata.Strip(photo.AsSpan(0, (int)(photo.Length * keep))));
    }

    [Fact]
    public void Strip_NotAJpeg_IsRefused()
    {
        Assert.Null(JpegMetadata.Strip("MZ\x90\0 this is not an image"u8));
        Assert.Null(JpegMetadata.Strip([0xFF, 0xD8, 0xFF, 0xD9]));
    }

    /// <summary>A 40×30 photo with an EXIF block carrying <paramref name="canary"/>, as a phone's GPS tag would.</summary>
    internal static byte[] PhotoWithExif(string canary) => Insert(Photo(), Segment(0xE1, "Exif\0\0" + canary));

    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(40, 30);
        for (var y = 0; y < 30; y++)
        {
            for (var x = 0; x < 40; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 6), (byte)(y * 8), 90));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static byte[] Pixels(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        return bitmap.Bytes;
    }

    private static byte[] Segment(byte marker, string content)
    {
        var body = Encoding.Latin1.GetBytes(content);
        return [0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2), .. body];
    }

    /// <summary>The segments right after the start-of-image marker, where cameras put theirs.</summary>
    private static byte[] Insert(byte[] jpeg, params byte[][] segments) => [.. jpeg[..2], .. segments.SelectMany(s => s), .. jpeg[2..]];
}
