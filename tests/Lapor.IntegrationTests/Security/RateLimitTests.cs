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
}
