using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>Issue 21: the similar reports on the coordinator's report page, and "duplikat dari".</summary>
public sealed class SimilarReportsTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A report about a place no other test uses, so the suggestions are this test's own.</summary>
    private async Task<string> FileAsync(
        string street, string title, string email, string body = "Sudah seminggu gelap gulita dan rawan kecelakaan pada malam hari.", int? agency = null,
        bool confidential = false, HttpClient? browser = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Body"] = body,
            ["Form.Location"] = $"Jl. {street} RT 03",
            ["Form.ReporterEmail"] = email,
            ["Form.IsConfidential"] = confidential ? "true" : "false",
        };
        if (agency is { } target)
        {
            fields["Form.TargetAgencyId"] = Id(target);
        }

        var (number, _) = await Citizen.FileAndConfirmAsync(browser ?? app.CreateBrowser(), title, fields: fields);
        return number;
    }

    [Fact]
    public async Task Coordinator_SeesTheEarlierReport_AndMarking_ArchivesMovesSupportersTellsTheReporterAndWritesBothHistories()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var original = await FileAsync("Kenariwatu", "Lampu jalan padam di Jl. Kenariwatu", "pertama@contoh.id");
        await coordinator.ActAsync(original, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        var other = await FileAsync("Jatiluhur", "Lampu jalan padam di Jl. Jatiluhur", "lain@contoh.id");
        var repeat = await FileAsync("Kenariwatu", "PJU mati total dekat masjid Kenariwatu", "kedua@contoh.id", "Lampu penerangan di jalan Kenariwatu mati, gelap sekali.");

        // The repeat was routed, supported (once by someone who supports the original too), then handed back to verification.
        await coordinator.ActAsync(repeat, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        var both = await SupporterAsync("dukung.keduanya@uji.id");
        var onlyRepeat = await Staff.SignInAsync(app, StaffWorld.CitizenX);
        await SupportAsync(both, original);
        await SupportAsync(both, repeat);
        await SupportAsync(onlyRepeat, repeat);
        await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).ActAsync(repeat, "kembalikan", ("Text", "Sudah dilaporkan sebelumnya."));

        var page = await coordinator.OpenAsync($"/inbox/{repeat}");
        Assert.NotNull(page.Document.QuerySelector($"[data-similar='/inbox/{repeat}/serupa']"));
        var panel = await coordinator.OpenAsync($"/inbox/{repeat}/serupa");
        Assert.NotNull(panel.Document.QuerySelector($"form[action='/inbox/{repeat}/duplikat-dari'] input[name=Original][value='{original}']"));
        // The button only opens a confirmation naming both reports; the form's submit inside it archives.
        var confirm = panel.Document.QuerySelectorAll("details[data-testid=similar-confirm]").Single(d => d.QuerySelector($"input[name=Original][value='{original}']") is not null);
        Assert.Null(confirm.GetAttribute("open"));
        Assert.StartsWith("Duplikat dari ini", confirm.QuerySelector("summary")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"Laporan {repeat} akan diarsipkan sebagai duplikat laporan {original}: dukungannya dipindahkan ke {original}, dan pelapor diberi tahu untuk mengikuti laporan {original}.",
            confirm.QuerySelector("[data-testid=similar-confirm-text]")!.TextContent.Trim());
        Assert.Equal("submit", confirm.QuerySelector("form button[data-testid=similar-confirm-submit]")!.GetAttribute("type"));
        var suggested = panel.Document.QuerySelectorAll("[data-testid=similar-report]").Select(li => li.TextContent).ToList();
        // The same street comes first; the same problem elsewhere may follow (there is room for five).
        Assert.Contains(original, suggested[0], StringComparison.Ordinal);
        Assert.Contains(StaffWorld.AgencyAName, suggested[0], StringComparison.Ordinal);
        Assert.DoesNotContain(other, suggested[0], StringComparison.Ordinal);
        // The opening of its text tells reports with the same title apart.
        Assert.Equal("Sudah seminggu gelap gulita dan rawan kecelakaan pada malam hari.",
            panel.Document.QuerySelector("[data-testid=similar-report] [data-testid=similar-snippet]")!.TextContent);

        var marked = await MarkAsync(coordinator, repeat, original);

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        await app.WithDbAsync(async db =>
        {
            var reports = await db.Reports.Where(r => r.TrackingNumber == original || r.TrackingNumber == repeat).ToDictionaryAsync(r => r.TrackingNumber);
            var (first, again) = (reports[original], reports[repeat]);
            Assert.Equal((ReportStatus.Archived, ArchiveReason.Duplicate, first.Id), (again.Status, again.ArchiveReason!.Value, again.DuplicateOfReportId!.Value));
            Assert.Equal((2, 0), (first.SupportCount, again.SupportCount));
            Assert.Equal(2, await db.ReportSupports.CountAsync(s => s.ReportId == first.Id));
            Assert.False(await db.ReportSupports.AnyAsync(s => s.ReportId == again.Id));

            var archive = await db.RoutingEntries.Where(e => e.ReportId == again.Id).OrderBy(e => e.Id).LastAsync();
            Assert.Equal((RoutingAction.Archive, nameof(ArchiveReason.Duplicate)), (archive.Action, archive.Reason));
            var note = await db.Messages.Where(m => m.ReportId == first.Id).OrderBy(m => m.Id).LastAsync();
            Assert.Equal((MessageKind.Note, MessageVisibility.Internal), (note.Kind, note.Visibility));
            Assert.Contains(repeat, note.Body, StringComparison.Ordinal);

            var told = await db.OutboxMessages.SingleAsync(m => m.Recipient == "kedua@contoh.id" && m.Template == "ArchivedDuplicate");
            Assert.Contains(original, told.PayloadJson, StringComparison.Ordinal);
            Assert.Contains($"/laporan/{original}", told.PayloadJson, StringComparison.Ordinal);
        });

        // The reporter's tracking page says where to follow it; the original's staff page has the note.
        Assert.Contains(original, (await coordinator.OpenAsync($"/inbox/{repeat}")).Text, StringComparison.Ordinal);
        Assert.Contains(repeat, (await coordinator.OpenAsync($"/inbox/{original}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_ADuplicateOfADuplicate_PointsToItsOriginal_AndOfItself_IsRefusedWithAMessage()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var original = await FileAsync("Sawomanila", "Got mampet di Jl. Sawomanila", "a@contoh.id");
        var second = await FileAsync("Sawomanila", "Selokan tersumbat Jl. Sawomanila", "b@contoh.id");
        var third = await FileAsync("Sawomanila", "Banjir karena got Sawomanila", "c@contoh.id");

        await MarkAsync(coordinator, second, original);
        await MarkAsync(coordinator, third, second);
        var self = await MarkAsync(coordinator, original, original);
        var afterSelf = await coordinator.OpenAsync($"/inbox/{original}");
        var unknown = await MarkAsync(coordinator, original, "LPR-0000-0000");
        var afterUnknown = await coordinator.OpenAsync($"/inbox/{original}");

        var links = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == second || r.TrackingNumber == third || r.TrackingNumber == original)
            .ToDictionaryAsync(r => r.TrackingNumber, r => new { r.Id, r.Status, r.DuplicateOfReportId }));
        Assert.Equal(links[original].Id, links[second].DuplicateOfReportId);
        Assert.Equal(links[original].Id, links[third].DuplicateOfReportId);
        Assert.Equal(ReportStatus.Unverified, links[original].Status);
        Assert.Equal(HttpStatusCode.Redirect, self.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Contains("tidak dapat menjadi duplikat dari dirinya sendiri", afterSelf.Text, StringComparison.Ordinal);
        Assert.Contains("Laporan asli dengan nomor tersebut tidak ditemukan.", afterUnknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheRegionsCoordinator_SeesTheSuggestionsAndMayMark()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var original = await FileAsync("Cendanawangi", "Sampah menggunung di Jl. Cendanawangi", "x@contoh.id");
        // Aimed at an agency of this region: a report aimed at no one is every coordinator's (No Wrong Door).
        var repeat = await FileAsync("Cendanawangi", "Sampah tidak diangkut Jl. Cendanawangi", "y@contoh.id", agency: world.AgencyA);
        var version = (await coordinator.OpenAsync($"/inbox/{repeat}/serupa")).Document.QuerySelector($"form[action='/inbox/{repeat}/duplikat-dari'] input[name=Version]")!.GetAttribute("value")!;

        // Oversight reads the report page, but neither the panel's place on it nor the panel itself.
        var overseer = await Staff.SignInAsync(app, StaffWorld.Overseer);
        Assert.Null((await overseer.OpenAsync($"/inbox/{repeat}")).Document.QuerySelector("[data-similar]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await overseer.OpenAsync($"/inbox/{repeat}/serupa")).Status);

        var attempts = new List<(string Who, HttpResponseMessage Response)>();
        foreach (var email in new[] { StaffWorld.OfficerA, StaffWorld.HeadA, StaffWorld.Overseer, StaffWorld.CitizenX })
        {
            var session = await Staff.SignInAsync(app, email);
            attempts.Add((email, await session.PostAsync(repeat, "duplikat-dari", await session.TokenAsync(), version, ("Original", original))));
        }

        var stranger = await StaffWorld.OtherRegionCoordinatorAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.OpenAsync($"/inbox/{repeat}/serupa")).Status);
        attempts.Add(("other region", await stranger.PostAsync(repeat, "duplikat-dari", await stranger.TokenAsync(), version, ("Original", original))));
        var noToken = await coordinator.Client.PostAsync($"/inbox/{repeat}/duplikat-dari",
            new FormUrlEncodedContent([KeyValuePair.Create("Version", version), KeyValuePair.Create("Original", original)]));

        Assert.All(attempts, a => Assert.True(a.Response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{a.Who}: {(int)a.Response.StatusCode}"));
        Assert.Equal(HttpStatusCode.NotFound, attempts[^1].Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(ReportStatus.Unverified, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == repeat).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task TheDuplicatesReporter_IsToldItWasJoined_WithALinkOnlyToAPublicOriginal()
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var open = await FileAsync("Kemangisari", "Trotoar rusak di Jl. Kemangisari", "asli.umum@contoh.id");
        var secret = await FileAsync("Kemangisari", "Trotoar ambles di Jl. Kemangisari", "asli.rahasia@contoh.id", agency: world.AgencyA, confidential: true);
        await coordinator.ActAsync(open, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        await coordinator.ActAsync(secret, "verifikasi", ("AgencyIds", Id(world.AgencyA)));
        var reporterOfOpen = app.CreateBrowser();
        var ofOpen = await FileAsync("Kemangisari", "Trotoar berlubang Kemangisari", "ulang.umum@contoh.id", browser: reporterOfOpen);
        var reporterOfSecret = app.CreateBrowser();
        var ofSecret = await FileAsync("Kemangisari", "Trotoar pecah Kemangisari", "ulang.rahasia@contoh.id", browser: reporterOfSecret);
        await MarkAsync(coordinator, ofOpen, open);
        await MarkAsync(coordinator, ofSecret, secret);

        var toPublic = await HtmlPage.GetAsync(reporterOfOpen, $"/lacak/{ofOpen}");
        var toConfidential = await HtmlPage.GetAsync(reporterOfSecret, $"/lacak/{ofSecret}?culture=en");

        var joined = toPublic.Document.QuerySelector("[data-testid=merged-into]")!;
        Assert.Contains($"Laporan ini digabung dengan laporan {open}, yang melaporkan masalah yang sama", joined.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/laporan/{open}", joined.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("Lihat pesan untuk alasannya", toPublic.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan/{open}")).Status);

        var plain = toConfidential.Document.QuerySelector("[data-testid=merged-into]")!;
        Assert.Contains("This report was joined to report", plain.TextContent, StringComparison.Ordinal);
        Assert.Contains(secret, plain.TextContent, StringComparison.Ordinal);
        Assert.Null(plain.QuerySelector("a"));
        Assert.DoesNotContain($"/laporan/{secret}", toConfidential.Html, StringComparison.Ordinal);
    }

    /// <summary>"Duplikat dari" with the version and antiforgery token of the report's page (any number, also one the panel does not offer).</summary>
    private static async Task<HttpResponseMessage> MarkAsync(Staff coordinator, string number, string original)
    {
        var page = await coordinator.OpenAsync($"/inbox/{number}");
        var version = page.Document.QuerySelector($"form[action='/inbox/{number}/arsipkan'] input[name=Version]")!.GetAttribute("value")!;
        return await coordinator.PostAsync(number, "duplikat-dari", page.AntiforgeryToken($"/inbox/{number}/arsipkan"), version, ("Original", original));
    }

    private async Task<Staff> SupporterAsync(string email)
    {
        if (!await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)))
        {
            await Citizen.CreateAccountAsync(app, email);
        }

        return await Staff.SignInAsync(app, email);
    }

    private static async Task SupportAsync(Staff citizen, string number)
    {
        var response = await citizen.Client.PostAsync($"/laporan/{number}/dukung",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await citizen.TokenAsync() }));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"support {number}: {(int)response.StatusCode}");
    }
}
