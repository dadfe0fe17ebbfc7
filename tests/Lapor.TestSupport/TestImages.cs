using SkiaSharp;

namespace Lapor.TestSupport;

/// <summary>Real image files made on the fly.</summary>
public static class TestImages
{
    public const string ExifCanary = "CANARY-GPS-7F3A";

    /// <summary>A JPEG photo carrying an EXIF block with a marker string, as a phone's GPS tag would.</summary>
    public static byte[] JpegWithExif(int width = 64, int height = 48) => WithExif(Jpeg(width, height));

    /// <summary>A phone-sized JPEG (random pixels barely compress: 800×600 gives about 300 KB) with the EXIF marker.</summary>
    public static byte[] NoisyJpegWithExif(int width = 800, int height = 600)
    {
        // A fixed xorshift sequence: the same photo every run.
        var state = 311u;
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                bitmap.SetPixel(x, y, new SKColor((byte)state, (byte)(state >> 8), (byte)(state >> 16)));
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return WithExif(data.ToArray());
    }

    public static byte[] Jpeg(int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.OrangeRed);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static byte[] WithExif(byte[] plain)
    {
        // APP1 "Exif" segment: minimal little-endian TIFF header, an empty IFD, then the marker bytes.
        byte[] tiff = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).Concat(System.Text.Encoding.ASCII.GetBytes(ExifCanary)).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. plain[..2], .. segment, .. plain[2..]];
    }
}
