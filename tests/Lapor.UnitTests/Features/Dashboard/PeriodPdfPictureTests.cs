using Lapor.Web.Features.Oversight.Exports;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Lapor.UnitTests.Features.Dashboard;

public sealed class PeriodPdfPictureTests
{
    private static readonly PeriodPdf.Heading Heading = new("Judul", "Periode: 2026", "Wilayah: Uji", "Dibuat hari ini", "Catatan.", (page, pages) => $"Halaman {page} dari {pages}");

    private static readonly PeriodTables.Table Summary = new("Ringkasan",
        [new("Ukuran", PeriodTables.Kind.General), new("Nilai", PeriodTables.Kind.General), new("Persentase", PeriodTables.Kind.Rate)], [["Laporan diterima", 3, null]]);

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    public void Pictures_AreDrawnAfterTheTables_UnderTheirSectionWithTheirCaptions(SKEncodedImageFormat format)
    {
        var pdf = PeriodPdf.Render(Heading, [Summary], [new("Dokumentasi kegiatan", "10 November 2026 · Bimtek", Image(format)), new("Dokumentasi kegiatan", "11 November 2026 · Sosialisasi", Image(format))]);

        using var document = PdfDocument.Open(pdf);
        var text = string.Join('\n', document.GetPages().Select(p => p.Text));
        Assert.Contains("Dokumentasi kegiatan", text, StringComparison.Ordinal);
        Assert.Contains("10 November 2026 · Bimtek", text, StringComparison.Ordinal);
        Assert.Equal(2, document.GetPages().Sum(p => p.GetImages().Count()));
    }

    [Fact]
    public void APictureThatCannotBeRead_IsLeftOut()
    {
        var pdf = PeriodPdf.Render(Heading, [Summary], [new("Dokumentasi kegiatan", "rusak", [0xFF, 0xD8, 0xFF, 0x00, 0x01])]);

        using var document = PdfDocument.Open(pdf);
        Assert.DoesNotContain("rusak", string.Join('\n', document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }

    private static byte[] Image(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(120, 80);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var data = SKImage.FromBitmap(bitmap).Encode(format, 85);
        return data.ToArray();
    }
}
