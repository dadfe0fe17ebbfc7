using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Reports;

/// <summary>
/// The reporter adds information and photos at any time before completion, not only when asked: the
/// coordinator or the agencies see it and are told, the clocks run on, and a closed report refuses it in words.
/// </summary>
public sealed class ReporterInformationTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task AddInformation_BeforeVerification_WithPhoto_CoordinatorSeesItAndIsTold()
    {
        await StaffWorld.CreateAsync(app);
        var (number, reporter) = await FiledAsync();
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        Assert.NotNull(page.Document.QuerySelector($"form[action='/lacak/{number}/informasi'][enctype='multipart/form-data'] input[type=file][name=Attachments]"));

        var response = await reporter.PostAsync($"/lacak/{number}/informasi", await WithPhotoAsync(reporter, number, "Lubangnya kini dua, foto terlampir."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Routing).Include(r => r.Messages).Include(r => r.Attachments).SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(ReportStatus.Unverified, report.Status);
        var entry = report.Routing.OrderBy(e => e.Id).Last();
        Assert.Equal((RoutingAction.AddInformation, (ReportStatus?)ReportStatus.Unverified, ReportStatus.Unverified), (entry.Action, entry.FromStatus, entry.ToStatus));
        var message = Assert.Single(report.Messages, m => m.Kind == MessageKind.ReporterReply);
        Assert.Equal(message.Id, Assert.Single(report.Attachments).MessageId);
        Assert.Contains(await MailsAsync(number), m => m.Template == "ReporterReplied" && m.Recipient == StaffWorld.Coordinator);

        var staffPage = await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync($"/inbox/{number}");
        Assert.Contains("Lubangnya kini dua, foto terlampir.", staffPage.Text, StringComparison.Ordinal);
        Assert.Contains("lubang-kedua.jpg", staffPage.Text, StringComparison.Ordinal);
        Assert.Contains("Pelapor melengkapi keterangan", staffPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddInformation_WhileAgencyWorks_Unasked_OfficerToldAndClocksRunOn()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, reporter) = await FiledAsync();
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var before = await app.WithDbAsync(db => db.Assignments.AsNoTracking().SingleAsync(a => a.Report!.TrackingNumber == number));

        await reporter.PostAsync($"/lacak/{number}/informasi", await Citizen.TrackFormAsync(reporter, number, ("Text", "Sore ini ada motor jatuh di sana.")));

        var after = await app.WithDbAsync(db => db.Assignments.AsNoTracking().SingleAsync(a => a.Report!.TrackingNumber == number));
        Assert.Equal((AssignmentState.Dispositioned, before.FirstResponseDueOn, before.CompletionDueOn), (after.State, after.FirstResponseDueOn, after.CompletionDueOn));
        Assert.Contains(await MailsAsync(number), m => m.Template == "ReporterReplied" && m.Recipient == StaffWorld.OfficerA);
        var officerPage = await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).OpenAsync($"/inbox/{number}");
        Assert.Contains("Sore ini ada motor jatuh di sana.", officerPage.Text, StringComparison.Ordinal);

        // Unlike a question, information nobody asked for pauses nothing: the deadline job still finds the share late.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.DeadlineJobAt(DateTimeOffset.UtcNow.AddDays(40)).RunOnceAsync(CancellationToken.None);
        }

        Assert.True(await app.WithDbAsync(db => db.Escalations.AnyAsync(e => e.AssignmentId == after.Id && e.Deadline == Deadline.FirstResponse && e.Rung == EscalationRung.Breach)));
    }

    [Fact]
    public async Task AddInformation_AnsweringAQuestion_ResumesTheShareAsBefore()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, reporter) = await FiledAsync();
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(number, "minta-keterangan", ("Text", "Di sisi jalan sebelah mana?"));
        var asked = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        Assert.Contains("Jawab pertanyaan petugas", asked.Text, StringComparison.Ordinal);

        // Said at the top of the page, with the way to the form below.
        var waiting = asked.Document.QuerySelector("[data-testid=awaits-you]")!;
        Assert.Contains("Petugas menunggu jawaban Anda", waiting.TextContent, StringComparison.Ordinal);
        Assert.Equal("#add", waiting.QuerySelector("a")!.GetAttribute("href"));

        await reporter.PostAsync($"/lacak/{number}/informasi", await Citizen.TrackFormAsync(reporter, number, ("Text", "Sisi kiri.")));
        Assert.Null((await HtmlPage.GetAsync(reporter, $"/lacak/{number}")).Document.QuerySelector("[data-testid=awaits-you]"));

        var share = await app.WithDbAsync(db => db.Assignments.AsNoTracking().SingleAsync(a => a.Report!.TrackingNumber == number));
        Assert.Equal(AssignmentState.InProgress, share.State);
        Assert.Null(share.PausedAt);
    }

    [Fact]
    public async Task AddInformation_OnACompletedReport_IsRefusedInWordsAndKeepsTheText()
    {
        var (number, reporter) = await CompletedAsync();
        Assert.Null((await HtmlPage.GetAsync(reporter, $"/lacak/{number}")).Document.QuerySelector($"form[action='/lacak/{number}/informasi']"));

        await reporter.PostAsync($"/lacak/{number}/informasi", await Citizen.TrackFormAsync(reporter, number, ("Text", "Masih ada satu lubang lagi.")));
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");

        Assert.Contains("Laporan ini sudah selesai, sehingga keterangan tidak dapat ditambahkan lagi.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Masih ada satu lubang lagi.", page.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Masih ada satu lubang lagi.")));
    }

    [Fact]
    public async Task AddInformation_AfterReopening_IsTakenAgain()
    {
        var (number, reporter) = await CompletedAsync();
        await reporter.PostAsync($"/lacak/{number}/buka-kembali", await Citizen.TrackFormAsync(reporter, number, ("Reason", "Lubangnya muncul lagi.")));
        Assert.Equal(ReportStatus.InProgress, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync()));

        await reporter.PostAsync($"/lacak/{number}/informasi", await Citizen.TrackFormAsync(reporter, number, ("Text", "Foto terbaru menyusul.")));

        Assert.True(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Foto terbaru menyusul.")));
    }

    [Fact]
    public async Task AddInformation_OnAnArchivedReport_IsRefusedInWords()
    {
        await StaffWorld.CreateAsync(app);
        var (number, reporter) = await FiledAsync();
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "arsipkan", ("Reason", "Spam"), ("Text", "Iklan."));
        Assert.Equal(ReportStatus.Archived, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync()));

        await reporter.PostAsync($"/lacak/{number}/informasi", await Citizen.TrackFormAsync(reporter, number, ("Text", "Ini bukan iklan.")));

        Assert.Contains("Laporan ini sudah diarsipkan", (await HtmlPage.GetAsync(reporter, $"/lacak/{number}")).Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Ini bukan iklan.")));
    }

    [Fact]
    public async Task AddInformation_WithAFileThatIsNotAPhoto_SaysWhyKeepsTheTextAndTheGoodPhoto()
    {
        await StaffWorld.CreateAsync(app);
        var (number, reporter) = await FiledAsync();
        var form = await WithPhotoAsync(reporter, number, "Lihat berkas ini.");
        AddFile(form, "MZ this is not an image"u8.ToArray(), "virus.jpg");

        await reporter.PostAsync($"/lacak/{number}/informasi", form);
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");

        Assert.Contains("virus.jpg", page.Text, StringComparison.Ordinal);
        Assert.Contains("Lihat berkas ini.", page.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Lihat berkas ini.")));

        // The photo that passed comes back staged, ticked, with its thumbnail; sending again takes it without picking it anew.
        var kept = Assert.Single(page.Document.QuerySelectorAll("form[action$='/informasi'] input[type=checkbox][name=Staged]"));
        Assert.True(kept.HasAttribute("checked"));
        Assert.Contains("lubang-kedua.jpg", page.Document.QuerySelector("form[action$='/informasi'] .uploader-list")!.TextContent, StringComparison.Ordinal);
        var again = await reporter.PostAsync($"/lacak/{number}/informasi", Form(
            page.AntiforgeryToken($"/lacak/{number}/informasi"), ("Text", "Lihat berkas ini."), ("FormToken", page.InputValue("FormToken")), ("Staged", kept.GetAttribute("value")!)));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var sent = await app.WithDbAsync(db => db.Attachments.Where(a => db.Messages.Any(m => m.Id == a.MessageId && m.Body == "Lihat berkas ini.")).Select(a => a.OriginalFileName).ToListAsync());
        Assert.Equal("lubang-kedua.jpg", Assert.Single(sent));
        Assert.False(await app.WithDbAsync(db => db.StagedUploads.AnyAsync(s => s.OriginalFileName == "lubang-kedua.jpg")));
    }

    [Fact]
    public async Task AddInformation_WithPhotosStagedAsPicked_SendsThemWithTheText()
    {
        await StaffWorld.CreateAsync(app);
        var (number, reporter) = await FiledAsync();
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        var formToken = page.InputValue("FormToken");
        Assert.Equal(formToken, page.Document.QuerySelector("form[action$='/informasi'] .uploader")!.GetAttribute("data-form-token"));

        var first = await StageAsync(reporter, page.AntiforgeryToken($"/lacak/{number}/informasi"), formToken, TestImages.JpegWithExif(), "tiang-miring.jpg");
        var second = await StageAsync(reporter, page.AntiforgeryToken($"/lacak/{number}/informasi"), formToken, TestImages.Jpeg(), "dari-dekat.jpg");
        var response = await reporter.PostAsync($"/lacak/{number}/informasi", Form(
            page.AntiforgeryToken($"/lacak/{number}/informasi"), ("Text", "Dua foto tiang yang miring."), ("FormToken", formToken), ("Staged", first), ("Staged", second)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = await app.WithDbAsync(db => db.Attachments.Where(a => db.Messages.Any(m => m.Id == a.MessageId && m.Body == "Dua foto tiang yang miring.")).Select(a => a.OriginalFileName).ToListAsync());
        Assert.Equal(["dari-dekat.jpg", "tiang-miring.jpg"], sent.Order(StringComparer.Ordinal));
        var staffPage = await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync($"/inbox/{number}");
        Assert.Contains("tiang-miring.jpg", staffPage.Text, StringComparison.Ordinal);

        // A fresh form afterwards lists nothing left over.
        var after = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        Assert.Empty(after.Document.QuerySelectorAll("form[action$='/informasi'] .uploader-item"));
    }

    [Fact]
    public async Task AddInformation_NamingAPhotoAnotherBrowserStaged_IsRefusedAndAddsNothing()
    {
        await StaffWorld.CreateAsync(app);
        var (number, reporter) = await FiledAsync();
        var stranger = app.CreateBrowser();
        var strangerPage = await HtmlPage.GetAsync(stranger, "/lapor");
        var strangerToken = strangerPage.InputValue("Form.SubmissionToken");
        var theirs = await StageAsync(stranger, strangerPage.AntiforgeryToken("/lapor"), strangerToken, TestImages.Jpeg(), "milik-orang-lain.jpg");

        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        await reporter.PostAsync($"/lacak/{number}/informasi", Form(
            page.AntiforgeryToken($"/lacak/{number}/informasi"), ("Text", "Foto siapa ini?"), ("FormToken", strangerToken), ("Staged", theirs)));

        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Foto siapa ini?")));
        Assert.True(await app.WithDbAsync(db => db.StagedUploads.AnyAsync(s => s.OriginalFileName == "milik-orang-lain.jpg")));
        var back = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        Assert.Contains("sudah tidak tersimpan", back.Text, StringComparison.Ordinal);
        Assert.Contains("Foto siapa ini?", back.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("milik-orang-lain.jpg", back.Text, StringComparison.Ordinal);
    }

    /// <summary>Someone who has not unlocked the report gets "not found", and their photo is not kept, not even staged.</summary>
    [Fact]
    public async Task AddInformation_ByAStrangerWithAPhoto_IsNotFound_AndStoresNothing()
    {
        await StaffWorld.CreateAsync(app);
        var (number, _) = await FiledAsync();
        var stranger = app.CreateBrowser();
        var strangerPage = await HtmlPage.GetAsync(stranger, $"/lacak/{number}");
        var form = new MultipartFormDataContent
        {
            { new StringContent(strangerPage.AntiforgeryToken($"/lacak/{number}/akses")), "__RequestVerificationToken" },
            { new StringContent("Foto dari orang lain."), "Text" },
            { new StringContent(Guid.NewGuid().ToString()), "FormToken" },
        };
        AddFile(form, TestImages.Jpeg(), "penyusup.jpg");

        var response = await stranger.PostAsync($"/lacak/{number}/informasi", form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.StagedUploads.AnyAsync(s => s.OriginalFileName == "penyusup.jpg")));
        Assert.False(await app.WithDbAsync(db => db.Attachments.AnyAsync(a => a.OriginalFileName == "penyusup.jpg")));
    }

    private async Task<(string Number, HttpClient Reporter)> FiledAsync()
    {
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        return (number, await Citizen.UnlockAsync(app, number, code!));
    }

    private async Task<(string Number, HttpClient Reporter)> CompletedAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, reporter) = await FiledAsync();
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(number, "tindak-lanjut-akhir", ("Text", "Sudah diperbaiki."), ("Public", "true"));
        await reporter.PostAsync($"/lacak/{number}/puas", await Citizen.TrackFormAsync(reporter, number));
        Assert.Equal(ReportStatus.Completed, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync()));
        return (number, reporter);
    }

    private static async Task<MultipartFormDataContent> WithPhotoAsync(HttpClient reporter, string number, string text, byte[]? bytes = null, string name = "lubang-kedua.jpg")
    {
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken($"/lacak/{number}/informasi")), "__RequestVerificationToken" },
            { new StringContent(text), "Text" },
            { new StringContent(page.InputValue("FormToken")), "FormToken" },
        };
        AddFile(form, bytes ?? TestImages.Jpeg(), name);
        return form;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    /// <summary>A file sent with the form itself, as a browser without script sends it.</summary>
    private static void AddFile(MultipartFormDataContent form, byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "Attachments", name);
    }

    /// <summary>What uploader.js does when a photo is picked: stages it for the form; its id.</summary>
    private static async Task<string> StageAsync(HttpClient browser, string antiforgery, string formToken, byte[] bytes, string name)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(antiforgery), "__RequestVerificationToken" },
            { new StringContent(formToken), "formToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "file", name);
        var response = await browser.PostAsync("/lapor/lampiran", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<List<(string Template, string Recipient)>> MailsAsync(string number) =>
        app.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking()
            .Where(m => db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number))
            .Select(m => new { m.Template, m.Recipient }).ToListAsync())
            .Select(m => (m.Template, m.Recipient)).ToList());
}
