using System.Globalization;
using System.Net;
using System.Text;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Attachments;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.ReportWork;

/// <summary>
/// An officer's final response ("tindak lanjut akhir") may bring photos or PDFs of the work done:
/// checked and cleaned like a citizen's files, attached to that answer, opened by staff and by the
/// reporter through the authorized attachment actions only.
/// </summary>
public sealed class FinalResponseEvidenceTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Answer = "Lubang sudah ditambal pada 20 November.";

    [Fact]
    public async Task FinalResponse_WithAPhoto_StoresItWithoutMetadata_AndShowsItWithTheAnswer()
    {
        var (number, code, officer) = await RoutedToOfficerAAsync();

        var response = await FinalResponseAsync(officer, number, Answer, (TestImages.JpegWithExif(), "hasil-perbaikan.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var file = await app.WithDbAsync(db => db.Attachments.AsNoTracking()
            .Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number))
            .Select(a => new { a.Id, a.UploadedBy, a.OriginalFileName, Kind = db.Messages.Where(m => m.Id == a.MessageId).Select(m => (MessageKind?)m.Kind).FirstOrDefault() })
            .SingleAsync());
        Assert.Equal((ActorRole.Officer, "hasil-perbaikan.jpg", MessageKind.FinalResponse), (file.UploadedBy, file.OriginalFileName, file.Kind!.Value));

        // Staff: under the answer, not among the files the reporter filed; the download has lost its EXIF block.
        var staffPage = await officer.OpenAsync($"/inbox/{number}");
        var staffLink = staffPage.Document.QuerySelector($"a[href='/inbox/{number}/lampiran/{file.Id}']");
        Assert.Contains(Answer, staffLink?.Closest("article")?.TextContent, StringComparison.Ordinal);
        Assert.Null(staffPage.Document.QuerySelector($"section[aria-labelledby=content] a[href='/inbox/{number}/lampiran/{file.Id}']"));
        await AssertCleanJpegAsync(await officer.Client.GetAsync($"/inbox/{number}/lampiran/{file.Id}"));

        // The reporter, once unlocked: with the answer on /lacak, and downloadable.
        var reporter = app.CreateBrowser();
        var tracking = await UnlockAsync(reporter, number, code);
        var reporterLink = tracking.Document.QuerySelector($"a[href='/lacak/{number}/lampiran/{file.Id}']");
        Assert.Contains(Answer, reporterLink?.Closest("article")?.TextContent, StringComparison.Ordinal);
        await AssertCleanJpegAsync(await reporter.GetAsync($"/lacak/{number}/lampiran/{file.Id}"));

        // Anyone else reads the public answer, without the files.
        var stranger = await HtmlPage.GetAsync(app.CreateBrowser(), $"/lacak/{number}");
        Assert.Contains(Answer, stranger.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hasil-perbaikan.jpg", stranger.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinalResponse_WithAFileThatIsNoImage_IsRefusedNamingIt_AndTheTypedTextComesBack()
    {
        var (number, _, officer) = await RoutedToOfficerAAsync();
        var filesBefore = Directory.Exists(app.AttachmentsPath) ? Directory.GetFiles(app.AttachmentsPath).Length : 0;

        var response = await FinalResponseAsync(officer, number, Answer,
            (TestImages.Jpeg(), "foto-baik.jpg", "image/jpeg"), (Encoding.UTF8.GetBytes("<script>bukan foto</script>"), "palsu.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await officer.OpenAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Berkas \"palsu.jpg\" bukan JPEG, PNG atau PDF yang valid.", page.Text, StringComparison.Ordinal);
        Assert.Equal(Answer, page.Document.QuerySelector("#text-tindak-lanjut-akhir")!.TextContent);
        Assert.True(page.Document.QuerySelector($"form[action='/inbox/{number}/tindak-lanjut-akhir']")!.Closest("details")!.HasAttribute("open"));
        var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Assignments).Include(r => r.Messages).Include(r => r.Attachments).SingleAsync(r => r.TrackingNumber == number));
        Assert.DoesNotContain(report.Messages, m => m.Kind == MessageKind.FinalResponse);
        Assert.Equal(AssignmentState.InProgress, report.Assignments.Single().State);
        Assert.Empty(report.Attachments);
        Assert.Equal(filesBefore, Directory.Exists(app.AttachmentsPath) ? Directory.GetFiles(app.AttachmentsPath).Length : 0);
    }

    /// <summary>The attachment folder out of reach (a full disk): the answer is not given, the file is named and the text typed comes back.</summary>
    [Fact]
    public async Task FinalResponse_WhenTheFilesCannotBeStored_IsNotGiven_AndTheTypedTextComesBack()
    {
        var (number, _, officer) = await RoutedToOfficerAAsync();

        HttpResponseMessage response;
        using (app.AttachmentFolderOutOfReach())
        {
            response = await FinalResponseAsync(officer, number, Answer, (TestImages.Jpeg(), "foto-baik.jpg", "image/jpeg"), (TestImages.Jpeg(), "foto-kedua.jpg", "image/jpeg"));
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await officer.OpenAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Berkas \"foto-baik.jpg\" belum dapat disimpan", page.Text, StringComparison.Ordinal);
        Assert.Equal(Answer, page.Document.QuerySelector("#text-tindak-lanjut-akhir")!.TextContent);
        var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Assignments).Include(r => r.Messages).Include(r => r.Attachments).SingleAsync(r => r.TrackingNumber == number));
        Assert.DoesNotContain(report.Messages, m => m.Kind == MessageKind.FinalResponse);
        Assert.Equal(AssignmentState.InProgress, report.Assignments.Single().State);
        Assert.Empty(report.Attachments);
    }

    [Fact]
    public async Task FinalResponse_WithSixFiles_IsRefused_AndNothingIsSaved()
    {
        var (number, _, officer) = await RoutedToOfficerAAsync();
        var photo = (TestImages.Jpeg(), "foto.jpg", "image/jpeg");

        var response = await FinalResponseAsync(officer, number, Answer, photo, photo, photo, photo, photo, photo);

        var page = await officer.OpenAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Paling banyak 5 lampiran.", page.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Kind == MessageKind.FinalResponse && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number))));
    }

    [Fact]
    public async Task EvidenceStored_ForAnAnswerThatWasNotSaved_IsDeletedAgain()
    {
        var before = Directory.Exists(app.AttachmentsPath) ? Directory.GetFiles(app.AttachmentsPath).Length : 0;
        await using var scope = app.Services.CreateAsyncScope();
        var evidence = scope.ServiceProvider.GetRequiredService<MessageUploads>();
        var bytes = TestImages.Jpeg();
        IFormFile photo = new FormFile(new MemoryStream(bytes), 0, bytes.Length, "Attachments", "foto.jpg");

        string stored;
        await using (var upload = evidence.For([photo], ActorRole.Officer))
        {
            stored = (await upload.CheckAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Single().StoredName;
            await upload.StoreAsync(CancellationToken.None);
            Assert.True(File.Exists(Path.Combine(app.AttachmentsPath, stored)));
        }

        Assert.False(File.Exists(Path.Combine(app.AttachmentsPath, stored)));
        Assert.Equal(before, Directory.GetFiles(app.AttachmentsPath).Length);
    }

    private async Task<(string Number, string Code, Staff Officer)> RoutedToOfficerAAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await officer.ActAsync(number, "tanggapi", ("Text", "Tim kami meninjau lokasi besok pagi."), ("Public", "true"));
        return (number, code!, officer);
    }

    /// <summary>Posts the final-response form as a browser sends it: multipart, with the token and version from the page.</summary>
    private static async Task<HttpResponseMessage> FinalResponseAsync(Staff officer, string number, string text, params (byte[] Bytes, string Name, string Type)[] files)
    {
        var action = $"/inbox/{number}/tindak-lanjut-akhir";
        var page = await officer.OpenAsync($"/inbox/{number}");
        var form = page.Document.QuerySelector($"form[action='{action}']")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.NotNull(form.QuerySelector("input[type=file][name=Attachments]"));
        var content = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken(action)), "__RequestVerificationToken" },
            { new StringContent(form.QuerySelector("input[name=Version]")!.GetAttribute("value")!), "Version" },
            { new StringContent(text), "Text" },
            { new StringContent("true"), "Public" },
        };
        foreach (var (bytes, name, type) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new(type);
            content.Add(part, "Attachments", name);
        }

        return await officer.Client.PostAsync(action, content);
    }

    private static async Task<HtmlPage> UnlockAsync(HttpClient client, string number, string code)
    {
        var page = await HtmlPage.GetAsync(client, $"/lacak/{number}");
        await client.PostAsync($"/lacak/{number}/akses", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken($"/lacak/{number}/akses"),
            ["AccessCode"] = code,
        }));
        return await HtmlPage.GetAsync(client, $"/lacak/{number}");
    }

    private static async Task AssertCleanJpegAsync(HttpResponseMessage download)
    {
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain(TestImages.ExifCanary, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }
}
