using System.IO.Compression;
using System.Net;
using System.Text;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Lapor.IntegrationTests.Features.Dashboard;

/// <summary>
/// The evidence pack's page, files and outreach log as a coordinator uses them, and who may not: officers, agency
/// heads and citizens get nothing, oversight reads but does not record, a coordinator of another part of the tree
/// neither sees nor removes the region's events.
/// </summary>
public sealed class EvidencePackTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Page = "/dashboard/bukti-dukung";
    private const string OtherCoordinator = "koordinator.b@uji.id";

    [Theory]
    [InlineData(StaffWorld.OfficerA, Page)]
    [InlineData(StaffWorld.OfficerA, "/dashboard/bukti-dukung.xlsx")]
    [InlineData(StaffWorld.HeadA, "/dashboard/bukti-dukung.pdf")]
    [InlineData(StaffWorld.CitizenX, "/dashboard/bukti-dukung.pdf")]
    [InlineData(StaffWorld.CitizenX, "/dashboard/bukti-dukung.xlsx")]
    [InlineData(StaffWorld.Admin, "/dashboard/bukti-dukung.xlsx")]
    public async Task Pack_WithoutTheCoordinatorOrOversightRole_IsRefused(string email, string url)
    {
        await StaffWorld.CreateAsync(app);
        var client = (await Staff.SignInAsync(app, email)).Client;

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pack_WithoutSigningIn_GoesToTheSignInPage()
    {
        await StaffWorld.CreateAsync(app);

        var response = await app.CreateBrowser().GetAsync("/dashboard/bukti-dukung.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversight_DownloadsThePackButCannotRecordOrRemoveEvents()
    {
        var world = await StaffWorld.CreateAsync(app);
        var id = await RecordedEventAsync(world);
        var overseer = await Staff.SignInAsync(app, StaffWorld.Overseer);

        var page = await overseer.OpenAsync($"{Page}?Year=2026");
        var pdf = await overseer.Client.GetAsync("/dashboard/bukti-dukung.pdf?Year=2026");
        var add = await overseer.SubmitAsync("/dashboard/bukti-dukung/kegiatan", ("Kind", "Socialisation"), ("HeldOn", "2026-03-01"), ("Title", "Sosialisasi oleh pengawas"), ("Audience", "Warga"), ("Participants", "10"));
        var remove = await overseer.SubmitAsync($"/dashboard/bukti-dukung/kegiatan/{id}/hapus");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Sosialisasi SP4N-LAPOR! di Kecamatan Uji", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#event-form"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (add.StatusCode, remove.StatusCode));
        Assert.False(await app.WithDbAsync(db => db.OutreachEvents.AnyAsync(e => e.Title == "Sosialisasi oleh pengawas")));
        Assert.True(await app.WithDbAsync(db => db.OutreachEvents.AnyAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task CoordinatorOfAnotherPartOfTheTree_NeitherSeesNorRemovesTheRegionsEvents()
    {
        var world = await StaffWorld.CreateAsync(app);
        var id = await RecordedEventAsync(world);
        await AccountAsync(OtherCoordinator, Roles.Coordinator, world.AgencyB);
        var other = await Staff.SignInAsync(app, OtherCoordinator);

        var page = await other.OpenAsync($"{Page}?Year=2026");
        var photo = await other.Client.GetAsync($"/dashboard/bukti-dukung/kegiatan/{id}/foto");
        var remove = await other.SubmitAsync($"/dashboard/bukti-dukung/kegiatan/{id}/hapus");

        Assert.DoesNotContain("Kecamatan Uji", page.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (photo.StatusCode, remove.StatusCode));
        Assert.True(await app.WithDbAsync(db => db.OutreachEvents.AnyAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task Coordinator_RecordsAnEventWithAPhoto_ThePhotoLosesItsMetadata_AndRemovalIsAudited()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var response = await AddAsync(coordinator, "Bimtek petugas penghubung", TestImages.JpegWithExif());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await coordinator.OpenAsync($"{Page}?Year=2026");
        Assert.Contains("Kegiatan dicatat.", page.Text, StringComparison.Ordinal);
        var entry = await app.WithDbAsync(db => db.OutreachEvents.SingleAsync(e => e.Title == "Bimtek petugas penghubung"));
        Assert.Equal((world.Region, 35, "image/jpeg"), (entry.AgencyId, entry.Participants, entry.PhotoContentType!));

        var photo = await coordinator.Client.GetAsync($"/dashboard/bukti-dukung/kegiatan/{entry.Id}/foto");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(TestImages.ExifCanary, Encoding.Latin1.GetString(await photo.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // The PDF lists it and shows its photo at the end.
        using (var pdf = PdfDocument.Open(await coordinator.Client.GetByteArrayAsync("/dashboard/bukti-dukung.pdf?Year=2026")))
        {
            var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Bimtek petugas penghubung", text, StringComparison.Ordinal);
            Assert.Contains("Dokumentasi kegiatan", text, StringComparison.Ordinal);
            Assert.Contains(pdf.GetPages(), p => p.GetImages().Any());
        }

        // So does the workbook: the log says where the photo is, and the photo sheet embeds it under its caption.
        var xlsxBytes = await coordinator.Client.GetByteArrayAsync("/dashboard/bukti-dukung.xlsx?Year=2026");
        OfficeFiles.AssertValidWorkbook(xlsxBytes);
        using (var workbook = new ZipArchive(new MemoryStream(xlsxBytes)))
        {
            using var xlsx = new MemoryStream(xlsxBytes);
            Assert.Equal("Dokumentasi kegiatan", xlsx.GetSheetNames().Last());
            var logged = xlsx.Query(useHeaderRow: true, sheetName: "Sosialisasi dan bimtek").Cast<IDictionary<string, object?>>().Single(r => (string?)r["Nama kegiatan"] == "Bimtek petugas penghubung");
            Assert.Equal("Ya, lihat Dokumentasi kegiatan", logged["Foto"]);
            Assert.Single(xlsx.Query(sheetName: "Dokumentasi kegiatan").Cast<IDictionary<string, object?>>(), r => r["A"] is string text && text.Contains("Bimtek petugas penghubung", StringComparison.Ordinal));
            var media = Assert.Single(workbook.Entries, e => e.FullName.StartsWith("xl/media/", StringComparison.Ordinal));
            // The photo sheet's own drawing (the one its <drawing> points at) anchors the picture and links the stored JPEG.
            var sheet = $"xl/worksheets/sheet{xlsx.GetSheetNames().Count}.xml";
            var drawing = System.Xml.Linq.XDocument.Load(workbook.GetEntry($"xl/worksheets/_rels/sheet{xlsx.GetSheetNames().Count}.xml.rels")!.Open()).Root!.Elements()
                .Single(r => ((string)r.Attribute("Type")!).EndsWith("/drawing", StringComparison.Ordinal)).Attribute("Target")!.Value.Split('/')[^1];
            Assert.Contains("<xdr:pic>", Text(workbook, $"xl/drawings/{drawing}"), StringComparison.Ordinal);
            Assert.Contains(media.FullName["xl/".Length..], Text(workbook, $"xl/drawings/_rels/{drawing}.rels"), StringComparison.Ordinal);
            var worksheet = System.Xml.Linq.XDocument.Parse(Text(workbook, sheet)).Root!;
            Assert.Equal("drawing", worksheet.Elements().Last().Name.LocalName); // after the data, where the schema wants it

            using var embedded = new MemoryStream();
            await using (var bytes = media.Open())
            {
                await bytes.CopyToAsync(embedded);
            }

            Assert.Equal([0xFF, 0xD8], embedded.ToArray()[..2]); // a JPEG, written anew: no metadata
            Assert.DoesNotContain(TestImages.ExifCanary, Encoding.Latin1.GetString(embedded.ToArray()), StringComparison.Ordinal);
        }

        var stored = Path.Combine(app.AttachmentsPath, entry.PhotoStoredName!);
        Assert.True(File.Exists(stored));
        var form = page.Document.QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.StartsWith($"/dashboard/bukti-dukung/kegiatan/{entry.Id}/hapus", StringComparison.Ordinal));
        var removed = await coordinator.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.OutreachEvents.AnyAsync(e => e.Id == entry.Id)));
        Assert.False(File.Exists(stored));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.TargetType == "OutreachEvent" && a.Reason == "removed")));
        var audit = await (await Staff.SignInAsync(app, StaffWorld.Admin)).OpenAsync("/admin/audit");
        Assert.Contains("Kegiatan sosialisasi/bimtek", audit.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Warga", "10", "2026-03-01", "Isi nama kegiatan")]
    [InlineData("Sosialisasi", "", "10", "2026-03-01", "Isi sasaran peserta")]
    [InlineData("Sosialisasi", "Warga", "0", "2026-03-01", "Jumlah peserta harus antara 1 dan")]
    [InlineData("Sosialisasi", "Warga", "10", "2099-03-01", "tidak setelah hari ini")]
    [InlineData("Sosialisasi", "Warga", "sepuluh", "2026-03-01", "Jumlah peserta harus antara 1 dan")]
    public async Task AnEventThatIsNotRight_IsRefusedWithAReason(string title, string audience, string participants, string heldOn, string message)
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var before = await app.WithDbAsync(db => db.OutreachEvents.CountAsync());

        var response = await coordinator.SubmitAsync("/dashboard/bukti-dukung/kegiatan", ("Kind", "Socialisation"), ("HeldOn", heldOn), ("Title", title), ("Audience", audience), ("Participants", participants));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(message, (await coordinator.OpenAsync(Page)).Text, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.OutreachEvents.CountAsync()));
    }

    [Fact]
    public async Task APhotoThatIsNotAnImage_IsRefused()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        await AddAsync(coordinator, "Sosialisasi dengan lampiran palsu", Encoding.UTF8.GetBytes("%PDF-1.4 bukan foto"));

        Assert.Contains("Foto harus berupa gambar JPEG atau PNG", (await coordinator.OpenAsync(Page)).Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.OutreachEvents.AnyAsync(e => e.Title == "Sosialisasi dengan lampiran palsu")));
    }

    [Fact]
    public async Task Pdf_IsA4_NamesTheRegionAndPeriod_AndIsAudited()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var response = await coordinator.Client.GetAsync("/dashboard/bukti-dukung.pdf?Year=2026&Quarter=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bukti-dukung-20260701-20260930.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((595, 842), ((int)Math.Round(pdf.GetPage(1).Width), (int)Math.Round(pdf.GetPage(1).Height)));
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Bukti Dukung Evaluasi Pengelolaan Pengaduan", text, StringComparison.Ordinal);
        Assert.Contains("Wilayah: Kabupaten Uji", text, StringComparison.Ordinal);
        Assert.Contains("Periode: 1 Juli 2026 – 30 September 2026", text, StringComparison.Ordinal);
        Assert.Contains("Dibuat", text, StringComparison.Ordinal);
        Assert.Contains("SK pejabat penghubung", text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.TargetType == "EvidencePack" && a.Reason == "pdf")));
    }

    [Fact]
    public async Task Pdf_ForSomeoneWhoChoseEnglish_IsInEnglish()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var page = await coordinator.OpenAsync("/dashboard");
        await coordinator.Client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/dashboard",
            ["__RequestVerificationToken"] = page.AntiforgeryToken("/culture"),
        }));

        using var pdf = PdfDocument.Open(await coordinator.Client.GetByteArrayAsync("/dashboard/bukti-dukung.pdf?Year=2026&Month=8"));

        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Evidence pack for the complaint-handling evaluation", text, StringComparison.Ordinal);
        Assert.Contains("Period: 1 August 2026 – 31 August 2026", text, StringComparison.Ordinal);
        Assert.Contains("Liaison decrees", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_LinksToThePackForItsPeriod_AndThePageNamesAgenciesWithoutADecree()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);

        var dashboard = await coordinator.OpenAsync("/dashboard?Year=2026&Month=8&Channel=Web");
        var link = dashboard.Document.QuerySelector("[data-testid=evidence-link]")!.GetAttribute("href")!;
        var page = await coordinator.OpenAsync(link);

        Assert.Equal("/dashboard/bukti-dukung?Year=2026&Month=8", link);
        Assert.Contains("Periode: 1 Agu 2026 – 31 Agu 2026", page.Text, StringComparison.Ordinal);
        Assert.Contains("Dinas B", page.Document.QuerySelector("[data-testid=missing-decrees]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/dashboard/bukti-dukung.xlsx?Year=2026&Month=8", page.Document.QuerySelector("[data-testid=evidence-xlsx]")!.GetAttribute("href"));
        Assert.Null((await (await Staff.SignInAsync(app, StaffWorld.HeadA)).OpenAsync("/dashboard")).Document.QuerySelector("[data-testid=evidence-link]"));
    }

    [Theory]
    [InlineData("188.4/030/KPTS/2026", "", "Isi nomor dan tanggal SK pejabat penghubung bersama-sama")]
    [InlineData("", "2026-03-01", "Isi nomor dan tanggal SK pejabat penghubung bersama-sama")]
    [InlineData("188.4/030/KPTS/2026", "2099-03-01", "Tanggal SK tidak boleh setelah hari ini")]
    public async Task Admin_ADecreeWithoutItsDateOrDatedAhead_IsRefused(string number, string date, string message)
    {
        var world = await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var page = await HtmlPage.FromAsync(await admin.SubmitAsync($"/admin/instansi/{world.AgencyB}", ("Name", StaffWorld.AgencyBName), ("Code", "UJI-B"), ("Kind", "Opd"),
            ("ParentId", world.Region.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("DecreeNumber", number), ("DecreeDate", date), ("IsActive", "true")));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.Text, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == world.AgencyB).Select(a => a.LiaisonDecreeNumber).SingleAsync()));
    }

    [Fact]
    public async Task Admin_RecordsAndClearsADecree_AndThePackFollows()
    {
        var world = await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        (string, string)[] Form(string number, string date) =>
            [("Name", "Bidang A1"), ("Code", "UJI-A1"), ("Kind", "SubUnit"), ("ParentId", world.AgencyA.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("DecreeNumber", number), ("DecreeDate", date), ("IsActive", "true")];

        await admin.SubmitAsync($"/admin/instansi/{world.AgencyA1}", Form("188.4/031/KPTS/2026", "2026-03-02"));
        var recorded = await coordinator.OpenAsync(Page);
        await admin.SubmitAsync($"/admin/instansi/{world.AgencyA1}", Form("", ""));
        var cleared = await coordinator.OpenAsync(Page);

        Assert.DoesNotContain("Bidang A1", recorded.Document.QuerySelector("[data-testid=missing-decrees]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == world.AgencyA1).Select(a => a.LiaisonDecreeNumber).SingleAsync()));
        Assert.Contains("Bidang A1", cleared.Document.QuerySelector("[data-testid=missing-decrees]")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<long> RecordedEventAsync(StaffWorld world) => await app.WithDbAsync(async db =>
    {
        if (await db.OutreachEvents.FirstOrDefaultAsync(e => e.Title == "Sosialisasi SP4N-LAPOR! di Kecamatan Uji") is { } existing)
        {
            return existing.Id;
        }

        var entry = new Web.Domain.Outreach.OutreachEvent(world.Region, Web.Domain.Outreach.OutreachKind.Socialisation, new DateOnly(2026, 5, 20),
            "Sosialisasi SP4N-LAPOR! di Kecamatan Uji", "Kepala desa", 60, "uji", DateTimeOffset.UtcNow);
        db.OutreachEvents.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    });

    private static async Task<HttpResponseMessage> AddAsync(Staff coordinator, string title, byte[] photo)
    {
        var page = await coordinator.OpenAsync($"{Page}?Year=2026");
        var form = page.Document.QuerySelector("#event-form ~ form")!;
        var action = form.GetAttribute("action")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var part = new ByteArrayContent(photo);
        part.Headers.ContentType = new("image/jpeg");
        return await coordinator.Client.PostAsync(action, new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken(action)), "__RequestVerificationToken" },
            { new StringContent("Training"), "Kind" },
            { new StringContent("2026-04-14"), "HeldOn" },
            { new StringContent(title), "Title" },
            { new StringContent("Admin dan petugas penghubung OPD"), "Audience" },
            { new StringContent("35"), "Participants" },
            { part, "Photo", "kegiatan.jpg" },
        });
    }

    private async Task AccountAsync(string email, string role, int agencyId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var user = new LaporUser { UserName = email, Email = email, FullName = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Citizen.Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        db.AgencyMemberships.Add(new AgencyMembership(user.Id, agencyId));
        await db.SaveChangesAsync();
    }

    private static string Text(ZipArchive zip, string path)
    {
        using var reader = new StreamReader(zip.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }
}
