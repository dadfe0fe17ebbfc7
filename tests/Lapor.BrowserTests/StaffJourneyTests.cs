using System.Text.RegularExpressions;
using Lapor.BrowserTests.Infrastructure;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>The whole life of a report, each person in their own browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StaffJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// Citizen files → coordinator verifies and routes → officer answers → citizen is not satisfied →
    /// officer answers again → citizen accepts.
    /// </summary>
    [Fact]
    public async Task Report_AnsweredRejectedAnsweredAgainAndAccepted_ShowsSelesai()
    {
        await StaffWorld.CreateAsync(browser.App);
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync($"{browser.BaseUrl}/lapor");
        var (number, _) = await CitizenJourneyTests.FileAsync(citizen, "Jembatan kayu di Dusun Krajan lapuk");
        await Screenshots.SaveAsync(citizen, "02-laporan-terkirim");

        var coordinator = await SignInAsync(StaffWorld.Coordinator);
        await coordinator.GotoAsync($"{browser.BaseUrl}/inbox");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await Screenshots.SaveAsync(coordinator, "03-antrean-koordinator");
        await RouteAsync(coordinator, number, StaffWorld.AgencyAName);

        var officer = await SignInAsync(StaffWorld.OfficerA);
        await officer.GotoAsync($"{browser.BaseUrl}/inbox");
        await Accessibility.AssertNoViolationsAsync(officer);
        await Screenshots.SaveAsync(officer, "04-kotak-masuk-petugas");
        await officer.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(officer);
        await Screenshots.SaveAsync(officer, "05-detail-laporan-petugas");
        await FinalResponseAsync(officer, "Papan jembatan yang lapuk sudah kami tandai; perbaikan dijadwalkan.");

        // The browser that filed still has the report open: no code to type.
        await citizen.GotoAsync($"{browser.BaseUrl}/lacak/{number}");
        Assert.Contains("perbaikan dijadwalkan", await citizen.InnerTextAsync("main"), StringComparison.Ordinal);
        await citizen.GetByText("Belum puas? Jelaskan alasannya").ClickAsync();
        await citizen.GetByLabel("Mengapa tindak lanjut ini belum menyelesaikan masalah Anda?").FillAsync("Baru ditandai, jembatan masih berbahaya dilewati anak sekolah.");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Kirim: belum puas" }).ClickAsync();
        await citizen.WaitForSelectorAsync("text=laporan diproses kembali");

        await officer.GotoAsync($"{browser.BaseUrl}/inbox/{number}");
        Assert.Contains("masih berbahaya", await officer.InnerTextAsync("main"), StringComparison.Ordinal);
        await FinalResponseAsync(officer, "Jembatan sudah diganti dengan papan baru pada 21 November.");

        await citizen.GotoAsync($"{browser.BaseUrl}/lacak/{number}");
        Assert.Contains("Jembatan sudah diganti", await citizen.InnerTextAsync("main"), StringComparison.Ordinal);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Ya, saya puas" }).ClickAsync();
        await citizen.WaitForSelectorAsync("text=dinyatakan selesai");

        Assert.Equal("Selesai", (await citizen.InnerTextAsync(".status-badge")).Trim());
        await Accessibility.AssertNoViolationsAsync(citizen);
        await Screenshots.SaveAsync(citizen, "06-lacak-selesai");
    }

    /// <summary>No Wrong Door: the officer returns a report that is not theirs, the coordinator routes it to the right agency.</summary>
    [Fact]
    public async Task WrongAgency_ReturnsTheReport_AndTheCoordinatorReroutesIt()
    {
        await StaffWorld.CreateAsync(browser.App);
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync($"{browser.BaseUrl}/lapor");
        var (number, _) = await CitizenJourneyTests.FileAsync(citizen, "Puskesmas tutup pada jam layanan");
        var coordinator = await SignInAsync(StaffWorld.Coordinator);
        await RouteAsync(coordinator, number, StaffWorld.AgencyAName);

        var officer = await SignInAsync(StaffWorld.OfficerA);
        await officer.GotoAsync($"{browser.BaseUrl}/inbox/{number}");
        await officer.Locator("summary", new() { HasText = "Kembalikan: bukan kewenangan kami" }).ClickAsync();
        await officer.GetByLabel("Alasan pengembalian").FillAsync("Layanan puskesmas adalah kewenangan Dinas Kesehatan.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Kembalikan: bukan kewenangan kami" }).ClickAsync();
        await officer.WaitForSelectorAsync("text=Tersimpan.");

        await coordinator.GotoAsync($"{browser.BaseUrl}/inbox");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Dikembalikan" }).First.ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        Assert.Contains("kewenangan Dinas Kesehatan", await coordinator.InnerTextAsync("main"), StringComparison.Ordinal);
        await AgencyTreeTests.TickOnlyAsync(coordinator, StaffWorld.AgencyBName);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Verifikasi dan teruskan" }).ClickAsync();
        await coordinator.WaitForSelectorAsync("text=Tersimpan.");

        var health = await SignInAsync(StaffWorld.OfficerB);
        await health.GotoAsync($"{browser.BaseUrl}/inbox");
        await health.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        Assert.Contains("Puskesmas tutup", await health.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    /// <summary>The coordinator watches the figures and takes the period's report list home.</summary>
    [Fact]
    public async Task Coordinator_OpensTheDashboard_AndExportsTheReportList()
    {
        await StaffWorld.CreateAsync(browser.App);
        var coordinator = await SignInAsync(StaffWorld.Coordinator);

        await coordinator.GotoAsync($"{browser.BaseUrl}/dashboard");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await Screenshots.SaveAsync(coordinator, "07-dashboard");
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Link, new() { NameRegex = DownloadLink() }).First.ClickAsync());

        var path = await download.PathAsync();
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var firstLine = File.ReadLines(path).First();
        Assert.StartsWith("Nomor pelacakan,Waktu masuk (WIB),", firstLine, StringComparison.Ordinal); // Indonesian headers, local times
    }

    private static async Task RouteAsync(IPage coordinator, string number, string agency)
    {
        await coordinator.GotoAsync(new Uri(new Uri(coordinator.Url), $"/inbox/{number}").ToString());
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await AgencyTreeTests.TickOnlyAsync(coordinator, agency);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Verifikasi dan teruskan" }).ClickAsync();
        await coordinator.WaitForSelectorAsync("text=Tersimpan.");
        Assert.Contains("Terdisposisi", await coordinator.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    private static async Task FinalResponseAsync(IPage officer, string text)
    {
        await officer.GetByText("Tindak lanjut akhir", new() { Exact = true }).First.ClickAsync();
        await officer.GetByLabel("Hasil tindak lanjut").FillAsync(text);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Tindak lanjut akhir" }).ClickAsync();
        await officer.WaitForSelectorAsync("text=Tersimpan.");
    }

    [Fact]
    public async Task AdministrationPages_HaveNoWcagViolations()
    {
        await StaffWorld.CreateAsync(browser.App);
        var admin = await SignInAsync(StaffWorld.Admin);

        foreach (var path in new[] { "/admin/instansi", "/admin/pengguna", "/admin/kategori", "/admin/libur", "/admin/tenggat", "/admin/surat", "/admin/audit", "/admin/api", "/admin/saran-instansi", "/inbox/templat" })
        {
            await admin.GotoAsync(browser.BaseUrl + path);
            await Accessibility.AssertNoViolationsAsync(admin);
        }
    }

    [Fact]
    public async Task PeriodReport_PrintVersion_SavesAsPdfAndIsAccessible()
    {
        await StaffWorld.CreateAsync(browser.App);
        var coordinator = await SignInAsync(StaffWorld.Coordinator);

        await coordinator.GotoAsync($"{browser.BaseUrl}/dashboard/cetak");
        var pdf = await coordinator.PdfAsync(new PagePdfOptions { Format = "A4" });

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await Accessibility.AssertNoViolationsAsync(coordinator);
    }

    /// <summary>Staff work from phones too: the inbox, a report, the dashboard, the evidence pack, the themes and the account page on a 360×740 screen.</summary>
    [Fact]
    public async Task StaffPages_OnAPhone_HaveNoWcagViolations()
    {
        await StaffWorld.CreateAsync(browser.App);
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync($"{browser.BaseUrl}/lapor");
        var (number, _) = await CitizenJourneyTests.FileAsync(citizen, "Lampu penerangan jalan padam");
        var phone = new ViewportSize { Width = 360, Height = 740 };
        var coordinator = await SignInAsync(StaffWorld.Coordinator, phone);
        var officer = await SignInAsync(StaffWorld.OfficerA, phone);

        foreach (var (page, path) in new[] { (coordinator, "/inbox"), (coordinator, $"/inbox/{number}"), (coordinator, "/dashboard"), (coordinator, "/dashboard/bukti-dukung"), (coordinator, "/tema"), (officer, "/inbox"), (officer, "/akun"), (officer, "/notifikasi") })
        {
            await page.GotoAsync(browser.BaseUrl + path);
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }

    /// <summary>
    /// "Duplikat dari ini" asks first: the button opens a confirmation naming both reports (nothing archived yet),
    /// reached and answered from the keyboard alone, with no WCAG violation while it is open.
    /// </summary>
    [Fact]
    public async Task SimilarReport_DuplicateOf_AsksFirst_ByKeyboard_WithoutWcagViolations()
    {
        await StaffWorld.CreateAsync(browser.App);
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync($"{browser.BaseUrl}/lapor");
        var (original, _) = await CitizenJourneyTests.FileAsync(citizen, "Jalan berlubang di Jl. Kenanga");
        await citizen.GotoAsync($"{browser.BaseUrl}/lapor");
        var (repeat, _) = await CitizenJourneyTests.FileAsync(citizen, "Lubang jalan Jl. Kenanga depan SD");
        var coordinator = await SignInAsync(StaffWorld.Coordinator);

        await coordinator.GotoAsync($"{browser.BaseUrl}/inbox/{repeat}");
        var suggestion = coordinator.GetByTestId("similar-report").Filter(new() { HasText = original });
        var summary = suggestion.Locator("summary");
        await summary.FocusAsync();
        await coordinator.Keyboard.PressAsync("Enter");
        var confirm = suggestion.GetByTestId("similar-confirm-text");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        Assert.Contains(repeat, await confirm.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(original, await confirm.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Unverified, await StatusAsync(repeat));
        await Accessibility.AssertNoViolationsAsync(coordinator);

        await coordinator.Keyboard.PressAsync("Tab");
        await Assertions.Expect(suggestion.GetByTestId("similar-confirm-submit")).ToBeFocusedAsync();
        await coordinator.Keyboard.PressAsync("Enter");
        await coordinator.WaitForSelectorAsync("text=Tersimpan.");
        Assert.Equal(ReportStatus.Archived, await StatusAsync(repeat));
    }

    private Task<ReportStatus> StatusAsync(string number) =>
        browser.App.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync());

    private async Task<IPage> SignInAsync(string email, ViewportSize? viewport = null)
    {
        var page = await browser.NewPageAsync(viewport);
        await page.GotoAsync($"{browser.BaseUrl}/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).Last.ClickAsync();
        await page.WaitForURLAsync(HomeUrl());
        return page;
    }

    [GeneratedRegex(@"Daftar laporan \(CSV\)")]
    private static partial Regex DownloadLink();

    [GeneratedRegex(@"^http://[^/]+/(?!Account/)")]
    private static partial Regex HomeUrl();
}
