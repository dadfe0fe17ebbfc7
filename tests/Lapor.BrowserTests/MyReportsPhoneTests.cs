using System.Text.RegularExpressions;
using Lapor.BrowserTests.Infrastructure;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lapor.BrowserTests;

/// <summary>"Laporan Saya" on a phone: cards, every status badge inside the screen, the report waiting on its reporter marked.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MyReportsPhoneTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(320, 640)]
    [InlineData(390, 844)]
    public async Task LaporanSaya_OnAPhone_CardsWithStatusInViewAndTheQuestionMarked(int width, int height)
    {
        var email = $"warga.ponsel{width}@contoh.id";
        var asked = await ReportsOfACitizenAsync(email);

        var page = await browser.NewPageAsync(new ViewportSize { Width = width, Height = height });
        await page.GotoAsync($"{browser.BaseUrl}/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).Last.ClickAsync();
        await page.WaitForURLAsync(MyReportsUrl());

        var cards = page.GetByTestId("my-report");
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        Assert.Equal(0, await page.Locator("main table").CountAsync());
        var first = cards.First;
        await Assertions.Expect(first.GetByTestId("awaits-you")).ToHaveTextAsync("Menunggu jawaban Anda");
        await Assertions.Expect(first).ToContainTextAsync(asked);
        Assert.Equal(0, await cards.Nth(1).GetByTestId("awaits-you").CountAsync());

        for (var i = 0; i < 2; i++)
        {
            foreach (var badge in await cards.Nth(i).Locator(".status-badge").AllAsync())
            {
                var box = await badge.BoundingBoxAsync();
                Assert.NotNull(box);
                Assert.True(box.X >= 0 && box.X + box.Width <= width, $"badge at {box.X}+{box.Width} leaves a {width} px screen");
            }

            var card = (await cards.Nth(i).BoundingBoxAsync())!;
            Assert.True(card.X >= 0 && card.X + card.Width <= width, $"card at {card.X}+{card.Width} leaves a {width} px screen");
        }

        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, $"laporan-saya-{width}");

        // The whole card leads to the report.
        await first.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/lacak/{asked}");
    }

    /// <summary>
    /// A citizen with two reports, stored through the real domain methods: one an officer asked a question
    /// about (with a long title), one just filed.
    /// </summary>
    private async Task<string> ReportsOfACitizenAsync(string email)
    {
        var world = await StaffWorld.CreateAsync(browser.App);
        var reporter = new Actor(await Citizen.CreateAccountAsync(browser.App, email), ActorRole.Citizen);
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var officer = Actor.Officer(await db.Users.Where(u => u.Email == StaffWorld.OfficerA).Select(u => u.Id).SingleAsync(), [world.AgencyA]);
        var coordinator = new Actor(await db.Users.Where(u => u.Email == StaffWorld.Coordinator).Select(u => u.Id).SingleAsync(), ActorRole.Coordinator);
        var asked = Report.Submit(Draft("Penerangan jalan umum di sepanjang Jalan Pahlawan Kemerdekaan mati total"), reporter, Channel.Web, Guid.NewGuid(), null, schedule, now.AddMinutes(-10));
        asked.Verify(coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, schedule, now.AddMinutes(-5));
        asked.RequestInformation(officer, "Mulai dari tiang nomor berapa?", now.AddMinutes(-1));
        db.Reports.Add(asked);
        db.Reports.Add(Report.Submit(Draft("Sampah menumpuk"), reporter, Channel.Web, Guid.NewGuid(), null, schedule, now));
        await db.SaveChangesAsync();
        return asked.TrackingNumber;
    }

    private static ReportDraft Draft(string title) =>
        new(Classification.Complaint, title, "Sudah seminggu tidak ada perbaikan.", null, null, null, null, null, null, false, false);

    [GeneratedRegex("/laporan-saya$")]
    private static partial Regex MyReportsUrl();
}
