using System.Text.RegularExpressions;
using Lapor.BrowserTests.Infrastructure;
using Lapor.TestSupport;
using Lapor.Web.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>
/// A village operator at a walk-in desk, on a phone: files for a resident, prints the slip, and the resident
/// opens the report at home with the slip's number and code.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OperatorDeskJourneyTests(BrowserFixture browser)
{
    private const string OperatorEmail = "operator.desk@lapor.test";
    private const string ServicePoint = "Kantor Desa Mekarsari, Kecamatan Uji";

    [Fact]
    public async Task Operator_FilesForAResident_PrintsTheSlip_AndTheResidentOpensTheReportWithIt()
    {
        await EnsureOperatorAsync();
        var phone = new ViewportSize { Width = 390, Height = 844 };
        var desk = await browser.NewPageAsync(phone);
        await desk.GotoAsync($"{browser.BaseUrl}/Account/Login");
        await desk.GetByLabel("E-mail").FillAsync(OperatorEmail);
        await desk.GetByLabel("Kata sandi").FillAsync(Citizen.Password);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).Last.ClickAsync();
        await desk.WaitForURLAsync(DeskUrl());
        await Accessibility.AssertNoViolationsAsync(desk);

        await desk.GotoAsync($"{browser.BaseUrl}/operator/lapor");
        await Accessibility.AssertNoViolationsAsync(desk);
        await desk.GetByRole(AriaRole.Radio, new() { Name = "Pengaduan", Exact = true }).CheckAsync();
        await desk.Locator("#Form_Title").FillAsync("Jembatan gantung Dusun Kidul putus sebagian");
        await desk.Locator("#Form_Body").FillAsync("Dua tali jembatan gantung putus, anak sekolah memutar lima kilometer setiap hari.");
        await desk.Locator("#Form_Location").FillAsync("Dusun Kidul, Desa Mekarsari");

        // Without the resident's consent nothing is filed, and what was typed stays.
        await desk.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await Assertions.Expect(desk.GetByText("Laporan hanya dapat dikirim dengan persetujuan warga").First).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator("#Form_Title")).ToHaveValueAsync("Jembatan gantung Dusun Kidul putus sebagian");

        await desk.GetByLabel("Warga yang bersangkutan hadir", new() { Exact = false }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        var number = (await desk.GetByTestId("tracking-number").InnerTextAsync()).Trim();
        var code = (await desk.GetByTestId("access-code").InnerTextAsync()).Trim();
        Assert.Matches("^LPR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", number);
        await Assertions.Expect(desk.GetByTestId("slip")).ToContainTextAsync(ServicePoint);
        await Accessibility.AssertNoViolationsAsync(desk);

        // Printed: the slip alone, no wider than a receipt roll.
        await desk.EmulateMediaAsync(new() { Media = Media.Print });
        var slipWidth = await desk.GetByTestId("slip").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.InRange(slipWidth, 100, 80 / 25.4 * 96);
        await Screenshots.SaveAsync(desk, "operator-tanda-terima-cetak");
        await desk.EmulateMediaAsync(new() { Media = Media.Screen });

        // The operator's own list has it.
        await desk.GotoAsync($"{browser.BaseUrl}/operator");
        await Assertions.Expect(desk.GetByText(number)).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(desk);

        // The resident at home, with the slip.
        var resident = await browser.NewPageAsync(phone);
        await resident.GotoAsync($"{browser.BaseUrl}/lacak/{number}");
        await resident.GetByLabel("Kode akses").FillAsync(code);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Buka laporan" }).ClickAsync();
        await resident.WaitForSelectorAsync("#details");
        await Assertions.Expect(resident.GetByText("Dua tali jembatan gantung putus", new() { Exact = false })).ToBeVisibleAsync();
    }

    private async Task EnsureOperatorAsync()
    {
        if (await browser.App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == OperatorEmail)))
        {
            return;
        }

        var id = await Citizen.CreateAccountAsync(browser.App, OperatorEmail, Roles.VillageOperator);
        await browser.App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.ServicePoint = ServicePoint;
            await db.SaveChangesAsync();
        });
    }

    [GeneratedRegex(@"/operator/?$")]
    private static partial Regex DeskUrl();
}
