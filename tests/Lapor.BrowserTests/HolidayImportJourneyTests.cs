using Lapor.BrowserTests.Infrastructure;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>Issue 19: an office calendar with a meeting and a holiday, imported on a 1366×768 laptop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HolidayImportJourneyTests(BrowserFixture browser)
{
    private const string Calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Uji//Kantor//ID\r\n"
        + "BEGIN:VEVENT\r\nUID:rapat@uji\r\nDTSTART;TZID=Asia/Jakarta:20350312T090000\r\nDTEND;TZID=Asia/Jakarta:20350312T110000\r\nSUMMARY:Rapat evaluasi triwulan\r\nEND:VEVENT\r\n"
        + "BEGIN:VEVENT\r\nUID:libur@uji\r\nDTSTART;VALUE=DATE:20350313\r\nDTEND;VALUE=DATE:20350314\r\nSUMMARY:Cuti bersama Hari Raya Nyepi\r\nEND:VEVENT\r\n"
        + "END:VCALENDAR\r\n";

    [Fact]
    public async Task Admin_ImportsCalendarWithMeetingAndHoliday_PreviewShowsBoth_OnlyHolidayIsSaved()
    {
        await StaffWorld.CreateAsync(browser.App);
        var page = await browser.NewPageAsync(new ViewportSize { Width = 1366, Height = 768 });
        await page.GotoAsync($"{browser.BaseUrl}/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(StaffWorld.Admin);
        await page.GetByLabel("Kata sandi").FillAsync(Citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        await page.GotoAsync($"{browser.BaseUrl}/admin/libur");
        await page.GetByLabel("Berkas CSV atau iCalendar (.ics)").SetInputFilesAsync(new FilePayload { Name = "kantor.ics", MimeType = "text/calendar", Buffer = System.Text.Encoding.UTF8.GetBytes(Calendar) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Impor" }).ClickAsync();

        await page.WaitForSelectorAsync("[data-testid=preview-days]");
        Assert.Equal(["2035-03-13"], await page.Locator("[data-testid=preview-days] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.date)"));
        Assert.Equal("JointLeave", await page.GetByLabel("Jenis hari libur Selasa, 13 Maret 2035").InputValueAsync());
        Assert.Contains("Rapat evaluasi triwulan", await page.InnerTextAsync("[data-testid=preview-skipped]"), StringComparison.Ordinal);
        Assert.False(await browser.App.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Date.Year == 2035)));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-libur-pratinjau");

        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan 1 hari libur" }).ClickAsync();
        await page.WaitForSelectorAsync("text=1 hari libur ditambahkan");

        var saved = await browser.App.WithDbAsync(db => db.Holidays.Where(h => h.Date.Year == 2035).Select(h => h.Date).ToListAsync());
        Assert.Equal([new DateOnly(2035, 3, 13)], saved);
    }
}
