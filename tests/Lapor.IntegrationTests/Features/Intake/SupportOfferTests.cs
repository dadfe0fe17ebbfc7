using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Intake;

/// <summary>
/// Issue 21, part 3: at filing, an open public report of the same problem at the same place is offered
/// ("dukung laporan ini") beside "tetap kirim laporan baru"; filing is never blocked and nothing typed or
/// attached is lost. Whoever supports a report follows it: told when it is completed or archived.
/// </summary>
public sealed class SupportOfferTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Body = "Sudah seminggu gelap gulita dan rawan kecelakaan pada malam hari.";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The form as a citizen sends it the first time (the offer not yet seen), about a street no other test uses.</summary>
    private static Dictionary<string, string> Fields(string street, string email, params (string Name, string Value)[] more)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Body"] = Body,
            ["Form.Location"] = $"Jl. {street} RT 03",
            ["Form.ReporterEmail"] = email,
            ["Form.KeepNew"] = "false",
        };
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        return fields;
    }

    /// <summary>A guest's report, verified to an agency by the coordinator: public and open.</summary>
    private async Task<string> PublicReportAsync(Staff coordinator, int agency, string street, string title, string email, params (string Name, string Value)[] more) =>
        (await PublicReportWithCodeAsync(coordinator, agency, street, title, email, more)).Number;

    private async Task<(string Number, string AccessCode)> PublicReportWithCodeAsync(
        Staff coordinator, int agency, string street, string title, string email, params (string Name, string Value)[] more)
    {
        var fields = Fields(street, email, more);
        fields["Form.KeepNew"] = "true";
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), title, fields: fields);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", Id(agency)));
        return (number, code!);
    }

    private Task<int> CountAsync(string title) => app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == title));

    [Fact]
    public async Task Guest_IsOfferedTheOpenReport_WithEverythingKept_AndFilesAnywayWithOneClick()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var original = await PublicReportAsync(coordinator, world.AgencyA, "Bougenvillea", "Lampu jalan padam di Jl. Bougenvillea", "asli@contoh.id");

        var guest = app.CreateBrowser();
        const string title = "PJU mati di Jl. Bougenvillea dekat masjid";
        var offered = await HtmlPage.FromAsync(await Citizen.FileAsync(guest, title, form => Citizen.AddFile(form, TestImages.Jpeg(), "lampu.jpg", "image/jpeg"),
            Fields("Bougenvillea", "warga.baru@contoh.id", ("Form.Body", "Lampu penerangan jalan mati, gelap sekali setiap malam."))));

        // Offered, not filed, not refused: the page is the form again, with the offer above it.
        Assert.Equal(HttpStatusCode.OK, offered.Status);
        Assert.Equal(0, await CountAsync(title));
        var offers = offered.Document.QuerySelectorAll("[data-testid=support-offer]");
        var offer = Assert.Single(offers);
        Assert.Contains(original, offer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lampu jalan padam di Jl. Bougenvillea", offer.TextContent, StringComparison.Ordinal);
        Assert.Contains(StaffWorld.AgencyAName, offer.TextContent, StringComparison.Ordinal);

        // A guest signs in to support in a new tab, coming back to the report's public page; this tab keeps the form.
        var signIn = offer.QuerySelector("a[target=_blank][href*='returnUrl']")!;
        Assert.Contains(Uri.EscapeDataString($"/laporan/{original}"), signIn.GetAttribute("href")!, StringComparison.Ordinal);
        Assert.Equal(title, offered.InputValue("Form.Title"));
        Assert.Equal("Lampu penerangan jalan mati, gelap sekali setiap malam.", offered.Document.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        Assert.Equal("warga.baru@contoh.id", offered.InputValue("Form.ReporterEmail"));
        var staged = offered.Document.QuerySelectorAll("input[name='Form.Staged']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Single(staged);

        // "Tetap kirim laporan baru" sends the form below as it is; from here on the form files without asking again.
        var keep = offered.Document.QuerySelector("button[form=filing-form][name='Form.KeepNew'][value=true]");
        Assert.NotNull(keep);
        Assert.Equal("true", offered.Document.QuerySelector("#filing-form input[type=hidden][name='Form.KeepNew']")!.GetAttribute("value"));

        var fields = Fields("Bougenvillea", "warga.baru@contoh.id", ("Form.Body", "Lampu penerangan jalan mati, gelap sekali setiap malam."), ("Form.KeepNew", "true"),
            ("Form.SubmissionToken", offered.InputValue("Form.SubmissionToken")), ("Form.Staged", staged[0]));
        var filed = await guest.PostAsync("/lapor", Citizen.ReportForm(offered.AntiforgeryToken("/lapor"), Guid.Parse(offered.InputValue("Form.SubmissionToken")), title, fields: fields));

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.Include(r => r.Attachments).SingleAsync(r => r.Title == title);
            Assert.Single(report.Attachments);
        });
    }

    [Fact]
    public async Task NothingIsOffered_ForAnotherPlace_NoPlace_OrAReportThePublicCannotFollow()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await PublicReportAsync(coordinator, world.AgencyA, "Kembangsepatu", "Got mampet di Jl. Kembangsepatu", "a1@contoh.id");
        await PublicReportAsync(coordinator, world.AgencyA, "Tanjungbiru", "Got mampet di Jl. Tanjungbiru", "a2@contoh.id", ("Form.IsConfidential", "true"));
        await PublicReportAsync(coordinator, world.AgencyA, "Kenangaputih", "Got mampet di Jl. Kenangaputih", "a3@contoh.id", ("Form.IsAnonymous", "true"));
        var archived = await PublicReportAsync(coordinator, world.AgencyA, "Seruniungu", "Got mampet di Jl. Seruniungu", "a4@contoh.id");
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(archived, "kembalikan", ("Text", "Bukan kewenangan kami."));
        await coordinator.ActAsync(archived, "arsipkan", ("Reason", "NotPublicService"), ("Text", "Bukan pelayanan publik."));
        var (unverified, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Got mampet di Jl. Kaktushijau", fields: Fields("Kaktushijau", "a5@contoh.id", ("Form.KeepNew", "true")));

        var attempts = new Dictionary<string, Dictionary<string, string>>
        {
            ["another street"] = Fields("Melatijingga", "b1@contoh.id"),
            ["no place at all"] = Fields("", "b2@contoh.id", ("Form.Location", "")),
            ["confidential original"] = Fields("Tanjungbiru", "b3@contoh.id"),
            ["anonymous original"] = Fields("Kenangaputih", "b4@contoh.id"),
            ["archived original"] = Fields("Seruniungu", "b5@contoh.id"),
            ["unverified original"] = Fields("Kaktushijau", "b6@contoh.id"),
        };
        foreach (var (why, fields) in attempts)
        {
            var response = await Citizen.FileAsync(app.CreateBrowser(), $"Got mampet tersumbat sampah ({why})", fields: fields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{why}: {(int)response.StatusCode}");
        }

        // The control: the same problem at the public report's street is offered.
        var same = await HtmlPage.FromAsync(await Citizen.FileAsync(app.CreateBrowser(), "Got mampet tersumbat sampah", fields: Fields("Kembangsepatu", "b7@contoh.id")));
        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.Single(same.Document.QuerySelectorAll("[data-testid=support-offer]"));
        Assert.NotNull(unverified);
    }

    [Fact]
    public async Task SignedInCitizen_SupportsFromTheOffer_FindsItInMyReports_AndFollowersHearTheOutcomeOnce()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var browser = app.CreateBrowser();
        var (original, code) = await PublicReportWithCodeAsync(coordinator, world.AgencyA, "Anggrekbulan", "Lampu jalan padam di Jl. Anggrekbulan", "pelapor.asli@contoh.id");

        // A guest's later report of the same problem, joined to the original: its reporter follows the original.
        var (repeat, _) = await Citizen.FileAndConfirmAsync(browser, "Lampu PJU Jl. Anggrekbulan mati", fields: Fields("Anggrekbulan", "pelapor.gabung@contoh.id", ("Form.KeepNew", "true")));
        var inbox = await coordinator.OpenAsync($"/inbox/{repeat}");
        var version = inbox.Document.QuerySelector($"form[action='/inbox/{repeat}/arsipkan'] input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(repeat, "duplikat-dari", inbox.AntiforgeryToken($"/inbox/{repeat}/arsipkan"), version, ("Original", original))).StatusCode);

        // A signed-in citizen about to file the same problem supports the original from the offer instead.
        var citizen = await Staff.SignInAsync(app, StaffWorld.CitizenX);
        var offered = await HtmlPage.FromAsync(await Citizen.FileAsync(citizen.Client, "Jalan Anggrekbulan gelap, lampu mati", fields: Fields("Anggrekbulan", StaffWorld.CitizenX)));
        Assert.Equal(HttpStatusCode.OK, offered.Status);
        var support = offered.Document.QuerySelector($"[data-testid=support-offer] form[action='/laporan/{original}/dukung']")!;
        var supported = await citizen.Client.PostAsync($"/laporan/{original}/dukung",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = offered.AntiforgeryToken($"/laporan/{original}/dukung") }));
        Assert.NotNull(support);
        Assert.Equal(HttpStatusCode.Redirect, supported.StatusCode);
        Assert.Equal($"/laporan/{original}", supported.Headers.Location!.OriginalString);
        Assert.Equal(0, await CountAsync("Jalan Anggrekbulan gelap, lampu mati"));
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportSupports.CountAsync(s => db.Reports.Any(r => r.Id == s.ReportId && r.TrackingNumber == original))));
        var mine = await citizen.OpenAsync("/laporan-saya");
        Assert.Contains(original, Assert.Single(mine.Document.QuerySelectorAll("[data-testid=supported-report]")).TextContent, StringComparison.Ordinal);

        // The agency answers, the coordinator validates, and the original's reporter accepts: completed.
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.ActAsync(original, "tindak-lanjut-akhir", ("Text", "Lampu sudah diganti."), ("Public", "true"))).StatusCode);
        if ((await coordinator.OpenAsync($"/inbox/{original}")).Document.QuerySelector($"form[action='/inbox/{original}/validasi']") is not null)
        {
            await coordinator.ActAsync(original, "validasi", ("AgencyId", Id(world.AgencyA)));
        }

        var reporter = await Citizen.UnlockAsync(app, original, code);
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.PostAsync($"/lacak/{original}/puas", await Citizen.TrackFormAsync(reporter, original, ("Rating", "5")))).StatusCode);
        Assert.Equal(ReportStatus.Completed, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == original).Select(r => r.Status).SingleAsync()));

        await app.WithDbAsync(async db =>
        {
            var told = await db.OutboxMessages.Where(m => m.Template == "Completed" || m.Template == "FollowedCompleted")
                .Where(m => db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == original))
                .Select(m => new { m.Recipient, m.Template, m.PayloadJson }).ToListAsync();
            Assert.Equal(
                [("pelapor.asli@contoh.id", "Completed"), ("pelapor.gabung@contoh.id", "FollowedCompleted"), (StaffWorld.CitizenX, "FollowedCompleted")],
                told.Select(t => (t.Recipient, t.Template)).Order());

            // A follower reads the public page, never a link that opens the report as its reporter.
            var toFollower = told.First(t => t.Template == "FollowedCompleted").PayloadJson;
            Assert.Contains($"/laporan/{original}", toFollower, StringComparison.Ordinal);
            Assert.DoesNotContain("LinkToken", toFollower, StringComparison.Ordinal);
        });
    }
    /// <summary>
    /// The offer ranks only the reports its place look-up hands over (<see cref="SupportOffer.PlaceQuery"/>), so the
    /// look-up must find every report <see cref="SupportOffer.SamePlace"/> could accept, with the database's own
    /// reading of the words: "Jl.Melati" is a host name to PostgreSQL's parser, "Café" has an accent, "Suka_Damai"
    /// and "Kenanga-Ungu" are joined. Each draft's look-up is compared with the same rule evaluated here.
    /// </summary>
    [Fact]
    public async Task ThePlaceLookUp_FindsWhatTheRuleAccepts_AsEachDatabaseReadsTheWords()
    {
        var near = new GeoPoint(-6.914700, 107.609800);
        (string? Location, GeoPoint? Point)[] places =
        [
            ("Jl.Melati No.5", null), ("Gg.Kenanga-Ungu RT-02/RW.03", null), ("Kel. Sukamaju, Kec. Makmur", null),
            ("Perumahan Cempaka Asri Blok C12", null), ("Jalan Cempakaputih", null), ("Desa Café Indah", null), ("Dusun Suka_Damai", null),
            (null, new GeoPoint(-6.917500, 107.610500)), ("Pasar Induk", new GeoPoint(-6.930000, 107.609800)), ("Terminal Lama", new GeoPoint(-6.911000, 107.613000)),
        ];
        var ids = new List<(long Id, string? Location, GeoPoint? Point)>();
        foreach (var (location, point) in places)
        {
            var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Trotoar TEMPATCARI ambles",
                fields: new Dictionary<string, string> { ["Form.Location"] = location ?? "", ["Form.KeepNew"] = "true" });
            var id = await app.WithDbAsync(async db =>
            {
                await db.Reports.Where(r => r.TrackingNumber == number).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.IsPublic, true).SetProperty(r => r.Status, ReportStatus.InProgress)
                    .SetProperty(r => r.Latitude, point == null ? null : (decimal?)point.Value.Latitude)
                    .SetProperty(r => r.Longitude, point == null ? null : (decimal?)point.Value.Longitude));
                return await db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync();
            });
            ids.Add((id, location, point));
        }

        (string Location, GeoPoint? Point, string[] Expected)[] drafts =
        [
            ("Jalan Melati", null, ["Jl.Melati No.5"]),
            ("Gang Kenanga", null, ["Gg.Kenanga-Ungu RT-02/RW.03"]),
            ("Ungu", null, ["Gg.Kenanga-Ungu RT-02/RW.03"]),
            ("Jl. Cempakaputih", null, ["Perumahan Cempaka Asri Blok C12", "Jalan Cempakaputih"]),
            ("Cafe", null, ["Desa Café Indah"]),
            ("Kampung Damai", null, ["Dusun Suka_Damai"]),
            ("Kelurahan Sukamaju", null, ["Kel. Sukamaju, Kec. Makmur", "Dusun Suka_Damai"]),
            ("Jalan", near, ["", "Terminal Lama"]),
            ("Jalan Melati", near, ["Jl.Melati No.5", "", "Terminal Lama"]),
            ("Kota Baru", null, []),
        ];
        foreach (var (location, point, expected) in drafts)
        {
            var query = SupportOffer.PlaceQuery.Of(location, point)!;
            var found = await app.WithDbAsync(db => db.SearchSimilarText(SimilarityTerms.Of("TEMPATCARI", null, location), long.MaxValue,
                DateTimeOffset.UtcNow.AddDays(-1), 50, query).Select(h => h.ReportId).ToListAsync());
            var rule = ids.Where(r => query.Holds(r.Location) || (r.Point is { } p && query.Near is { } box && box.Contains(p))).Select(r => r.Location ?? "");

            Assert.Equal([.. expected.Order()], rule.Order().ToList());
            Assert.Equal([.. expected.Order()], ids.Where(r => found.Contains(r.Id)).Select(r => r.Location ?? "").Order().ToList());

            // Whatever the offer would accept as the same place is among what the look-up found.
            var same = ids.Where(r => SupportOffer.SamePlace(location, r.Location, point is { } a && r.Point is { } b ? GeoPoint.Metres(a, b) : null));
            Assert.All(same, r => Assert.Contains(r.Id, found));
        }
    }

    /// <summary>
    /// The look-up ranks only reports holding a word of the problem (<see cref="SupportOffer.ProblemQuery"/>): at a
    /// district's thousand open reports, ranking the ones about other problems was most of a filing's database time.
    /// A word found through its ending ("Trotoarnya") still counts; a report at the place about something else does not.
    /// </summary>
    [Fact]
    public async Task TheLookUp_RanksOnlyReportsSharingAWordOfTheProblem_AsEachDatabaseReadsTheWords()
    {
        (string Title, string Body)[] reports =
        [
            ("Trotoar ambles", "Sudah sebulan dibiarkan."), ("Trotoarnya retak", "Sudah sebulan dibiarkan."), ("Lampu padam", "Sudah sebulan gelap."),
            ("Pohon tumbang", "KERUSAKANTROTOAR di ujung gang."),
        ];
        var ids = new Dictionary<string, long>();
        foreach (var (title, body) in reports)
        {
            var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), title,
                fields: new Dictionary<string, string> { ["Form.Body"] = body, ["Form.Location"] = "Gang Problemtempat", ["Form.KeepNew"] = "true" });
            ids[title] = await app.WithDbAsync(async db =>
            {
                await db.Reports.Where(r => r.TrackingNumber == number).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsPublic, true).SetProperty(r => r.Status, ReportStatus.InProgress));
                return await db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync();
            });
        }

        var (draftTitle, draftBody, location) = ("Trotoar rusak", "Trotoar ambles, berbahaya.", "Gang Problemtempat");
        var problem = SupportOffer.ProblemQuery.Of(SimilarityTerms.Problem(draftTitle, draftBody, location))!;
        var found = await app.WithDbAsync(db => db.SearchSimilarText(SimilarityTerms.Of(draftTitle, draftBody, location), long.MaxValue,
            DateTimeOffset.UtcNow.AddDays(-1), 50, SupportOffer.PlaceQuery.Of(location, null), problem).Select(h => h.ReportId).ToListAsync());

        Assert.Equal([ids["Trotoar ambles"], ids["Trotoarnya retak"]], found.Order());
        Assert.Equal(reports.Where(r => problem.Holds($"{r.Title} {r.Body}")).Select(r => ids[r.Title]).Order(), found.Order());
    }
}
