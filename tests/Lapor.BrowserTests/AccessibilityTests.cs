using Lapor.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>axe-core finds no WCAG 2.1 A/AA violations on the citizen pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/lapor")]
    [InlineData("/lacak")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/halaman-yang-tidak-ada")]
    [InlineData("/laporan")]
    [InlineData("/statistik")]
    [InlineData("/peta")]
    public async Task Page_HasNoWcagViolations(string path)
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(browser.BaseUrl + path);

        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>The same pages on a phone-sized screen (360×740): no violations, no sideways scrolling.</summary>
    [Theory]
    [InlineData("/", "01-beranda-ponsel")]
    [InlineData("/lapor", "01-formulir-ponsel")]
    [InlineData("/lacak", null)]
    [InlineData("/Account/Login", null)]
    [InlineData("/laporan", "08-laporan-publik-ponsel")]
    [InlineData("/statistik", null)]
    [InlineData("/peta", null)]
    public async Task Page_OnAPhone_HasNoWcagViolations(string path, string? screenshot)
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 360, Height = 740 });

        await page.GotoAsync(browser.BaseUrl + path);

        await Accessibility.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        if (screenshot is not null)
        {
            await Screenshots.SaveAsync(page, screenshot);
        }
    }

    [Fact]
    public async Task FilingFormWithErrors_HasNoWcagViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/lapor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForSelectorAsync(".field-validation-error");

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task TrackingPage_PublicAndUnlocked_HaveNoWcagViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        var (number, code) = await CitizenJourneyTests.FileAsync(page, "Lampu jalan mati di Jl. Melati");
        await Accessibility.AssertNoViolationsAsync(page);

        // Another browser, which sees the locked page with the code and new-link forms.
        page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/lacak/{number}");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Kode akses").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka laporan" }).ClickAsync();
        await page.WaitForSelectorAsync("#details");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task EnglishHomePage_HasNoWcagViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/?culture=en");

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Scanner_OnAPageWithKnownFaults_ReportsThem()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<html><body><img src='x.png'><input type='text'></body></html>");

        var error = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Accessibility.AssertNoViolationsAsync(page));

        Assert.Contains("image-alt", error.Message, StringComparison.Ordinal);
        Assert.Contains("html-has-lang", error.Message, StringComparison.Ordinal);
    }
}
