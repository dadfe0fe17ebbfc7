using System.Net;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.Account;

/// <summary>After signing in a citizen lands on "Laporan Saya", unless a page asked for the sign-in; staff land where they did.</summary>
public sealed class SignInLandingTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task SignIn_Citizen_LandsOnLaporanSaya()
    {
        await Citizen.CreateAccountAsync(app, "warga.mendarat@contoh.id");

        var response = await Citizen.SignInAsync(app.CreateBrowser(), "warga.mendarat@contoh.id");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/laporan-saya", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_CitizenWithReturnUrl_GoesBackThere()
    {
        await Citizen.CreateAccountAsync(app, "warga.kembali@contoh.id");
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Login?returnUrl=%2Flaporan%2FLPR-ABCD-2345");

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken("/Account/Login"),
            ["Email"] = "warga.kembali@contoh.id",
            ["Password"] = Citizen.Password,
            ["ReturnUrl"] = page.InputValue("ReturnUrl"),
        }));

        Assert.Equal("/laporan/LPR-ABCD-2345", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(StaffWorld.OfficerA, "/inbox")]
    [InlineData(StaffWorld.HeadA, "/inbox")]
    [InlineData(StaffWorld.Coordinator, "/inbox")]
    [InlineData(StaffWorld.Overseer, "/inbox")]
    [InlineData(StaffWorld.Admin, "/admin/pengguna")]
    public async Task SignIn_Staff_LandsOnTheirWork(string email, string landing)
    {
        await StaffWorld.CreateAsync(app);

        var response = await Citizen.SignInAsync(app.CreateBrowser(), email);

        Assert.Equal(landing, response.Headers.Location!.OriginalString);
    }
}
