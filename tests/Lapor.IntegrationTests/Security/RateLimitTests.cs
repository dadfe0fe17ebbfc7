using System.Net;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Security;

/// <summary>
/// Anti-automation with the shipped limits: 429 with Retry-After, and a locked account stays locked
/// (QUALITY 20, 22). Each test has its own app, because every test client shares one address.
/// </summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly ProductionSecurityAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task SixtyRapidSignInPosts_MeetA429WithRetryAfter()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Login");
        var token = page.AntiforgeryToken("/Account/Login");

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 60; i++)
        {
            statuses.Add(await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = $"tebak{i}@contoh.id",
                ["Password"] = "coba-coba-saja",
                ["__RequestVerificationToken"] = token,
            })));
        }

        var limited = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.True(limited[0].Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After in seconds");
        Assert.All(statuses.TakeWhile(r => r.StatusCode != HttpStatusCode.TooManyRequests), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Fact]
    public async Task EightWrongPasswords_LockThatAddressOutOfTheAccount_BeforeTheRateLimitStepsIn()
    {
        await Citizen.CreateAccountAsync(app, "petugas.kunci@contoh.id");
        var client = app.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await Citizen.SignInAsync(client, "petugas.kunci@contoh.id", $"salah ke-{i} sekali")).StatusCode);
        }

        var rightPassword = await HtmlPage.FromAsync(await Citizen.SignInAsync(client, "petugas.kunci@contoh.id"));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Contains("dikunci sementara selama 15 menit", rightPassword.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(app.CreateBrowserFrom("192.0.2.99"), "petugas.kunci@contoh.id")).StatusCode);
    }

    [Fact]
    public async Task ForgottenPasswordRequests_MeetA429AfterTenAnHour_AndTheAccountGetsOneMail()
    {
        await Citizen.CreateAccountAsync(app, "dibanjiri@contoh.id");
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/ForgotPassword");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await client.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "dibanjiri@contoh.id",
                ["__RequestVerificationToken"] = page.AntiforgeryToken("/Account/ForgotPassword"),
            }))).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 10), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "dibanjiri@contoh.id" && m.Template == "PasswordReset")));
    }

    [Fact]
    public async Task FilingBeyondFivePerMinute_MeetsA429_AndTheSixthReportIsNotCreated()
    {
        var client = app.CreateBrowser();
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await Citizen.FileAsync(client, title: $"Laporan beruntun nomor {i}")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(before + 5, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    /// <summary>Forms sent back with an error cost nothing: the five filings a minute are all still there afterwards.</summary>
    [Fact]
    public async Task FilingLimit_CountsOnlyFiledReports_NotFormsSentBackWithErrors()
    {
        var client = app.CreateBrowser();
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Citizen.FileAsync(client, title: "Pendek")).StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Citizen.FileAsync(client, title: $"Laporan setelah salah isian {i}")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
    }

    /// <summary>At the limit the form comes back (429) with what was typed and the photo kept, and says when to send again.</summary>
    [Fact]
    public async Task FilingLimit_Reached_Answers429WithTheFormKeptAndTheTimeToTryAgain()
    {
        var client = app.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Citizen.FileAsync(client, title: $"Laporan beruntun nomor {i}")).StatusCode);
        }

        var response = await Citizen.FileAsync(client, title: "Laporan keenam yang tertahan", extra: f => Citizen.AddFile(f, TestImages.Jpeg(), "bukti.jpg", "image/jpeg"));

        var page = await HtmlPage.FromAsync(response);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("Laporan keenam yang tertahan", page.InputValue("Form.Title"));
        Assert.Contains("Silakan kirim lagi setelah pukul", page.Text, StringComparison.Ordinal);
        Assert.Matches(@"pukul \d{2}[.:]\d{2} WIB", page.Text);
        Assert.Equal("Formulir belum terkirim.", page.Document.QuerySelector("#error-summary-title")!.TextContent);
        Assert.Contains("bukti.jpg", page.Document.QuerySelector(".uploader-list")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("input[name='Form.Staged']"));
        Assert.False(await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.Title == "Laporan keenam yang tertahan")));
    }

    /// <summary>Citizens behind one carrier address do not share a budget: each browser (its filing cookie) has its own.</summary>
    [Fact]
    public async Task FilingLimit_AnotherBrowserAtTheSameAddress_StillFiles()
    {
        var first = app.CreateBrowserFrom("203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Citizen.FileAsync(first, title: $"Laporan warga pertama {i}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Citizen.FileAsync(first, title: "Laporan warga pertama lagi")).StatusCode);

        var second = app.CreateBrowserFrom("203.0.113.7");
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.FileAsync(second, title: "Laporan warga kedua")).StatusCode);
    }

    /// <summary>Dropping the filing cookie is no way around the limit: browsers without it share a stricter budget per address.</summary>
    [Fact]
    public async Task FilingLimit_WithoutTheFilingCookie_SharesAStricterBudgetPerAddress()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await FileWithoutFilingCookieAsync($"Laporan tanpa kuki nomor {i}")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 3), HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>A browser that keeps the antiforgery cookie but never sends the filing cookie back.</summary>
    private async Task<HttpResponseMessage> FileWithoutFilingCookieAsync(string title)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = app.ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/lapor");
        var cookies = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => !c.Contains("lapor.browser", StringComparison.Ordinal));
        var page = await HtmlPage.FromAsync(form);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/lapor")
        {
            Content = Citizen.ReportForm(page.AntiforgeryToken("/lapor"), Guid.Parse(page.InputValue("Form.SubmissionToken")), title),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(request);
    }
}
