using System.Globalization;
using System.Net;
using System.Text;
using Lapor.TestSupport;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Lapor.IntegrationTests.Security;

/// <summary>
/// What an anonymous reporter's files say about them once they reach an officer: a PDF from a word
/// processor names its author, and officers used to receive it byte for byte.
/// </summary>
public sealed class AttachmentMetadataTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Canary = "CANARY-AUTHOR-9C4D";

    [Fact]
    public async Task AnonymousReportPdf_DownloadedByTheOfficer_NoLongerNamesItsAuthor()
    {
        var world = await StaffWorld.CreateAsync(app);
        var pdf = PdfWithAuthor(Canary);
        Assert.Contains(Canary, Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Pungutan liar di kantor kelurahan",
            extra: f => Citizen.AddFile(f, pdf, "bukti.pdf", "application/pdf"),
            fields: new Dictionary<string, string> { ["Form.IsAnonymous"] = "true" });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var id = await app.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).Select(a => a.Id).SingleAsync());

        var download = await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).Client.GetAsync($"/inbox/{number}/lampiran/{id}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain(Canary, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        using var document = PigDocument.Open(bytes);
        Assert.Equal(1, document.NumberOfPages);
        Assert.True(string.IsNullOrEmpty(document.Information.Author));
    }

    [Fact]
    public async Task PasswordProtectedPdf_IsRefusedSayingWhy_AndNothingIsStored()
    {
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var response = await Citizen.FileAsync(app.CreateBrowser(), "Laporan dengan PDF terkunci",
            extra: f => Citizen.AddFile(f, PdfWithAuthor(Canary, password: "rahasia"), "terkunci.pdf", "application/pdf"));

        var page = await HtmlPage.FromAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("\"terkunci.pdf\" dilindungi kata sandi", page.FieldError("Form.Attachments"), StringComparison.Ordinal);
        Assert.Equal("Laporan dengan PDF terkunci", page.InputValue("Form.Title"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task TheRewrite_RunsInAChildProcess_ThatReturnsTheCleanFile()
    {
        var (pdf, refusal) = await IsolatedPdfRewrite.RewriteAsync(PdfWithAuthor("CANARY-AUTHOR-CHILD"), CancellationToken.None);

        Assert.Equal("", refusal);
        Assert.DoesNotContain("CANARY-AUTHOR-CHILD", System.Text.Encoding.Latin1.GetString(pdf!), StringComparison.Ordinal);
        Assert.Equal(PdfSanitizer.ProtectedKey, (await IsolatedPdfRewrite.RewriteAsync(PdfWithAuthor("x", password: "rahasia"), CancellationToken.None)).RefusalKey);
    }

    [Fact]
    public async Task ARewriteThatCrashes_RefusesTheFile_AndThePortalGoesOn()
    {
        // What a stack overflow in PDFsharp looks like from outside: the child dies of a signal.
        var crashing = new System.Diagnostics.ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "cat > /dev/null; kill -SEGV $$" } };

        var (pdf, refusal) = await IsolatedPdfRewrite.RewriteAsync(PdfWithAuthor("x"), crashing, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Null(pdf);
        Assert.Equal(PdfSanitizer.UnreadableKey, refusal);
    }

    [Fact]
    public async Task ARewriteThatHangs_IsKilledAtTheTimeLimit_AndRefusesTheFile()
    {
        var marker = $"lapor-hang-{Guid.NewGuid():N}";
        var hanging = new System.Diagnostics.ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", $"cat > /dev/null; sleep 300; : {marker}" } };

        var (pdf, refusal) = await IsolatedPdfRewrite.RewriteAsync(PdfWithAuthor("x"), hanging, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.Null(pdf);
        Assert.Equal(PdfSanitizer.UnreadableKey, refusal);
        Assert.DoesNotContain(System.Diagnostics.Process.GetProcesses(), p => SafeCommandLine(p).Contains(marker, StringComparison.Ordinal));
    }

    private static string SafeCommandLine(System.Diagnostics.Process process)
    {
        try
        {
            return File.ReadAllText($"/proc/{process.Id}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>A one-page PDF whose document information and XMP metadata name <paramref name="author"/>, as Word's export does.</summary>
    private static byte[] PdfWithAuthor(string author, string? password = null)
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        document.Info.Author = author;
        document.Info.Creator = $"Microsoft Word ({author})";
        if (password is not null)
        {
            document.SecuritySettings.UserPassword = password;
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
