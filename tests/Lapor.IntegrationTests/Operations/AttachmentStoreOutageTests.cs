using System.Net;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Operations;

/// <summary>
/// The attachment folder out of reach (<see cref="LaporAppFactory.AttachmentFolderOutOfReach"/>: a full disk, an unmounted
/// volume). Found when the benchmark's disk filled and every filing with a photo answered 500. An officer's answer with
/// files (<c>FinalResponseEvidenceTests</c>) and a WhatsApp photo (<c>WhatsAppWebhookTests</c>) are tried there.
/// </summary>
public sealed class AttachmentStoreOutageTests : IDisposable
{
    private readonly LaporAppFactory _app = new();

    [Fact]
    public async Task AFilingWithAPhoto_ComesBackWithEverythingTypedAndTheFileNamed_AndGoesThroughOnceTheFolderIsBack()
    {
        var browser = _app.CreateBrowser();
        var page = await HtmlPage.GetAsync(browser, "/lapor");
        var submission = Guid.Parse(page.InputValue("Form.SubmissionToken"));
        MultipartFormDataContent Form() => Citizen.ReportForm(page.AntiforgeryToken("/lapor"), submission, "Jembatan kayu di Desa Sukamaju patah",
            f => Citizen.AddFile(f, TestImages.Jpeg(), "jembatan.jpg", "image/jpeg"));
        HtmlPage refused;
        using (_app.AttachmentFolderOutOfReach())
        {
            refused = await HtmlPage.FromAsync(await browser.PostAsync("/lapor", Form()));
        }

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Berkas \"jembatan.jpg\" belum dapat disimpan", refused.FieldError("Form.Attachments"), StringComparison.Ordinal);
        Assert.Equal("Jembatan kayu di Desa Sukamaju patah", refused.InputValue("Form.Title"));
        Assert.False(await _app.WithDbAsync(db => db.Reports.AnyAsync(r => r.SubmissionToken == submission)));
        Assert.False(await _app.WithDbAsync(db => db.StagedUploads.AnyAsync(s => s.FormToken == submission)));

        var filed = await browser.PostAsync("/lapor", Form());

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var stored = await _app.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.SubmissionToken == submission)).Select(a => a.StoredName).SingleAsync());
        Assert.True(File.Exists(Path.Combine(_app.AttachmentsPath, stored)));
        Assert.DoesNotContain(Directory.EnumerateFiles(_app.AttachmentsPath), f => f.EndsWith(".part", StringComparison.Ordinal));
    }

    /// <summary>An app that reads a 503 sends the same request again later (Retry-After says when); a 500 reads as a bug.</summary>
    [Fact]
    public async Task AnOpen311RequestWithMedia_Is503InTheSpecificationsErrorList_WithATimeToComeBack_AndFilesNothing()
    {
        await StaffWorld.CreateAsync(_app);
        var code = await Open311Services.CodeAsync(_app, "Multipart");
        var key = await Open311Services.KeyAsync(_app);
        var before = await _app.WithDbAsync(db => db.Reports.CountAsync());
        using var content = new MultipartFormDataContent
        {
            { new StringContent(key), "api_key" }, { new StringContent(code), "service_code" }, { new StringContent("-6.2"), "lat" },
            { new StringContent("106.8"), "long" }, { new StringContent("Lampu jalan mati, foto terlampir"), "description" },
        };
        var media = new ByteArrayContent(TestImages.Jpeg());
        media.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        content.Add(media, "media", "lampu.jpg");

        using var http = _app.CreateClient();
        HttpResponseMessage response;
        using (_app.AttachmentFolderOutOfReach())
        {
            response = await http.PostAsync("/open311/v2/requests.json", content);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("120", response.Headers.RetryAfter?.ToString());
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(503, error.GetProperty("code").GetInt32());
        Assert.Contains("penyimpanan server", error.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task TheFolderStore_OutOfReach_SaysSo_AndLeavesNoPartBehind()
    {
        var store = _app.Services.GetRequiredService<IAttachmentStore>();
        var name = $"{Guid.NewGuid():N}.jpg";

        using (_app.AttachmentFolderOutOfReach())
        {
            var error = await Assert.ThrowsAsync<AttachmentStoreUnavailableException>(() => store.SaveAsync(name, new MemoryStream(TestImages.Jpeg()), CancellationToken.None));
            Assert.IsAssignableFrom<IOException>(error.InnerException);
        }

        // Cancelled halfway: the part is removed too (a full disk's part would only fill it further).
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(name, new MemoryStream(TestImages.Jpeg()), cancelled.Token));
        Assert.DoesNotContain(Directory.EnumerateFiles(_app.AttachmentsPath), f => f.EndsWith(".part", StringComparison.Ordinal));
    }

    public void Dispose() => _app.Dispose();
}
