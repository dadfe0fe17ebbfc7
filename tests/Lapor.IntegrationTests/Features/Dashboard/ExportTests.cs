using System.Net;
using System.Text;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Lapor.IntegrationTests.Features.Dashboard;

/// <summary>
/// The dashboard's downloads as a coordinator in Indonesia opens them: the report list in the reader's language with
/// WIB times (comma and semicolon variants), the workbook's sheets, the A4 PDF, and who may not have them.
/// </summary>
public sealed class ExportTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Month = "Year=2026&Month=8";
    private const string SecretTitle = "Judul rahasia EKSPOR-RAHASIA";

    // 7 August 2026 03:15 UTC is 10:15 WIB.
    private static readonly DateTimeOffset FiledAt = new(2026, 8, 7, 3, 15, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReportListCsv_HasIndonesianHeadersAndValuesAndWibTimes()
    {
        var number = await SeedAsync();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var response = await coordinator.Client.GetAsync($"/dashboard/ekspor-laporan.csv?{Month}");
        var (bom, lines) = await CsvAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(bom);
        Assert.Equal("Nomor pelacakan,Waktu masuk (WIB),Jenis laporan,Kanal,Status,Judul,Kategori,Instansi tujuan,Tanggapan pertama (WIB),Waktu selesai (WIB)", lines[0]);
        var row = lines.Single(l => l.StartsWith(number, StringComparison.Ordinal));
        Assert.StartsWith($"{number},2026-08-07 10:15,Pengaduan,Web,Terdisposisi – Belum Ditindaklanjuti,Jalan berlubang di depan pasar,", row, StringComparison.Ordinal);
        Assert.Contains(",Dinas A,", row, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("2026-08-07 10:15,Pengaduan,Web,Terdisposisi – Belum Ditindaklanjuti,,", StringComparison.Ordinal));
        Assert.DoesNotContain("EKSPOR-RAHASIA", string.Join('\n', lines), StringComparison.Ordinal); // a confidential report's title stays out
    }

    [Fact]
    public async Task ReportListCsv_Semicolon_IsForExcelWithIndonesianSettings()
    {
        var number = await SeedAsync();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var (bom, lines) = await CsvAsync(await coordinator.Client.GetAsync($"/dashboard/ekspor-laporan.csv?{Month}&separator=Semicolon"));

        Assert.True(bom);
        Assert.StartsWith("Nomor pelacakan;Waktu masuk (WIB);Jenis laporan;Kanal;Status;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{number};2026-08-07 10:15;Pengaduan;Web;", lines.Single(l => l.StartsWith(number, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportListCsv_ForSomeoneWhoChoseEnglish_IsInEnglish()
    {
        var number = await SeedAsync();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var page = await coordinator.OpenAsync("/dashboard");
        await coordinator.Client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/dashboard",
            ["__RequestVerificationToken"] = page.AntiforgeryToken("/culture"),
        }));

        var (_, lines) = await CsvAsync(await coordinator.Client.GetAsync($"/dashboard/ekspor-laporan.csv?{Month}"));

        Assert.StartsWith("Tracking number,Submitted (WIB),Kind of report,Channel,Status,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{number},2026-08-07 10:15,Complaint,Web,Dispositioned – not yet followed up,", lines.Single(l => l.StartsWith(number, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeriodWorkbook_HasASheetPerTableWithRatesAsNumbers()
    {
        await SeedAsync();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var bytes = await coordinator.Client.GetByteArrayAsync($"/dashboard/ekspor.xlsx?{Month}");
        OfficeFiles.AssertValidWorkbook(bytes);

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Ringkasan", "Per instansi", "Terlambat sekarang", "Tren"], stream.GetSheetNames());
        var agency = stream.Query(useHeaderRow: true, sheetName: "Per instansi").Cast<IDictionary<string, object?>>().Single(r => (string?)r["Instansi"] == StaffWorld.AgencyAName);
        Assert.IsType<double>(agency["Tingkat Tindak Lanjut"]); // a number, shown as a percentage by its format
        var trend = stream.Query(useHeaderRow: true, sheetName: "Tren").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(trend, r => r["Laporan diterima"] is double received && received >= 2);
    }

    [Fact]
    public async Task PeriodPdf_IsA4WithTheFiguresAndIsAudited()
    {
        await SeedAsync();
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var response = await coordinator.Client.GetAsync($"/dashboard/ekspor.pdf?{Month}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = pdf.GetPage(1);
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Periode: 1 Agustus 2026 – 31 Agustus 2026", text, StringComparison.Ordinal);
        Assert.Contains("Cakupan: Seluruh wilayah", text, StringComparison.Ordinal);
        Assert.Contains("Tingkat Penyelesaian", text, StringComparison.Ordinal);
        Assert.Contains(StaffWorld.AgencyAName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("EKSPOR-RAHASIA", text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.Reason == "pdf")));
    }

    [Theory]
    [InlineData(StaffWorld.OfficerA, "/dashboard/ekspor-laporan.csv?separator=Semicolon")]
    [InlineData(StaffWorld.OfficerA, "/dashboard/ekspor.pdf")]
    [InlineData(StaffWorld.CitizenX, "/dashboard/ekspor.pdf")]
    [InlineData(StaffWorld.CitizenX, "/dashboard/ekspor.xlsx")]
    public async Task Exports_WithoutTheDashboardRole_AreRefused(string email, string url)
    {
        await StaffWorld.CreateAsync(app);
        var client = (await Staff.SignInAsync(app, email)).Client;

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(bool Bom, string[] Lines)> CsvAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble());
        return (bom, Encoding.UTF8.GetString(bytes.AsSpan(bom ? 3 : 0)).Split("\r\n").Select(l => l.TrimEnd('\n')).Where(l => l.Length > 0).ToArray());
    }

    /// <summary>Two reports filed at <see cref="FiledAt"/>, routed to agency A; the second confidential. Returns the first's tracking number.</summary>
    private async Task<string> SeedAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Reports.Where(r => r.SubmittedAt == FiledAt && !r.IsConfidential).Select(r => r.TrackingNumber).FirstOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        string? first = null;
        foreach (var confidential in new[] { false, true })
        {
            var report = Report.Submit(new ReportDraft(Classification.Complaint, confidential ? SecretTitle : "Jalan berlubang di depan pasar", "Isi laporan uji ekspor.", null, null, null, null, null, null, false, confidential),
                Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, FiledAt);
            report.Verify(new Actor(null, ActorRole.Coordinator), [world.AgencyA], ComplaintKind.Ordinary, null, null, schedule, FiledAt.AddHours(2));
            db.Reports.Add(report);
            db.ReporterIdentities.Add(new ReporterIdentity(report, "Pelapor Uji", null, null));
            first ??= report.TrackingNumber;
        }

        await db.SaveChangesAsync();
        return first!;
    }
}
