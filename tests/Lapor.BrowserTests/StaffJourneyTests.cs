using System.Text.RegularExpressions;
using Lapor.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>The whole life of a report, each person in their own browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StaffJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Report_FiledVerifiedAnsweredAndAccepted_ShowsSelesai()
    {
        await TestData.EnsureStaffAsync(browser.App);
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync($"{browser.BaseUrl}/lapor");
        var (number, code) = await CitizenJourneyTests.FileAsync(citizen, "Jembatan kayu di Dusun Krajan lapuk");

        var coordinator = await SignInAsync(TestData.Coordinator);
        await coordinator.GotoAsync($"{browser.BaseUrl}/inbox");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await coordinator.GetByLabel("Instansi tujuan").SelectOptionAsync(new SelectOptionValue { Label = TestData.AgencyName });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Verifikasi dan teruskan" }).ClickAsync();
        await coordinator.WaitForSelectorAsync("text=Tersimpan.");
        Assert.Contains("Terdisposisi", await coordinator.InnerTextAsync("main"), StringComparison.Ordinal);
        await coordinator.GotoAsync($"{browser.BaseUrl}/dashboard");
        await Accessibility.AssertNoViolationsAsync(coordinator);

        var officer = await SignInAsync(TestData.Officer);
        await officer.GotoAsync($"{browser.BaseUrl}/inbox");
        await Accessibility.AssertNoViolationsAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(officer);
        await officer.GetByText("Tindak lanjut akhir", new() { Exact = true }).First.ClickAsync();
        await officer.GetByLabel("Hasil tindak lanjut").FillAsync("Jembatan sudah diganti dengan papan baru pada 21 November.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Tindak lanjut akhir" }).ClickAsync();
        await officer.WaitForSelectorAsync("text=Tersimpan.");

        await citizen.GotoAsync($"{browser.BaseUrl}/lacak/{number}");
        await citizen.GetByLabel("Kode akses").FillAsync(code);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Buka laporan" }).ClickAsync();
        Assert.Contains("Jembatan sudah diganti", await citizen.InnerTextAsync("main"), StringComparison.Ordinal);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Ya, saya puas" }).ClickAsync();
        await citizen.WaitForSelectorAsync("text=dinyatakan selesai");

        Assert.Equal("Selesai", (await citizen.InnerTextAsync(".status-badge")).Trim());
        await Accessibility.AssertNoViolationsAsync(citizen);
    }

    [Fact]
    public async Task AdministrationPages_HaveNoWcagViolations()
    {
        await TestData.EnsureStaffAsync(browser.App);
        var admin = await SignInAsync(TestData.Admin);

        foreach (var path in new[] { "/admin/instansi", "/admin/pengguna", "/admin/kategori", "/admin/libur", "/admin/tenggat", "/admin/surat", "/admin/audit", "/admin/api", "/inbox/templat" })
        {
            await admin.GotoAsync(browser.BaseUrl + path);
            await Accessibility.AssertNoViolationsAsync(admin);
        }
    }

    [Fact]
    public async Task PeriodReport_PrintVersion_SavesAsPdfAndIsAccessible()
    {
        await TestData.EnsureStaffAsync(browser.App);
        var coordinator = await SignInAsync(TestData.Coordinator);

        await coordinator.GotoAsync($"{browser.BaseUrl}/dashboard/cetak");
        var pdf = await coordinator.PdfAsync(new PagePdfOptions { Format = "A4" });

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await Accessibility.AssertNoViolationsAsync(coordinator);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).Last.ClickAsync();
        await page.WaitForURLAsync(HomeUrl());
        return page;
    }

    [GeneratedRegex(@"^http://[^/]+/$")]
    private static partial Regex HomeUrl();
}
