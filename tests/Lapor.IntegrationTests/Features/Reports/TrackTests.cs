using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Reports;

public sealed class TrackTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string TitleCanary = "KANARI-JUDUL-51C0 saluran tersumbat di Griya Asri";
    private const string BodyCanary = "KANARI-ISI-51C0 air meluap ke rumah warga setiap hujan deras.";

    [Fact]
    public async Task Track_NewReportWithoutCode_ShowsOnlyItsStatus()
    {
        var (number, _) = await FileCanaryAsync(app.CreateBrowser());

        var page = await HtmlPage.GetAsync(app.CreateBrowser(), $"/lacak/{number}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Menunggu verifikasi", page.Document.QuerySelector(".status-badge")!.TextContent.Trim());
        Assert.Contains("Tanpa kode akses hanya status laporan yang ditampilkan.", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"form[action='/lacak/{number}/akses']"));
        AssertStatusOnly(page, "Laporan diterima", "Riwayat laporan", "Diverifikasi paling lambat", "dikirim");
    }

    [Fact]
    public async Task Track_NewReportWithCode_ShowsTitleTimelineAndVerificationDate()
    {
        var (number, code) = await FileCanaryAsync(app.CreateBrowser());
        var client = app.CreateBrowser();

        var page = await UnlockAsync(client, number, code!);

        Assert.Contains("Menunggu verifikasi", page.Text, StringComparison.Ordinal);
        Assert.Contains(TitleCanary, page.Text, StringComparison.Ordinal);
        Assert.Contains(BodyCanary, page.Text, StringComparison.Ordinal);
        Assert.Contains("Laporan diterima", page.Text, StringComparison.Ordinal);
        Assert.Matches(@"Diverifikasi paling lambat: .*\([1-3] hari kerja lagi\)", page.Text);
    }

    [Fact]
    public async Task Track_ArchivedReportWithoutCode_ShowsOnlyItsStatus()
    {
        var (number, _) = await FileCanaryAsync(app.CreateBrowser());
        await StoredReports.ActAsync(app, number, (r, _) => r.Archive(StoredReports.Coordinator, ArchiveReason.Unclear, "KANARI-ALASAN-51C0 laporan kurang jelas", null, DateTimeOffset.UtcNow));

        var page = await HtmlPage.GetAsync(app.CreateBrowser(), $"/lacak/{number}");

        Assert.Equal("Diarsipkan", page.Document.QuerySelector(".status-badge")!.TextContent.Trim());
        AssertStatusOnly(page, "Laporan diterima", "Tidak jelas", "Riwayat laporan");
    }

    [Fact]
    public async Task Track_InEnglishWithoutCode_ShowsOnlyItsStatus()
    {
        var (number, _) = await FileCanaryAsync(app.CreateBrowser());

        var page = await HtmlPage.GetAsync(app.CreateBrowser(), $"/lacak/{number}?culture=en");

        Assert.Equal("Waiting for verification", page.Document.QuerySelector(".status-badge")!.TextContent.Trim());
        Assert.Contains("Without the access code only the report's status is shown.", page.Text, StringComparison.Ordinal);
        AssertStatusOnly(page, "Report received", "History", "filed");
    }

    [Fact]
    public async Task Track_PublicReportWithoutCode_ShowsWhatThePublicPortalShows()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await FileCanaryAsync(app.CreateBrowser());
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(number, "tanggapi", ("Text", "JAWABAN-PUBLIK-51C0 petugas meninjau besok."), ("Public", "true"));

        var page = await HtmlPage.GetAsync(app.CreateBrowser(), $"/lacak/{number}");

        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync($"/laporan/{number}")).StatusCode);
        Assert.Contains(TitleCanary, page.Text, StringComparison.Ordinal);
        Assert.Contains("Dinas A", page.Text, StringComparison.Ordinal);
        Assert.Contains("Laporan diterima", page.Text, StringComparison.Ordinal);
        Assert.Contains("JAWABAN-PUBLIK-51C0", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("KANARI-ISI", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("hanya status laporan", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lacak/LPR-0000-0000")]
    [InlineData("/lacak/bukan-nomor")]
    public async Task Track_MalformedNumber_Answers404(string url)
    {
        var page = await HtmlPage.GetAsync(app.CreateBrowser(), url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Halaman tidak ditemukan", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_NumberTypedLoosely_RedirectsToCanonicalPage()
    {
        var (number, _) = await FileCanaryAsync(app.CreateBrowser());

        var response = await app.CreateBrowser().GetAsync($"/lacak?nomor={number.ToLowerInvariant().Replace('-', ' ')}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/lacak/{number}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Lookup_Garbage_ShowsLocalizedError()
    {
        var page = await HtmlPage.GetAsync(app.CreateBrowser(), "/lacak?nomor=12");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("LPR-XXXX-XXXX", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_WithoutAccessCode_HidesBodyAndReporterOnlyMessages()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await StoredReports.ActAsync(app, number, (r, _) => r.Hold(StoredReports.Coordinator, "PERTANYAAN-RAHASIA mohon lengkapi alamat", DateTimeOffset.UtcNow));

        var page = await HtmlPage.GetAsync(app.CreateBrowser(), $"/lacak/{number}");

        // Whoever holds the number is not addressed as the reporter.
        Assert.Contains("Menunggu keterangan pelapor", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Menunggu keterangan Anda", page.Text, StringComparison.Ordinal);
        Assert.Contains("keterangan tambahan dari pelapor", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lubang besar di depan pasar", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PERTANYAAN-RAHASIA", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Andi Wijaya", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlock_WrongCode_GrantsNothing()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, $"/lacak/{number}");

        await client.PostAsync($"/lacak/{number}/akses", Form(page.AntiforgeryToken($"/lacak/{number}/akses"), ("AccessCode", "AAAA-BBBB-CCCC")));
        var after = await HtmlPage.GetAsync(client, $"/lacak/{number}");

        Assert.Contains("Kode akses tidak cocok", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lubang besar di depan pasar", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlock_RightCode_ShowsReportAndLetsReporterAnswerHold()
    {
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await StoredReports.ActAsync(app, number, (r, _) => r.Hold(StoredReports.Coordinator, "Mohon lengkapi alamat lengkap", DateTimeOffset.UtcNow));
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, $"/lacak/{number}");

        await client.PostAsync($"/lacak/{number}/akses", Form(page.AntiforgeryToken($"/lacak/{number}/akses"), ("AccessCode", code!.ToLowerInvariant())));
        var unlocked = await HtmlPage.GetAsync(client, $"/lacak/{number}");
        Assert.Contains("Lubang besar di depan pasar", unlocked.Text, StringComparison.Ordinal);
        Assert.Contains("Mohon lengkapi alamat lengkap", unlocked.Text, StringComparison.Ordinal);

        var reply = await client.PostAsync($"/lacak/{number}/informasi", Form(unlocked.AntiforgeryToken($"/lacak/{number}/informasi"), ("Text", "Alamatnya Jl. Merdeka No. 10, depan pasar.")));

        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        // The success message is worded by the citizen's own texts, though the shared WorkFeedback shows it.
        Assert.Contains("Keterangan Anda sudah terkirim.", (await HtmlPage.GetAsync(client, reply.Headers.Location!.OriginalString)).Text, StringComparison.Ordinal);
        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Routing).Include(r => r.Messages).SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(ReportStatus.Unverified, report.Status);
        Assert.Equal(RoutingAction.AddInformation, report.Routing.OrderBy(e => e.Id).Last().Action);
        Assert.Contains(report.Messages, m => m.Body == "Alamatnya Jl. Merdeka No. 10, depan pasar." && m.AuthorRole == ActorRole.Citizen);
    }

    [Fact]
    public async Task AddInformation_WithoutAccess_Answers404AndChangesNothing()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await StoredReports.ActAsync(app, number, (r, _) => r.Hold(StoredReports.Coordinator, "Mohon lengkapi alamat lengkap", DateTimeOffset.UtcNow));
        var stranger = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(stranger, $"/lacak/{number}");

        var response = await stranger.PostAsync($"/lacak/{number}/informasi", Form(page.AntiforgeryToken($"/lacak/{number}/akses"), ("Text", "Saya bukan pelapornya")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.Include(r => r.Messages).SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(ReportStatus.OnHold, report.Status);
        Assert.DoesNotContain(report.Messages, m => m.Body == "Saya bukan pelapornya");
    }

    [Fact]
    public async Task Track_OtherSignedInCitizen_SeesOnlyPublicPart()
    {
        var owner = app.CreateBrowser();
        await Citizen.CreateAccountAsync(app, "pemilik@contoh.id");
        await Citizen.SignInAsync(owner, "pemilik@contoh.id");
        var (number, _) = await Citizen.FileAndConfirmAsync(owner);
        var other = app.CreateBrowser();
        await Citizen.CreateAccountAsync(app, "tetangga@contoh.id");
        await Citizen.SignInAsync(other, "tetangga@contoh.id");

        var ownerView = await HtmlPage.GetAsync(owner, $"/lacak/{number}");
        var otherView = await HtmlPage.GetAsync(other, $"/lacak/{number}");

        Assert.Contains("Lubang besar di depan pasar", ownerView.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lubang besar di depan pasar", otherView.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(number, (await HtmlPage.GetAsync(other, "/laporan-saya")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_VerifiedConfidentialReportWithoutCode_ShowsOnlyItsStatus()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await FileCanaryAsync(app.CreateBrowser(), confidential: true);
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(number, "tanggapi", ("Text", "KANARI-JAWABAN-51C0 petugas meninjau besok."), ("Public", "true"));

        var page = await HtmlPage.GetAsync(app.CreateBrowser(), $"/lacak/{number}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Sedang ditindaklanjuti", page.Document.QuerySelector(".status-badge")!.TextContent.Trim());
        AssertStatusOnly(page, "Dinas A", "Laporan diterima", "Riwayat laporan", "Target penyelesaian");
    }

    [Fact]
    public async Task Attachment_DownloadWithoutAccess_Answers404_WithAccessServesNosniffAttachment()
    {
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), extra: f =>
        {
            var content = new ByteArrayContent(TestImages.Jpeg());
            content.Headers.ContentType = new("image/jpeg");
            f.Add(content, "Form.Attachments", "foto.jpg");
        });
        var id = await app.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).Select(a => a.Id).SingleAsync());
        var client = app.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/lacak/{number}/lampiran/{id}")).StatusCode);

        var page = await HtmlPage.GetAsync(client, $"/lacak/{number}");
        await client.PostAsync($"/lacak/{number}/akses", Form(page.AntiforgeryToken($"/lacak/{number}/akses"), ("AccessCode", code!)));
        var file = await client.GetAsync($"/lacak/{number}/lampiran/{id}");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static Task<(string Number, string? AccessCode)> FileCanaryAsync(HttpClient client, bool confidential = false) =>
        Citizen.FileAndConfirmAsync(client, TitleCanary, fields: new Dictionary<string, string>
        {
            ["Form.Body"] = BodyCanary,
            ["Form.IsConfidential"] = confidential ? "true" : "false",
        });

    private static async Task<HtmlPage> UnlockAsync(HttpClient client, string number, string code)
    {
        var page = await HtmlPage.GetAsync(client, $"/lacak/{number}");
        await client.PostAsync($"/lacak/{number}/akses", Form(page.AntiforgeryToken($"/lacak/{number}/akses"), ("AccessCode", code)));
        return await HtmlPage.GetAsync(client, $"/lacak/{number}");
    }

    /// <summary>Nothing of the report itself: no canary text anywhere in the page, none of <paramref name="absent"/>.</summary>
    private static void AssertStatusOnly(HtmlPage page, params string[] absent)
    {
        Assert.DoesNotContain("KANARI", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Andi Wijaya", page.Html, StringComparison.Ordinal);
        foreach (var text in absent)
        {
            Assert.DoesNotContain(text, page.Text, StringComparison.Ordinal);
        }
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
