using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>The officer's inbox beyond one report: owners, bulk steps, saved views, "save &amp; next", unread marks, presence; each rule tried from the wrong side too.</summary>
public sealed class InboxWorkTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    /// <summary>A second liaison officer of Dinas A: someone to hand work to, and a colleague with the page open.</summary>
    private const string Colleague = "petugas.a2@uji.id";

    [Fact]
    public async Task Take_ThenHandToAColleague_ChangesTheOwner_AndMineShowsIt()
    {
        var world = await WorldAsync();
        var number = (await StoredReports.RoutedAsync(app, world.AgencyA, ["Pompa air mati"])).Single();
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.ActAsync(number, "ambil")).StatusCode);
        Assert.Equal(await UserIdAsync(StaffWorld.OfficerA), await OwnerAsync(number));
        Assert.Contains(number, Rows(await officer.OpenAsync($"/inbox?Owner=Mine&Q={number}")));

        var colleague = await UserIdAsync(Colleague);
        var handed = await officer.ActAsync(number, "serahkan", ("OfficerUserId", colleague));

        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        Assert.Equal(colleague, await OwnerAsync(number));
        Assert.DoesNotContain(number, Rows(await officer.OpenAsync($"/inbox?Owner=Mine&Q={number}")));
        Assert.Contains(number, Rows(await (await Staff.SignInAsync(app, Colleague)).OpenAsync($"/inbox?Owner=Mine&Q={number}")));

        // Both steps stand in the staff history, naming the owner; the reporter's history leaves them out.
        var history = (await officer.OpenAsync($"/inbox/{number}")).Text;
        Assert.Contains($"Penanggung jawab di Dinas A: {StaffWorld.OfficerA}", history, StringComparison.Ordinal);
        Assert.Contains($"Penanggung jawab di Dinas A: {Colleague}", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandingToSomeoneWhoIsNotAnOfficerOfTheAgency_IsRefused_AndNothingChanges()
    {
        var world = await WorldAsync();
        var number = (await StoredReports.RoutedAsync(app, world.AgencyA, ["Gorong-gorong tersumbat"])).Single();
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        foreach (var stranger in new[] { StaffWorld.OfficerB, StaffWorld.OfficerA1, StaffWorld.CitizenX, StaffWorld.Coordinator })
        {
            await officer.ActAsync(number, "serahkan", ("OfficerUserId", await UserIdAsync(stranger)));
            Assert.Null(await OwnerAsync(number));
        }

        var page = await officer.OpenAsync($"/inbox/{number}");
        Assert.Contains("pejabat penghubung aktif", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAgencysOfficer_CannotTakeHandOnOrBulkTheReport()
    {
        var world = await WorldAsync();
        var number = (await StoredReports.RoutedAsync(app, world.AgencyA, ["Taman kota gelap"])).Single();
        var outsider = await Staff.SignInAsync(app, StaffWorld.OfficerB);

        var token = await outsider.TokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(number, "ambil", token, "1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(number, "serahkan", token, "1", ("OfficerUserId", await UserIdAsync(StaffWorld.OfficerB)))).StatusCode);
        await outsider.SubmitAsync("/inbox/massal", ("Reports", number), ("Action", "Take"));
        await outsider.SubmitAsync("/inbox/massal", ("Reports", number), ("Action", "Note"), ("Text", "Catatan dari instansi lain"));

        Assert.Null(await OwnerAsync(number));
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Catatan dari instansi lain")));
    }

    [Fact]
    public async Task Bulk_TakesAndNotesTheTickedReports_AndACitizenCannotBulk()
    {
        var world = await WorldAsync();
        var numbers = await StoredReports.RoutedAsync(app, world.AgencyA, ["Lampu taman mati", "Bangku taman patah", "Air mancur kering"]);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);

        var taken = await officer.SubmitAsync("/inbox/massal", ("Reports", numbers[0]), ("Reports", numbers[1]), ("Action", "Take"));
        var noted = await officer.SubmitAsync("/inbox/massal", ("Reports", numbers[0]), ("Reports", numbers[1]), ("Action", "Note"), ("Text", "Cek bersama tim taman Senin."));

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        var me = await UserIdAsync(StaffWorld.OfficerA);
        Assert.Equal(me, await OwnerAsync(numbers[0]));
        Assert.Equal(me, await OwnerAsync(numbers[1]));
        Assert.Null(await OwnerAsync(numbers[2]));
        foreach (var number in numbers[..2])
        {
            Assert.True(await app.WithDbAsync(db => db.Messages.AnyAsync(m => db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number)
                && m.Kind == MessageKind.Note && m.Body == "Cek bersama tim taman Senin.")));
        }

        var citizen = await Staff.SignInAsync(app, StaffWorld.CitizenX);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.SubmitAsync("/inbox/massal", ("Reports", numbers[2]), ("Action", "MarkRead"))).StatusCode);
    }

    [Fact]
    public async Task Unread_UntilOpenedOrMarked_AndUnreadAgainAfterAColleaguesChange()
    {
        var world = await WorldAsync();
        var numbers = await StoredReports.RoutedAsync(app, world.AgencyA, ["Trotoar amblas", "Pohon tumbang"]);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        bool Unread(HtmlPage page, string number) =>
            page.Document.QuerySelectorAll("tr[data-row]").Single(r => r.TextContent.Contains(number, StringComparison.Ordinal)).ClassList.Contains("fw-semibold");

        var list = await officer.OpenAsync($"/inbox?Q={Uri.EscapeDataString("Trotoar amblas")}");
        Assert.True(Unread(list, numbers[0]));
        await officer.OpenAsync($"/inbox/{numbers[0]}");
        await officer.SubmitAsync("/inbox/massal", ("Reports", numbers[1]), ("Action", "MarkRead"));
        Assert.False(Unread(await officer.OpenAsync($"/inbox?Q={Uri.EscapeDataString("Trotoar amblas")}"), numbers[0]));
        Assert.False(Unread(await officer.OpenAsync($"/inbox?Q={Uri.EscapeDataString("Pohon tumbang")}"), numbers[1]));

        var colleague = await Staff.SignInAsync(app, Colleague);
        await colleague.ActAsync(numbers[0], "catatan", ("Text", "Sudah saya cek ke lokasi."));
        Assert.True(Unread(await officer.OpenAsync($"/inbox?Q={Uri.EscapeDataString("Trotoar amblas")}"), numbers[0]));
    }

    [Fact]
    public async Task SavedView_KeepsTheListInView_AndOnlyItsOwnerCanDeleteIt()
    {
        await WorldAsync();
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await officer.OpenAsync("/inbox?Tab=InProgress&Overdue=true&Sort=DueDate");

        var saved = await officer.SubmitAsync("/inbox/tampilan", ("name", "Terlambat, sedang diproses"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/inbox?Tab=InProgress&Overdue=true&Sort=DueDate", saved.Headers.Location!.OriginalString);
        var view = await app.WithDbAsync(db => db.SavedViews.SingleAsync(v => v.Name == "Terlambat, sedang diproses"));
        Assert.Equal("?Tab=InProgress&Sort=DueDate&Overdue=true", view.Query);
        var link = (await officer.OpenAsync("/inbox")).Document.QuerySelectorAll("a").Single(a => a.TextContent == "Terlambat, sedang diproses");
        Assert.Equal("/inbox?Tab=InProgress&Sort=DueDate&Overdue=true", link.GetAttribute("href"));

        var other = await Staff.SignInAsync(app, StaffWorld.OfficerA1);
        await other.SubmitAsync($"/inbox/tampilan/{view.Id}/hapus");
        Assert.True(await app.WithDbAsync(db => db.SavedViews.AnyAsync(v => v.Id == view.Id)));
        await officer.SubmitAsync($"/inbox/tampilan/{view.Id}/hapus");
        Assert.False(await app.WithDbAsync(db => db.SavedViews.AnyAsync(v => v.Id == view.Id)));
    }

    [Fact]
    public async Task SaveAndNext_OpensTheNextReportOfTheList_AndAfterTheLastGoesBackToTheList()
    {
        var world = await WorldAsync();
        var word = $"berikut{Guid.NewGuid():N}"[..14];
        var oldestFirst = await StoredReports.RoutedAsync(app, world.AgencyA, [$"Jembatan retak {word}", $"Jembatan goyang {word}"]);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await officer.OpenAsync($"/inbox?Q={word}");

        var first = await officer.ActAsync(oldestFirst[0], "tanggapi", ("Text", "Sudah kami terima."), ("Next", "true"));
        var last = await officer.ActAsync(oldestFirst[1], "tanggapi", ("Text", "Sudah kami terima."), ("Next", "true"));

        Assert.Equal($"/inbox/{oldestFirst[1]}", first.Headers.Location!.OriginalString);
        Assert.Equal($"/inbox?Q={word}", last.Headers.Location!.OriginalString);
        Assert.Contains("Tidak ada laporan berikutnya", (await officer.OpenAsync(last.Headers.Location.OriginalString)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAndNext_OpensTheNextNewReportOfTheCoordinatorsSearch_AndAfterTheLastGoesBackToTheQueue()
    {
        var world = await WorldAsync();
        var word = $"verif{Guid.NewGuid():N}"[..12];
        var oldestFirst = new List<string>();
        foreach (var title in new[] { $"Lampu jalan padam {word}", $"Lampu taman padam {word}", $"Lampu pasar padam {word}" })
        {
            oldestFirst.Add((await Citizen.FileAndConfirmAsync(app.CreateBrowser(), title)).Number);
        }

        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.OpenAsync($"/inbox?Tab=New&Q={word}");
        var agency = ("AgencyIds", world.AgencyA.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Verifying the middle one moves on to the newest; verifying that one, with nothing after it, goes back to the search.
        var middle = await coordinator.ActAsync(oldestFirst[1], "verifikasi", agency, ("ComplaintKind", "Ordinary"), ("Next", "true"));
        var last = await coordinator.ActAsync(oldestFirst[2], "verifikasi", agency, ("ComplaintKind", "Ordinary"), ("Next", "true"));
        var queue = await coordinator.OpenAsync(last.Headers.Location!.OriginalString);

        Assert.Equal($"/inbox/{oldestFirst[2]}", middle.Headers.Location!.OriginalString);
        Assert.Equal($"/inbox?Tab=New&Q={word}", last.Headers.Location.OriginalString);
        Assert.Contains("Tidak ada laporan berikutnya", queue.Text, StringComparison.Ordinal);
        Assert.Contains(oldestFirst[0], queue.Text, StringComparison.Ordinal); // still waiting: the list says so
        Assert.Equal(2, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title.Contains(word) && r.Status == Lapor.Web.Domain.Reports.ReportStatus.Dispositioned)));
    }

    [Fact]
    public async Task Template_IsFilledForTheReport_AndNeverNamesTheReporter()
    {
        var world = await WorldAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Lapor.Web.Features.StaffWork.Templates.ResponseTemplates>().CreateAsync([world.AgencyA], new()
            {
                AgencyId = world.AgencyA, Title = "Salam pembuka", Body = "{Sapaan}, laporan {NomorLaporan} diterima {Instansi}. {Lainnya}",
            }, CancellationToken.None);
        }

        var (named, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Saluran air meluap", fields: new Dictionary<string, string> { ["Form.ReporterName"] = "Rina Wijaya" });
        var (confidential, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Pungutan liar di loket", fields: new Dictionary<string, string> { ["Form.ReporterName"] = "Rina Wijaya", ["Form.IsConfidential"] = "true" });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        foreach (var number in new[] { named, confidential })
        {
            await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("ComplaintKind", "Ordinary"));
        }

        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        string Filled(HtmlPage page) => page.Document.QuerySelectorAll("#template-tanggapi option").Single(o => o.TextContent == "Salam pembuka").GetAttribute("value")!;

        // A response is public by default: a name in it would reach the public page (named reports too).
        Assert.Equal($"Bapak/Ibu Pelapor, laporan {named} diterima Dinas A. {{Lainnya}}", Filled(await officer.OpenAsync($"/inbox/{named}")));
        Assert.Equal($"Bapak/Ibu Pelapor, laporan {confidential} diterima Dinas A. {{Lainnya}}", Filled(await officer.OpenAsync($"/inbox/{confidential}")));
    }

    [Fact]
    public async Task Presence_NamesTheColleagueWithThePageOpen_AndIsNotFoundOutOfScope()
    {
        var world = await WorldAsync();
        var number = (await StoredReports.RoutedAsync(app, world.AgencyA, ["Halte rusak"])).Single();
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var colleague = await Staff.SignInAsync(app, Colleague);
        var outsider = await Staff.SignInAsync(app, StaffWorld.OfficerB);

        await colleague.Client.GetAsync($"/inbox/{number}/kehadiran");
        var seen = await officer.Client.GetStringAsync($"/inbox/{number}/kehadiran");

        Assert.Contains(Colleague, seen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/inbox/{number}/kehadiran")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, StaffWorld.CitizenX)).Client.GetAsync($"/inbox/{number}/kehadiran")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowser().GetAsync($"/inbox/{number}/kehadiran")).StatusCode);
    }

    [Fact]
    public async Task TheListAsOpened_ShowsWhatTheSameListNarrowedToEverythingShows_PageByPage()
    {
        // With nothing narrowing, the tabs and pages come from statements compiled once; any narrowing builds them per
        // request. A period from the year 2000 narrows nothing, so both must show the same lines on every page: the
        // owner (the officer, a colleague), the unread mark, the tags and the tab counts.
        var world = await WorldAsync();
        var numbers = await StoredReports.RoutedAsync(app, world.AgencyA, Enumerable.Range(1, 27).Select(i => $"Saluran air tersumbat {i}"));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await officer.ActAsync(numbers[0], "ambil");
        await officer.ActAsync(numbers[1], "serahkan", ("OfficerUserId", await UserIdAsync(Colleague)));
        await officer.OpenAsync($"/inbox/{numbers[2]}");
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).SubmitAsync($"/inbox/{numbers[3]}/tag", ("Label", "musim-hujan"));

        var plain = await AllPagesAsync(officer, "/inbox");
        var narrowed = await AllPagesAsync(officer, "/inbox?From=2000-01-01");

        Assert.Equal(plain.Tabs, narrowed.Tabs);
        Assert.Equal(plain.Lines, narrowed.Lines);
        Assert.True(plain.Pages >= 2, "the tab holds more than one page");
        Assert.Contains(plain.Lines, l => l.Contains(numbers[3], StringComparison.Ordinal) && l.Contains("musim-hujan", StringComparison.Ordinal));
        Assert.Contains(plain.Lines, l => l.Contains(numbers[1], StringComparison.Ordinal) && l.Contains(Colleague, StringComparison.Ordinal));
        Assert.Contains(plain.Lines, l => l.Contains(numbers[2], StringComparison.Ordinal) && !l.Contains("fw-semibold", StringComparison.Ordinal));
        Assert.Contains(plain.Lines, l => l.Contains(numbers[4], StringComparison.Ordinal) && l.Contains("fw-semibold", StringComparison.Ordinal));
    }

    /// <summary>Every line of the list, following "next page" to the end, and the tabs' counts of its first page.</summary>
    private static async Task<(List<string> Lines, string Tabs, int Pages)> AllPagesAsync(Staff staff, string url)
    {
        var lines = new List<string>();
        var first = await staff.OpenAsync(url);
        var tabs = string.Join("|", first.Document.QuerySelectorAll("nav .nav-pills .badge").Select(b => b.TextContent));
        var pages = 0;
        for (var page = first; ; page = await staff.OpenAsync(page.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!))
        {
            pages++;
            lines.AddRange(page.Document.QuerySelectorAll("tr[data-row]").Select(r => r.OuterHtml));
            if (page.Document.QuerySelector("a[rel=next]") is null)
            {
                return (lines, tabs, pages);
            }
        }
    }

    /// <summary>The tracking numbers the list shows.</summary>
    private static List<string> Rows(HtmlPage list) => [.. list.Document.QuerySelectorAll("tr[data-row] a[data-open]").Select(a => a.TextContent.Trim())];

    private async Task<StaffWorld> WorldAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        await TestAgencies.AccountAsync(app, Colleague, [Roles.Officer], world.AgencyA);
        return world;
    }

    private Task<string> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<string?> OwnerAsync(string number) =>
        app.WithDbAsync(db => db.Assignments.Where(a => a.Report!.TrackingNumber == number).Select(a => a.OfficerUserId).SingleAsync());
}
