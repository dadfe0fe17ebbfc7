using Lapor.BrowserTests.Infrastructure;
using Lapor.TestSupport;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>The routing picker on a 1366×768 screen: an agency tree searched by part of a name, then the report routed and forwarded.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgencyTreeTests(BrowserFixture browser)
{
    private const string Tourism = "Dinas Pariwisata dan Kebudayaan";

    [Fact]
    public async Task Search_FindsAnAgencyByPartOfItsName_AndTheReportIsRoutedThenForwardedThere()
    {
        var world = await StaffWorld.CreateAsync(browser.App);
        await TestAgencies.AddAsync(browser.App, Tourism, "UJI-PAR", world.Region);
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync($"{browser.BaseUrl}/lapor");
        var (number, _) = await CitizenJourneyTests.FileAsync(citizen, "Papan nama objek wisata roboh");

        var coordinator = await StaffMenuTests.SignInAsync(browser, StaffWorld.Coordinator);
        await coordinator.GotoAsync($"{browser.BaseUrl}/inbox/{number}");
        var picker = coordinator.Locator("#verify-agencies");
        await UntickAllAsync(picker);

        // Upper case and an accent the name does not have: the search folds both.
        await picker.GetByLabel("Cari instansi").FillAsync("PARIWISATA KÉBUD");
        await Assertions.Expect(picker.GetByRole(AriaRole.Status).First).ToHaveTextAsync("1 instansi cocok");
        await Assertions.Expect(picker.GetByRole(AriaRole.Checkbox, new() { Name = StaffWorld.AgencyBName })).ToBeHiddenAsync();
        await picker.GetByRole(AriaRole.Checkbox, new() { Name = Tourism }).CheckAsync();

        // Nobody answers there yet: said at once, before sending.
        await Assertions.Expect(coordinator.Locator("#verify-agencies-warning")).ToContainTextAsync($"Belum ada pejabat penghubung aktif di {Tourism}");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await Screenshots.SaveAsync(coordinator, "08-pemilih-instansi");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Verifikasi dan teruskan" }).ClickAsync();
        await coordinator.WaitForSelectorAsync("text=Tersimpan.");
        Assert.Contains("Terdisposisi", await coordinator.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains(Tourism, await coordinator.InnerTextAsync("main"), StringComparison.Ordinal);

        // The coordinator adds Dinas A, found by a word of a sub-unit's OPD; its officer forwards to the sub-unit.
        var adding = coordinator.Locator("#add-agency");
        await coordinator.Locator("summary", new() { HasText = "Tambah instansi" }).ClickAsync();
        await adding.GetByLabel("Cari instansi").FillAsync("dinas a");
        await adding.GetByRole(AriaRole.Radio, new() { Name = StaffWorld.AgencyAName }).CheckAsync();
        await coordinator.Locator("#add-text").FillAsync("Papan nama di jalan kabupaten.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Tambah instansi" }).ClickAsync();
        await coordinator.WaitForSelectorAsync("text=Tersimpan.");

        var officer = await StaffMenuTests.SignInAsync(browser, StaffWorld.OfficerA);
        await officer.GotoAsync($"{browser.BaseUrl}/inbox/{number}");
        await officer.Locator("summary", new() { HasText = "Delegasikan atau alihkan" }).ClickAsync();
        var forward = officer.Locator("#forward-to");
        await forward.GetByLabel("Cari instansi").FillAsync("a1");
        await Assertions.Expect(forward.GetByRole(AriaRole.Status).First).ToHaveTextAsync("1 instansi cocok");
        await forward.GetByRole(AriaRole.Radio, new() { Name = "Bidang A1" }).CheckAsync();
        await Accessibility.AssertNoViolationsAsync(officer);
        await officer.Locator("#forward-text").FillAsync("Bidang A1 menangani papan nama.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Teruskan", Exact = true }).ClickAsync();
        await officer.WaitForSelectorAsync("text=Tersimpan.");
        Assert.Contains("Bidang A1", await officer.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    /// <summary>Ticks the named agency in the verification tree, and only it (the suggestion, if any, is unticked first).</summary>
    internal static async Task TickOnlyAsync(IPage page, string agency)
    {
        var picker = page.Locator("#verify-agencies");
        await UntickAllAsync(picker);
        await picker.GetByRole(AriaRole.Checkbox, new() { Name = agency }).CheckAsync();
    }

    private static async Task UntickAllAsync(ILocator picker)
    {
        foreach (var box in await picker.Locator("input[type=checkbox]:checked").AllAsync())
        {
            await box.UncheckAsync();
        }
    }
}
