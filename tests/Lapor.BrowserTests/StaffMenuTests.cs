using Lapor.BrowserTests.Infrastructure;
using Lapor.TestSupport;
using Lapor.Web.Domain.Accounts;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>The staff menu on a 1366×768 screen: one line for every role, its menus real disclosure buttons.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffMenuTests(BrowserFixture browser)
{
    private const string EveryRole = "semua.peran@uji.id";

    private static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 };

    [Fact]
    public async Task StaffMenu_ForEachRoleAndForEveryRoleAtOnce_FitsOnOneLineAt1366()
    {
        var world = await StaffWorld.CreateAsync(browser.App);
        await TestAgencies.AccountAsync(browser.App, EveryRole, [Roles.Officer, Roles.AgencyHead, Roles.Coordinator, Roles.Oversight, Roles.Administrator], world.AgencyA, world.Region);

        foreach (var email in new[] { EveryRole, StaffWorld.OfficerA, StaffWorld.HeadA, StaffWorld.Coordinator, StaffWorld.Overseer, StaffWorld.Admin })
        {
            var page = await SignInAsync(browser, email, Laptop);
            await page.GotoAsync($"{browser.BaseUrl}/inbox");

            // One line: every item of the bar starts above the bottom of every other (a second row would start below the first).
            var boxes = new List<LocatorBoundingBoxResult>();
            foreach (var item in await page.Locator(".navbar-brand, #nav > ul > li").AllAsync())
            {
                boxes.Add(await item.BoundingBoxAsync() ?? throw new InvalidOperationException($"A menu item is not shown for {email}."));
            }

            Assert.True(boxes.Max(b => b.Y) < boxes.Min(b => b.Y + b.Height), $"The menu of {email} wraps: {string.Join(", ", boxes.Select(b => $"{b.X}/{b.Y}"))}");
            Assert.True(await page.Locator("nav.navbar").EvaluateAsync<double>("n => n.getBoundingClientRect().height") < 70);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task StaffMenus_OpenAndCloseFromTheKeyboard_AndSayWhetherTheyAreOpen()
    {
        var world = await StaffWorld.CreateAsync(browser.App);
        await TestAgencies.AccountAsync(browser.App, EveryRole, [Roles.Officer, Roles.AgencyHead, Roles.Coordinator, Roles.Oversight, Roles.Administrator], world.AgencyA, world.Region);
        var page = await SignInAsync(browser, EveryRole, Laptop);
        await page.GotoAsync($"{browser.BaseUrl}/inbox");

        foreach (var (menu, link) in new[] { ("Administrasi", "Pengguna"), ("Portal publik", "Buat Laporan"), (EveryRole, "Akun saya") })
        {
            var button = page.GetByRole(AriaRole.Button, new() { Name = menu, Exact = true });
            await button.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
            await Assertions.Expect(button).ToBeFocusedAsync();
        }

        // Signing out sits in the account menu.
        await page.GetByRole(AriaRole.Button, new() { Name = EveryRole, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Masuk", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Signs in through the form; where the app then lands (home, inbox, queue) is not this test's business.</summary>
    internal static async Task<IPage> SignInAsync(BrowserFixture browser, string email, ViewportSize? viewport = null)
    {
        var page = await browser.NewPageAsync(viewport ?? Laptop);
        await page.GotoAsync($"{browser.BaseUrl}/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }
}
