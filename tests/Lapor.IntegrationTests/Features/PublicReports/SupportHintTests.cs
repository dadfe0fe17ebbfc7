using System.Globalization;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.PublicReports;

/// <summary>A guest on a public report learns how to support it: sign in and come back, or register.</summary>
public sealed class SupportHintTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task PublicReport_Guest_SeesSignInToSupportWithTheWayBack()
    {
        var number = await PublicReportAsync();

        var page = await HtmlPage.GetAsync(app.CreateBrowser(), $"/laporan/{number}");

        var hint = page.Document.QuerySelector("[data-testid=support-hint]");
        Assert.NotNull(hint);
        var signIn = hint.QuerySelectorAll("a")[0];
        Assert.Equal("Masuk untuk mendukung", signIn.TextContent.Trim());
        Assert.Equal($"/Account/Login?returnUrl=%2Flaporan%2F{number}", signIn.GetAttribute("href"));
        Assert.Contains(hint.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Account/Register");
        Assert.Null(page.Document.QuerySelector($"form[action='/laporan/{number}/dukung']"));
    }

    [Fact]
    public async Task PublicReport_SignedInCitizen_GetsTheButtonNotTheHint()
    {
        var number = await PublicReportAsync();
        await Citizen.CreateAccountAsync(app, "pendukung@contoh.id");
        var citizen = app.CreateBrowser();
        await Citizen.SignInAsync(citizen, "pendukung@contoh.id");

        var page = await HtmlPage.GetAsync(citizen, $"/laporan/{number}");

        Assert.Null(page.Document.QuerySelector("[data-testid=support-hint]"));
        Assert.NotNull(page.Document.QuerySelector($"form[action='/laporan/{number}/dukung']"));
    }

    private async Task<string> PublicReportAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Jembatan retak");
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        return number;
    }
}
