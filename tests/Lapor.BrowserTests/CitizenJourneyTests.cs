using System.Text.RegularExpressions;
using Lapor.BrowserTests.Infrastructure;
using Lapor.TestSupport;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class CitizenJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Guest_FilesComplaintWithPhoto_SeesNumberAndTracksIt()
    {
        var page = await browser.NewPageAsync();
        var photo = TestData.PhotoFile();

        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        var (number, code) = await FileAsync(page, "Jalan berlubang di Jl. Kenanga", photo);

        // Another browser: the one that filed has the report unlocked already.
        page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/lacak/{number}");
        Assert.Contains("Menunggu verifikasi", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.GetByLabel("Kode akses").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka laporan" }).ClickAsync();
        await page.WaitForSelectorAsync("#details");
        var main = await page.InnerTextAsync("main");
        Assert.Contains("Lubang besar di tengah jalan", main, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(photo), main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilingForm_OnPhoneScreen_HasNoHorizontalScroll()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 375, Height = 812 });

        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

        Assert.False(overflow);
    }

    [Fact]
    public async Task FilingForm_SubmittedIncomplete_KeepsTypedTitleAndShowsErrors()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/lapor");

        await page.GetByLabel("Judul laporan").FillAsync("Sampah di pasar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForSelectorAsync(".field-validation-error");

        Assert.Equal("Sampah di pasar", await page.GetByLabel("Judul laporan").InputValueAsync());
        Assert.Contains("Isi laporan wajib diisi.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    /// <summary>Fills the open filing form as a guest, as a person would, and returns the tracking number and access code shown.</summary>
    internal static async Task<(string Number, string Code)> FileAsync(
        IPage page, string title, string? photo = null, string body = "Lubang besar di tengah jalan membuat dua pengendara motor terjatuh minggu ini.",
        string location = "Jl. Kenanga depan SD Negeri 2")
    {
        await FillAsync(page, title, photo, body, location);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();

        // Where an open public report of the same problem is offered to support instead (issue 21), this citizen files anyway.
        await page.Locator("[data-testid=support-offers], [data-testid=tracking-number]").First.WaitForAsync();
        if (await page.GetByTestId("support-offers").CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Tetap kirim laporan baru" }).ClickAsync();
        }

        await page.WaitForURLAsync(SubmittedUrl());

        var number = (await page.GetByTestId("tracking-number").InnerTextAsync()).Trim();
        var code = (await page.GetByTestId("access-code").InnerTextAsync()).Trim();
        Assert.Matches("^LPR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", number);
        return (number, code);
    }

    private static async Task FillAsync(IPage page, string title, string? photo, string body, string location)
    {
        await page.GetByLabel("Pengaduan").CheckAsync();
        await page.GetByLabel("Judul laporan").FillAsync(title);
        await page.GetByLabel("Isi laporan").FillAsync(body);
        await page.GetByLabel("Lokasi kejadian").FillAsync(location);
        if (photo is not null)
        {
            await page.GetByLabel("Lampiran").SetInputFilesAsync(photo);
        }

        await page.GetByLabel("Nama lengkap").FillAsync("Rudi Hartono");
        await page.GetByLabel("Alamat e-mail").FillAsync("rudi@contoh.id");
        await page.GetByLabel("Saya menyatakan laporan ini benar").CheckAsync();
    }

    /// <summary>
    /// Issue 21 part 3 on a phone: the same problem at the same place is open and public, so it is offered
    /// before filing; the offer passes the accessibility checks, and "tetap kirim laporan baru" files the
    /// report with everything typed and the photo staged before.
    /// </summary>
    [Fact]
    public async Task Guest_OfferedTheOpenReport_SendsAnyway_WithThePhotoKept()
    {
        var world = await StaffWorld.CreateAsync(browser.App);
        var first = await browser.NewPageAsync();
        await first.GotoAsync($"{browser.BaseUrl}/lapor");
        var (original, _) = await FileAsync(first, "Lampu jalan padam di Jl. Cempakaputih", body: "Lampu penerangan jalan mati sejak minggu lalu, gelap dan rawan.",
            location: "Jl. Cempakaputih RT 02");
        await StoredReports.ActAsync(browser.App, original, (report, schedule) =>
            report.Verify(StoredReports.Coordinator, [world.AgencyA], Lapor.Web.Domain.Reports.ComplaintKind.Ordinary, null, null, schedule, DateTimeOffset.UtcNow));

        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        var photo = TestData.PhotoFile();
        await FillAsync(page, "PJU Jl. Cempakaputih mati", photo, "Lampu penerangan jalan mati, gelap sekali dan rawan setiap malam.", "Jl. Cempakaputih dekat pos ronda");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();

        var offer = page.GetByTestId("support-offer");
        await Assertions.Expect(offer).ToContainTextAsync(original);
        await Assertions.Expect(offer.GetByRole(AriaRole.Link, new() { Name = "Masuk untuk mendukung" })).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(page.GetByLabel("Judul laporan")).ToHaveValueAsync("PJU Jl. Cempakaputih mati");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "21-laporan-serupa-ponsel");

        await page.GetByRole(AriaRole.Button, new() { Name = "Tetap kirim laporan baru" }).ClickAsync();
        await page.WaitForURLAsync(SubmittedUrl());
        var number = (await page.GetByTestId("tracking-number").InnerTextAsync()).Trim();
        await page.GotoAsync($"{browser.BaseUrl}/lacak/{number}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Path.GetFileName(photo));
        Assert.NotEqual(original, number);
    }

    [GeneratedRegex("/lapor/terkirim/LPR-")]
    private static partial Regex SubmittedUrl();
}
