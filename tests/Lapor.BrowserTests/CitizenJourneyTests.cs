using System.Text.RegularExpressions;
using Lapor.BrowserTests.Infrastructure;
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
    internal static async Task<(string Number, string Code)> FileAsync(IPage page, string title, string? photo = null)
    {
        await page.GetByLabel("Pengaduan").CheckAsync();
        await page.GetByLabel("Judul laporan").FillAsync(title);
        await page.GetByLabel("Isi laporan").FillAsync("Lubang besar di tengah jalan membuat dua pengendara motor terjatuh minggu ini.");
        await page.GetByLabel("Lokasi kejadian").FillAsync("Jl. Kenanga depan SD Negeri 2");
        if (photo is not null)
        {
            await page.GetByLabel("Lampiran").SetInputFilesAsync(photo);
        }

        await page.GetByLabel("Nama lengkap").FillAsync("Rudi Hartono");
        await page.GetByLabel("Alamat e-mail").FillAsync("rudi@contoh.id");
        await page.GetByLabel("Saya menyatakan laporan ini benar").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForURLAsync(SubmittedUrl());

        var number = (await page.GetByTestId("tracking-number").InnerTextAsync()).Trim();
        var code = (await page.GetByTestId("access-code").InnerTextAsync()).Trim();
        Assert.Matches("^LPR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", number);
        return (number, code);
    }

    [GeneratedRegex("/lapor/terkirim/LPR-")]
    private static partial Regex SubmittedUrl();
}
