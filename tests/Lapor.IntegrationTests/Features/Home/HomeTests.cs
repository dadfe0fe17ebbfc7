using System.Net;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.Home;

public sealed class HomeTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Home_ByDefault_IsIndonesian()
    {
        var page = await HtmlPage.GetAsync(app.CreateBrowser(), "/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("id", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Buat laporan", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_BrowserAskingForEnglish_StaysIndonesianUntilChosen()
    {
        var client = app.CreateBrowser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var page = await HtmlPage.GetAsync(client, "/");

        Assert.Equal("id", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task SetCulture_English_SwitchesLanguageAndReturnsToPage()
    {
        var client = app.CreateBrowser();
        var home = await HtmlPage.GetAsync(client, "/lapor");

        var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = home.AntiforgeryToken("/culture"),
            ["culture"] = "en",
            ["returnUrl"] = "/lapor",
        }));
        var english = await HtmlPage.GetAsync(client, "/lapor");

        Assert.Equal("/lapor", response.Headers.Location!.OriginalString);
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Send your report", english.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetCulture_ForeignReturnUrl_GoesHome()
    {
        var client = app.CreateBrowser();
        var home = await HtmlPage.GetAsync(client, "/");

        var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = home.AntiforgeryToken("/culture"),
            ["culture"] = "en",
            ["returnUrl"] = "//evil.example/",
        }));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Endpoints_AreHealthyWithoutSignIn(string url)
    {
        var response = await app.CreateBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPage_ShowsLocalizedNotFoundPage()
    {
        var page = await HtmlPage.GetAsync(app.CreateBrowser(), "/tidak-ada-halaman-ini");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Halaman tidak ditemukan", page.Text, StringComparison.Ordinal);
    }
}
