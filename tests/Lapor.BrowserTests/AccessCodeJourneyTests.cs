using System.Text.RegularExpressions;
using Lapor.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;

namespace Lapor.BrowserTests;

/// <summary>
/// Issue 18 item 1 on a phone: a guest who files never loses their report — not by following it, not
/// by reloading or going back, and not by changing browser, thanks to the link in the confirmation mail.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccessCodeJourneyTests(BrowserFixture browser)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private const string Body = "Lubang besar di tengah jalan";

    [Fact]
    public async Task Guest_FollowsReloadsAndGoesBack_StillReadsTheReport_ThenOpensTheMailedLinkInAFreshBrowser()
    {
        var page = await browser.NewPageAsync(Phone);
        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        var (number, code) = await CitizenJourneyTests.FileAsync(page, "Selokan mampet di Jl. Anggrek");
        var confirmation = page.Url;
        await Screenshots.SaveAsync(page, "02b-konfirmasi-kode-akses");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lihat status laporan" }).ClickAsync();
        await page.WaitForURLAsync($"{browser.BaseUrl}/lacak/{number}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Body);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Body);

        await page.GoBackAsync();
        await page.WaitForURLAsync(confirmation);
        await Assertions.Expect(page.GetByTestId("access-code")).ToHaveTextAsync(code);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("access-code")).ToHaveTextAsync(code);

        await page.GoForwardAsync();
        await page.WaitForURLAsync($"{browser.BaseUrl}/lacak/{number}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Body);
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByTestId("access-code")).ToHaveTextAsync(code);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sudah saya catat" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Kode akses tidak lagi ditampilkan");
        await Assertions.Expect(page.GetByTestId("access-code")).ToHaveCountAsync(0);
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByTestId("tracking-number")).ToHaveTextAsync(number);
        await Assertions.Expect(page.GetByTestId("access-code")).ToHaveCountAsync(0);

        var link = new Uri(LinkPattern().Match((await ConfirmationMailAsync(number)).TextBody ?? "").Value);
        var fresh = await browser.NewPageAsync(Phone);
        await fresh.GotoAsync($"{browser.BaseUrl}/lacak/{number}");
        await Assertions.Expect(fresh.GetByRole(AriaRole.Button, new() { Name = "Kirim ulang tautan" })).ToBeVisibleAsync();
        await Assertions.Expect(fresh.Locator("main")).Not.ToContainTextAsync(Body);
        await Screenshots.SaveAsync(fresh, "07a-lacak-terkunci");
        await fresh.GotoAsync($"{browser.BaseUrl}{link.PathAndQuery}");

        await fresh.WaitForURLAsync($"{browser.BaseUrl}/lacak/{number}");
        await Assertions.Expect(fresh.Locator("main")).ToContainTextAsync(Body);
        await Screenshots.SaveAsync(fresh, "07b-lacak-dari-tautan-email");
    }

    /// <summary>The confirmation the app's own outbox job wrote to the pickup folder (the job polls every two seconds).</summary>
    private async Task<MimeMessage> ConfirmationMailAsync(string number)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(browser.App.MailPath))
            {
                foreach (var file in Directory.GetFiles(browser.App.MailPath, "*.eml"))
                {
                    var mail = await MimeMessage.LoadAsync(file);
                    if (mail.Subject?.Contains(number, StringComparison.Ordinal) == true)
                    {
                        return mail;
                    }
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No confirmation mail for {number}.");
    }

    [GeneratedRegex(@"https?://\S+/lacak/LPR-[A-Z0-9-]+/tautan\?t=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
