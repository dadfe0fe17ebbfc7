using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Lapor.UnitTests.Support;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Oversight;
using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Features.Oversight.Exports;
using UglyToad.PdfPig;

namespace Lapor.UnitTests.Features.Dashboard;

public sealed class PeriodReportExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+62812", "'+62812")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Dinas Kesehatan, Bidang P2P", "\"Dinas Kesehatan, Bidang P2P\"")]
    [InlineData("Dinas Sosial", "Dinas Sosial")]
    public void Field_NeutralisesFormulasAndQuotesSeparators(string value, string expected)
    {
        Assert.Equal(expected, CsvDialect.Comma.Field(value));
    }

    [Fact]
    public void Dialects_WriteNumbersAsTheirExcelReadsThem()
    {
        Assert.Equal("33.3%", CsvDialect.Comma.Percent(0.3333m));
        Assert.Equal("33,3%", CsvDialect.Semicolon.Percent(0.3333m));
        Assert.Equal("4.5", CsvDialect.Comma.Number(4.5m));
        Assert.Equal("4,5", CsvDialect.Semicolon.Number(4.5m));
        Assert.Equal("a;\"b;c\";b,c", CsvDialect.Semicolon.Line(["a", "b;c", "b,c"]));
        Assert.Equal("a,\"b,c\",b;c", CsvDialect.Comma.Line(["a", "b,c", "b;c"]));
        Assert.Equal("\"'=1;2\";4,5", CsvDialect.Semicolon.Line(["=1;2", "4,5"]));
    }

    [Fact]
    public async Task Xlsx_HasASheetPerTableAndRatesFormattedAsPercentages()
    {
        var tables = Tables(View(agencies: 3), "id");

        var xlsx = await PeriodReportExport.XlsxAsync(tables, CancellationToken.None);

        var workbook = Workbook.Open(xlsx);
        Assert.Equal(["Ringkasan", "Per instansi", "Terlambat sekarang", "Tren"], workbook.SheetNames);
        Assert.Equal("Tingkat Penyelesaian", workbook.Cell("Per instansi", "D1").Value);
        var rate = workbook.Cell("Per instansi", "D2");
        Assert.Equal(0.3333m, decimal.Parse(rate.Value, CultureInfo.InvariantCulture));
        Assert.Equal("0.0%", rate.Format);
        Assert.Equal("Persentase", workbook.Cell("Ringkasan", "C1").Value);
        Assert.Equal("0.0%", workbook.Cell("Ringkasan", "C5").Format); // the completion rate's row
        Assert.Equal("Tingkat Penyelesaian", workbook.Cell("Ringkasan", "A5").Value);
        Assert.Equal("yyyy-mm", workbook.Cell("Tren", "A2").Format);
        Assert.Equal("LPR-AAAA-BBBB", workbook.Cell("Terlambat sekarang", "A2").Value);
        Assert.Equal("yyyy-mm-dd", workbook.Cell("Terlambat sekarang", "D2").Format);
    }

    [Fact]
    public async Task Xlsx_InEnglish_NamesItsSheetsInEnglish()
    {
        var xlsx = await PeriodReportExport.XlsxAsync(Tables(View(agencies: 0), "en"), CancellationToken.None);

        var workbook = Workbook.Open(xlsx);
        Assert.Equal(["Summary", "Per agency", "Overdue now", "Trend"], workbook.SheetNames);
        Assert.Equal("Agency", workbook.Cell("Per agency", "A1").Value); // headers even without rows
    }

    [Fact]
    public void Csv_Semicolon_UsesDecimalCommasAndStartsWithABom()
    {
        var csv = PeriodReportExport.Csv(Tables(View(agencies: 2), "id"), CsvDialect.Semicolon);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.Contains("Tingkat Penyelesaian;50,0%", text, StringComparison.Ordinal);
        Assert.Contains("Instansi;Didisposisi;Selesai;Tingkat Penyelesaian", text, StringComparison.Ordinal);
        Assert.Contains("Dinas Nomor 1;20;6;33,3%", text, StringComparison.Ordinal);
        Assert.Contains("2026-01;7;3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_IsA4AndContinuesTheAgencyTableOnNewPagesUnderItsHeader()
    {
        var tables = Tables(View(agencies: 90), "id");
        var heading = new PeriodPdf.Heading("Laporan periode", "Periode: 1 Januari 2026 – 31 Maret 2026", "Cakupan: Seluruh wilayah", "Dibuat 2 Desember 2026", "Catatan", (p, n) => $"Halaman {p} dari {n}");

        var pdf = PeriodPdf.Render(heading, tables);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        Assert.All(document.GetPages(), page =>
        {
            Assert.Equal(595, page.Width, 0);
            Assert.Equal(842, page.Height, 0);
        });
        var text = string.Join('\n', document.GetPages().Select(p => p.Text));
        Assert.Contains("Cakupan: Seluruh wilayah", text, StringComparison.Ordinal);
        Assert.Contains("Dinas Nomor 89", text, StringComparison.Ordinal);
        Assert.Contains("50,0%", text, StringComparison.Ordinal);
        Assert.Contains("33,3%", text, StringComparison.Ordinal);
        Assert.Contains($"Halaman 2 dari {document.NumberOfPages}", text, StringComparison.Ordinal);
        Assert.Contains("Didisposisi", document.GetPage(2).Text, StringComparison.Ordinal); // the repeated header
        Assert.Contains("Maret 2026", text, StringComparison.Ordinal); // the trend
    }

    /// <summary>
    /// An agency with too few reports to rank keeps its completion rate, as on the dashboard, and says why it is not
    /// ranked in its own row, in the workbook and the PDF alike (the walk found the rate simply empty).
    /// </summary>
    [Fact]
    public async Task TooFewToRank_KeepsTheRate_AndSaysWhy_InTheWorkbookAndThePdf()
    {
        var view = View(agencies: 1) with { Agencies = [new PeriodReport.AgencyRow(7, "Dinas Kecil", 3, 2, 0.6667m, 1m, 0.5m, 2m, false, 0), new PeriodReport.AgencyRow(8, "Dinas Besar", 20, 10, 0.5m, 1m, 0.5m, 2m, true, 0)] };
        var tables = Tables(view, "id");
        const string Why = "Volume kecil: kurang dari 10 laporan, terlalu sedikit untuk dibandingkan atau diperingkat.";

        var workbook = Workbook.Open(await PeriodReportExport.XlsxAsync(tables, CancellationToken.None));
        var pdf = PeriodPdf.Render(new PeriodPdf.Heading("Laporan", "Periode", "Cakupan", "Dibuat", "Catatan", (p, n) => $"{p}/{n}"), tables);

        Assert.Equal(("Tingkat Penyelesaian", "Peringkat"), (workbook.Cell("Per instansi", "D1").Value, workbook.Cell("Per instansi", "H1").Value));
        Assert.Equal(0.6667m, decimal.Parse(workbook.Cell("Per instansi", "D2").Value, CultureInfo.InvariantCulture));
        Assert.Equal((Why, "Diperingkat"), (workbook.Cell("Per instansi", "H2").Value, workbook.Cell("Per instansi", "H3").Value));
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(' ', string.Join('\n', document.GetPages().Select(p => p.Text)).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("66,7%", text, StringComparison.Ordinal);
        Assert.Contains("terlalu sedikit", text, StringComparison.Ordinal);
    }

    private static IReadOnlyList<PeriodTables.Table> Tables(PeriodReport.View view, string culture)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        return PeriodTables.Of(view, new WhoIsLate.Readiness(0.5m, 0.4m, 0, []), [new OverdueNow.Row("LPR-AAAA-BBBB", "Judul", 1, "Dinas A", Deadline.Completion, new DateOnly(2026, 11, 2), 3)], culture == "en" ? "Whole area" : "Seluruh wilayah", Localizer.Create<OversightResource>(culture));
    }

    private static PeriodReport.View View(int agencies) =>
        new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), 40, new Dictionary<ReportStatus, int> { [ReportStatus.Completed] = 10 }, 0.5m, 0.75m,
            new PeriodReport.Stage(0.9m, 1, 1.5m), new PeriodReport.Stage(0.8m, 2, 2.5m), new PeriodReport.Stage(0.7m, 4.5m, 5), BacklogAgeing.Of([(3, 2)]), 0.6m,
            [.. Enumerable.Range(0, agencies).Select(i => new PeriodReport.AgencyRow(i, $"Dinas Nomor {i}", 20, 5 + i, 0.3333m, 0.5m, 0.25m, 3.5m, true, 0))])
        {
            Trend = [new(new DateOnly(2026, 1, 1), 7, 3), new(new DateOnly(2026, 2, 1), 8, 4), new(new DateOnly(2026, 3, 1), 9, 1)],
        };

    /// <summary>Just enough of an XLSX reader: sheet names, and a cell's stored value and number format.</summary>
    private sealed class Workbook
    {
        private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        private readonly Dictionary<string, XDocument> _parts;

        private Workbook(Dictionary<string, XDocument> parts) => _parts = parts;

        public IReadOnlyList<string> SheetNames => [.. _parts["xl/workbook.xml"].Descendants(Main + "sheet").Select(s => (string)s.Attribute("name")!)];

        public static Workbook Open(byte[] bytes)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            return new Workbook(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal))
                .ToDictionary(e => e.FullName, e =>
                {
                    using var stream = e.Open();
                    return XDocument.Load(stream);
                }));
        }

        public (string Value, string? Format) Cell(string sheet, string reference)
        {
            var id = (string)_parts["xl/workbook.xml"].Descendants(Main + "sheet").Single(s => (string)s.Attribute("name")! == sheet).Attribute(Relationships + "id")!;
            var target = (string)_parts["xl/_rels/workbook.xml.rels"].Root!.Elements().Single(r => (string)r.Attribute("Id")! == id).Attribute("Target")!;
            var cell = _parts["xl/" + target.TrimStart('/').Replace("xl/", "", StringComparison.Ordinal)].Descendants(Main + "c").Single(c => (string)c.Attribute("r")! == reference);
            var value = (string?)cell.Attribute("t") == "s"
                ? _parts["xl/sharedStrings.xml"].Descendants(Main + "si").ElementAt(int.Parse(cell.Value, CultureInfo.InvariantCulture)).Value
                : cell.Element(Main + "v")?.Value ?? cell.Value;
            var styles = _parts["xl/styles.xml"];
            var style = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ElementAt((int?)cell.Attribute("s") ?? 0);
            var formatId = (string?)style.Attribute("numFmtId");
            var format = styles.Descendants(Main + "numFmt").SingleOrDefault(f => (string?)f.Attribute("numFmtId") == formatId)?.Attribute("formatCode")?.Value;
            return (value, format);
        }
    }
}
