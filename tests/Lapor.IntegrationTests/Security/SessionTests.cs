using System.Net;
using Lapor.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Security;

/// <summary>
/// Every sign-in cookie points to a server-side session (ASVS 7.4.x): a copy of the cookie taken
/// before sign-out, a password or second-factor change, or "sign out everywhere" is refused after it.
/// </summary>
public sealed class SessionTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string AuthCookie = "__Host-lapor.auth";

    [Fact]
    public async Task ACookieCopiedBeforeSignOut_IsRefusedAfterIt()
    {
        await StaffWorld.CreateAsync(app);
        var (officer, jar) = await SignInWithJarAsync(StaffWorld.OfficerA);
        var thief = Thief(jar);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/inbox")).StatusCode);

        var page = await HtmlPage.GetAsync(officer, "/inbox");
        var logout = await officer.PostAsync("/Account/Logout", Form(page.AntiforgeryToken("/Account/Logout")));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var afterwards = await thief.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Equal("/Account/Login", afterwards.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/dashboard/ekspor-laporan.csv")).StatusCode);
    }

    /// <summary>
    /// On a page anyone may open, a refused cookie must fall back to a visitor: the same statement that checks the
    /// session reads the unread-notices count (issue 22), and neither the count nor the staff menu may show.
    /// </summary>
    [Fact]
    public async Task ACookieCopiedBeforeSignOut_ShowsNoAccountOnAPublicPage()
    {
        await StaffWorld.CreateAsync(app);
        var (officer, jar) = await SignInWithJarAsync(StaffWorld.OfficerB);
        var thief = Thief(jar);
        Assert.NotNull((await HtmlPage.GetAsync(thief, "/")).Document.QuerySelector("a.nav-link[href='/notifikasi']"));

        var page = await HtmlPage.GetAsync(officer, "/inbox");
        var logout = await officer.PostAsync("/Account/Logout", Form(page.AntiforgeryToken("/Account/Logout")));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var afterwards = await HtmlPage.GetAsync(thief, "/");
        Assert.Equal(HttpStatusCode.OK, afterwards.Status);
        Assert.Null(afterwards.Document.QuerySelector("a.nav-link[href='/notifikasi']"));
        Assert.Null(afterwards.Document.QuerySelector("a[href='/inbox']"));
    }

    [Fact]
    public async Task ASession_EndsAtItsAbsoluteLifetime_HoweverActive()
    {
        var email = await CitizenAsync("batas.waktu@contoh.id");
        var (client, _) = await SignInWithJarAsync(email);
        var session = await app.WithDbAsync(db => db.UserSessions.SingleAsync(s => s.UserId == db.Users.Single(u => u.Email == email).Id));
        Assert.Equal(TimeSpan.FromHours(12), session.ExpiresAt - session.StartedAt);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/akun")).StatusCode);

        // The twelve hours pass (the sliding cookie alone would have gone on for ever).
        await app.WithDbAsync(db => db.UserSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/akun")).StatusCode);
    }

    [Fact]
    public async Task AkunListsTheSessions_AndEndingOneSignsThatBrowserOut()
    {
        var email = await CitizenAsync("dua.perangkat@contoh.id");
        var (laptop, _) = await SignInWithJarAsync(email, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36");
        var (phone, _) = await SignInWithJarAsync(email, "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36");

        var page = await HtmlPage.GetAsync(laptop, "/akun");
        var rows = page.Document.QuerySelectorAll("[data-testid=sessions] li");
        Assert.Equal(2, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains("Chrome · Android", StringComparison.Ordinal) && r.QuerySelector("form") is not null);
        Assert.Contains(rows, r => r.TextContent.Contains("Chrome · Linux", StringComparison.Ordinal) && r.TextContent.Contains("Perangkat ini", StringComparison.Ordinal));
        var phoneSession = rows.Single(r => r.QuerySelector("form") is not null).GetAttribute("data-session")!;

        var ended = await laptop.PostAsync("/akun/sesi/akhiri", Form(page.AntiforgeryToken("/akun/sesi/akhiri"), ("id", phoneSession)));

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/akun")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/akun")).StatusCode);
    }

    [Fact]
    public async Task NobodyCanEndAnotherPersonsSession()
    {
        var victim = await CitizenAsync("korban.sesi@contoh.id");
        var (victimBrowser, _) = await SignInWithJarAsync(victim);
        var victimSession = await app.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == db.Users.Single(u => u.Email == victim).Id).Select(s => s.Id).SingleAsync());
        var (attacker, _) = await SignInWithJarAsync(await CitizenAsync("penyerang.sesi@contoh.id"));
        var page = await HtmlPage.GetAsync(attacker, "/akun");

        var response = await attacker.PostAsync("/akun/sesi/akhiri", Form(page.AntiforgeryToken("/akun/sesi/akhiri-semua"), ("id", victimSession)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victimBrowser.GetAsync("/akun")).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.UserSessions.Where(s => s.Id == victimSession).Select(s => s.EndedAt).SingleAsync()));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEveryCookie_ThisOneToo()
    {
        var email = await CitizenAsync("semua.keluar@contoh.id");
        var (first, jar) = await SignInWithJarAsync(email);
        var (second, _) = await SignInWithJarAsync(email);
        var copy = Thief(jar);
        var page = await HtmlPage.GetAsync(first, "/akun");

        var response = await first.PostAsync("/akun/sesi/akhiri-semua", Form(page.AntiforgeryToken("/akun/sesi/akhiri-semua")));

        Assert.Equal("/Account/Login", response.Headers.Location!.OriginalString);
        foreach (var browser in new[] { first, second, copy })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/akun")).StatusCode);
        }
    }

    [Fact]
    public async Task ChangingThePassword_NeedsTheCurrentOne_AndSignsEveryOtherBrowserOut()
    {
        var email = await CitizenAsync("ganti.sandi@contoh.id");
        var (here, _) = await SignInWithJarAsync(email);
        var (elsewhere, _) = await SignInWithJarAsync(email);
        var page = await HtmlPage.GetAsync(here, "/akun");

        var wrong = await HtmlPage.FromAsync(await here.PostAsync("/akun/kata-sandi", Form(page.AntiforgeryToken("/akun/kata-sandi"),
            ("ChangePassword.CurrentPassword", "bukan sandi saya"), ("ChangePassword.NewPassword", "sandi baru untuk akun ini"), ("ChangePassword.ConfirmPassword", "sandi baru untuk akun ini"))));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("Kata sandi sekarang tidak cocok.", wrong.FieldError("ChangePassword.CurrentPassword"));

        // The error is tied to its field for screen readers.
        var field = wrong.Document.QuerySelector("input[name='ChangePassword.CurrentPassword']")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var message = wrong.Document.GetElementById(field.GetAttribute("aria-describedby")!.Split(' ')[^1])!;
        Assert.Equal("Kesalahan: Kata sandi sekarang tidak cocok.", message.TextContent.Trim()); // as a screen reader reads it
        Assert.Null(wrong.Document.QuerySelector("input[name='ChangePassword.NewPassword']")!.GetAttribute("aria-invalid"));

        var changed = await here.PostAsync("/akun/kata-sandi", Form(page.AntiforgeryToken("/akun/kata-sandi"),
            ("ChangePassword.CurrentPassword", Citizen.Password), ("ChangePassword.NewPassword", "sandi baru untuk akun ini"), ("ChangePassword.ConfirmPassword", "sandi baru untuk akun ini")));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/akun")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/akun")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Citizen.SignInAsync(app.CreateBrowser(), email)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(app.CreateBrowser(), email, "sandi baru untuk akun ini")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == email && m.Template == "PasswordChanged")));
    }

    [Fact]
    public async Task OpeningTheTwoFactorSetUp_SignsNobodyOut_TurningItOn_SignsTheOthersOut()
    {
        var email = await CitizenAsync("lihat.dua.faktor@contoh.id");
        var (laptop, _) = await SignInWithJarAsync(email);
        var (phone, _) = await SignInWithJarAsync(email);

        var setup = await HtmlPage.GetAsync(phone, "/akun/dua-faktor");
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/akun")).StatusCode);

        var key = setup.Document.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
        Assert.Equal(HttpStatusCode.OK, (await phone.PostAsync("/akun/dua-faktor", Form(setup.AntiforgeryToken("/akun/dua-faktor"), ("code", code)))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/akun")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/akun")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == email && m.Template == "TwoFactorChanged")));
    }

    [Fact]
    public async Task WrongPasswordsOnTheDeletePage_CountAsFailedSignIns()
    {
        var email = await CitizenAsync("hapus.tebak@contoh.id");
        var (borrowed, _) = await SignInWithJarAsync(email, address: "192.0.2.31");
        var page = await HtmlPage.GetAsync(borrowed, "/akun");

        for (var i = 0; i < 5; i++)
        {
            var wrong = await borrowed.PostAsync("/akun/hapus", Form(page.AntiforgeryToken("/akun/hapus"), ("password", $"tebakan ke-{i}")));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var right = await HtmlPage.FromAsync(await borrowed.PostAsync("/akun/hapus", Form(page.AntiforgeryToken("/akun/hapus"), ("password", Citizen.Password))));
        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Contains("dikunci sementara", right.Text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Equal(HttpStatusCode.BadRequest, (await Citizen.SignInAsync(app.CreateBrowserFrom("192.0.2.31"), email)).StatusCode);
        Assert.Equal(5, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == Lapor.Web.Domain.Auditing.AuditAction.SignInFailed && a.UserId == db.Users.Single(u => u.Email == email).Id)));
    }

    private async Task<string> CitizenAsync(string email)
    {
        await Citizen.CreateAccountAsync(app, email);
        return email;
    }

    /// <summary>A browser whose cookie jar the test can read, signed in as <paramref name="email"/>.</summary>
    private async Task<(HttpClient Client, CookieContainer Jar)> SignInWithJarAsync(string email, string? userAgent = null, string? address = null)
    {
        var jar = new CookieContainer();
        var client = app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(jar));
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(LaporAppFactory.ClientAddressHeader, address);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(client, email)).StatusCode);
        return (client, jar);
    }

    /// <summary>Someone else's client carrying a copy of the sign-in cookie.</summary>
    private HttpClient Thief(CookieContainer jar)
    {
        var cookie = jar.GetCookies(new Uri("https://localhost"))[AuthCookie] ?? throw new InvalidOperationException("No sign-in cookie in the jar.");
        var thief = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        return thief;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
