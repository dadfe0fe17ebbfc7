using SkiaSharp;

namespace Lapor.BrowserTests.Infrastructure;

/// <summary>A photo to attach; the staff come from the shared <c>StaffWorld</c>.</summary>
public static class TestData
{
    /// <summary>A real JPEG photo written to a temp file, as a citizen's phone would produce it.</summary>
    public static string PhotoFile()
    {
        using var bitmap = new SKBitmap(320, 240);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SaddleBrown);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawCircle(160, 120, 60, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        var path = Path.Combine(Path.GetTempPath(), $"jalan-berlubang-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }
}
