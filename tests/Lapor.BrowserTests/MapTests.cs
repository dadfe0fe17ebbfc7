using System.Text.RegularExpressions;
using Lapor.BrowserTests.Infrastructure;
using Lapor.TestSupport;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>The point of a report (issue 18): set on a phone, seen by the officer, rounded for the public.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MapTests(BrowserFixture browser)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>The citizen taps "Gunakan lokasi saya" (geolocation granted, emulated), files, and the officer sees the same point.</summary>
    [Fact]
    public async Task PointFromThePhonesLocation_ShowsOnTheOfficersPage_AtTheSameCoordinates()
    {
        var world = await StaffWorld.CreateAsync(browser.App);
        var errors = new List<string>();
        var citizen = await browser.NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = Phone, Locale = "id-ID", HasTouch = true, IsMobile = true,
            Geolocation = new Geolocation { Latitude = -7.25f, Longitude = 112.75f }, Permissions = ["geolocation"],
        });
        citizen.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        citizen.PageError += (_, error) => errors.Add(error);
        await citizen.GotoAsync($"{browser.BaseUrl}/lapor");

        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gunakan lokasi saya" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status).Filter(new() { HasText = "Titik dipilih" })).ToContainTextAsync("-7.25, 112.75");
        await Assertions.Expect(citizen.Locator(".lapor-map .leaflet-marker-icon")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(citizen);
        await Screenshots.SaveAsync(citizen, "18-titik-lokasi-ponsel");
        var (number, _) = await CitizenJourneyTests.FileAsync(citizen, "Tiang listrik miring di Jl. Pemuda");

        var coordinator = await SignInAsync(StaffWorld.Coordinator);
        await coordinator.GotoAsync($"{browser.BaseUrl}/inbox/{number}");

        await Assertions.Expect(coordinator.Locator(".map-point [data-map-coordinates]")).ToHaveTextAsync(SamePoint());
        await Assertions.Expect(coordinator.Locator(".map-point .leaflet-marker-icon")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(coordinator);

        // Verified, it is public: the public page and the public map show it (rounded; here already round).
        await StoredReports.ActAsync(browser.App, number, (report, schedule) =>
            report.Verify(StoredReports.Coordinator, [world.AgencyA], Lapor.Web.Domain.Reports.ComplaintKind.Ordinary, null, null, schedule, DateTimeOffset.UtcNow));
        await citizen.GotoAsync($"{browser.BaseUrl}/laporan/{number}");
        await Assertions.Expect(citizen.Locator(".map-point [data-map-coordinates]")).ToHaveTextAsync(SamePoint());
        await Assertions.Expect(citizen.Locator(".map-point .leaflet-marker-icon")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(citizen);
        await citizen.GotoAsync($"{browser.BaseUrl}/peta");
        await Assertions.Expect(citizen.Locator(".lapor-map[data-loaded]")).Not.ToHaveAttributeAsync("data-loaded", "0");
        await Assertions.Expect(citizen.Locator(".lapor-map .leaflet-marker-icon").First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(citizen);
        await Screenshots.SaveAsync(citizen, "18-peta-laporan-ponsel");
        Assert.Empty(errors);
    }

    /// <summary>A tap on the map sets the pin; "hapus titik" takes it away; a validation error keeps it.</summary>
    [Fact]
    public async Task TapOnTheMap_SetsThePoint_AValidationErrorKeepsIt_AndHapusTitikRemovesIt()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = Phone, Locale = "id-ID", HasTouch = true, IsMobile = true });
        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        var status = page.Locator("[data-place-status]");

        // Leaflet comes only with the map, which the citizen opens.
        await Assertions.Expect(page.Locator(".lapor-map")).ToBeHiddenAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').filter(r => r.name.includes('leaflet')).length"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tandai di peta" }).ClickAsync();
        await page.Locator(".lapor-map").TapAsync(new() { Position = new() { X = 100, Y = 80 } });
        await Assertions.Expect(status).ToContainTextAsync("Titik dipilih");
        var latitude = await page.Locator("[data-place-lat]").InputValueAsync();
        Assert.Matches(@"^-?\d+(\.\d+)?$", latitude);

        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForSelectorAsync(".field-validation-error");
        Assert.Equal(latitude, await page.Locator("[data-place-lat]").InputValueAsync());
        await Assertions.Expect(page.Locator(".lapor-map .leaflet-marker-icon")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Hapus titik" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Belum ada titik yang dipilih.");
        Assert.Equal("", await page.Locator("[data-place-lat]").InputValueAsync());
        await Assertions.Expect(page.Locator(".lapor-map .leaflet-marker-icon")).ToHaveCountAsync(0);
    }

    /// <summary>No tile server reachable: the map stays grey with its pin, a line says so, the coordinates are written; no script error.</summary>
    [Fact]
    public async Task TilesUnreachable_TheFormStillShowsThePointInWords()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = Phone, Locale = "id-ID" });
        await page.Context.RouteAsync("http://tiles.lapor.test/**", route => route.AbortAsync("internetdisconnected"));
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tandai di peta" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-map-offline]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pasang titik di tengah peta" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-place-status]")).ToContainTextAsync("Titik dipilih: -2.5, 118");
        await Assertions.Expect(page.Locator(".lapor-map .leaflet-marker-icon")).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{browser.BaseUrl}/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).Last.ClickAsync();
        await page.WaitForURLAsync(HomeUrl());
        return page;
    }

    [GeneratedRegex(@"^-7\.250*, 112\.750*$")]
    private static partial Regex SamePoint();

    [GeneratedRegex(@"^http://[^/]+/")]
    private static partial Regex HomeUrl();
}
