using Lapor.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>
/// Errors and focus as a keyboard or screen-reader user meets them (issue 18, item 6): the error summary takes focus
/// after a failed submit, its links go to the fields, every button shows where focus is, and switching language keeps
/// what was typed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormErrorsTests(BrowserFixture browser)
{
    [Fact]
    public async Task FailedFiling_FocusesTheErrorSummary_WhoseLinksMoveToTheFields()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        await page.GetByLabel("Judul laporan").FillAsync("Sampah di pasar");

        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();

        var summary = page.Locator("#error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToHaveAttributeAsync("tabindex", "-1");
        await Assertions.Expect(summary).ToHaveAccessibleNameAsync("Formulir belum terkirim. Periksa kembali isian berikut:");
        var links = summary.Locator("a");
        Assert.True(await links.CountAsync() >= 3, "one link per field with an error");
        foreach (var link in await links.AllAsync())
        {
            var target = (await link.GetAttributeAsync("href"))!.TrimStart('#');
            await link.ClickAsync();

            var field = page.Locator($"[id='{target}']");
            await Assertions.Expect(field).ToBeFocusedAsync();
            await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
            // The field's description is its message beside it, read with the hidden "Kesalahan:" first.
            var describedBy = (await field.GetAttributeAsync("aria-describedby"))!.Split(' ');
            var message = describedBy.Single(id => id.EndsWith("-error", StringComparison.Ordinal));
            var text = (await page.Locator($"[id='{message}']").TextContentAsync() ?? "").Trim();
            Assert.Equal($"Kesalahan: {(await link.InnerTextAsync()).Trim()}", text);
        }

        await Assertions.Expect(page.GetByLabel("Judul laporan")).ToHaveValueAsync("Sampah di pasar");
    }

    [Fact]
    public async Task FailedSignIn_FocusesTheErrorSummary()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/Account/Login");

        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await page.Locator("#error-summary a[href='#Password']").ClickAsync();
        await Assertions.Expect(page.Locator("#Password")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task SwitchingLanguage_KeepsWhatWasTyped_ButNoPassword()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        await page.GetByLabel("Aspirasi").CheckAsync();
        await page.GetByLabel("Judul laporan").FillAsync("Taman kota perlu lampu");
        await page.GetByLabel("Isi laporan").FillAsync("Taman di Jl. Mawar gelap setiap malam.");
        await page.Locator("#Form_IsAnonymous").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("#Form_Title")).ToHaveValueAsync("Taman kota perlu lampu");
        await Assertions.Expect(page.Locator("#Form_Body")).ToHaveValueAsync("Taman di Jl. Mawar gelap setiap malam.");
        await Assertions.Expect(page.Locator("#classification-Aspiration")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#Form_IsAnonymous")).ToBeCheckedAsync();

        await page.GotoAsync($"{browser.BaseUrl}/Account/Login");
        await page.Locator("#Email").FillAsync("warga@contoh.id");
        await page.Locator("#Password").FillAsync("rahasia-sekali");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bahasa Indonesia" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Assertions.Expect(page.Locator("#Email")).ToHaveValueAsync("warga@contoh.id");
        await Assertions.Expect(page.Locator("#Password")).ToHaveValueAsync("");
    }

    /// <summary>The name is marked required, and stops being required (mark and aria-required) once the report is anonymous.</summary>
    [Fact]
    public async Task ReporterName_IsMarkedRequired_UnlessTheReportIsAnonymous()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        var name = page.Locator("#Form_ReporterName");
        var mark = page.Locator("label[for=Form_ReporterName] .required-mark");

        await Assertions.Expect(name).ToHaveAttributeAsync("aria-required", "true");
        await Assertions.Expect(mark).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#name-help")).ToHaveTextAsync("Wajib diisi, kecuali Anda melapor secara anonim.");

        await page.Locator("#Form_IsAnonymous").CheckAsync();
        await Assertions.Expect(name).ToHaveAttributeAsync("aria-required", "false");
        await Assertions.Expect(mark).ToBeHiddenAsync();
    }

    /// <summary>Tabbing onto the red "Buat laporan" button shows a solid ring (it showed none before).</summary>
    [Fact]
    public async Task RedButton_ShowsAFocusRing_WhenTabbedTo()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/");

        for (var i = 0; i < 40 && !await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('btn-lapor')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var ring = await page.EvaluateAsync<string[]>("() => { const s = getComputedStyle(document.activeElement); return [document.activeElement.className, s.outlineStyle, s.outlineWidth, s.outlineColor]; }");
        Assert.Contains("btn-lapor", ring[0], StringComparison.Ordinal);
        Assert.Equal("solid", ring[1]);
        Assert.Equal("3px", ring[2]);
        Assert.Equal("rgb(26, 26, 26)", ring[3]);
    }
}
