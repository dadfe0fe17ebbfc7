using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Lapor.IntegrationTests.Security;

/// <summary>Authenticator sign-in with recovery codes, required for coordinators and administrators (ASVS 6.3.3).</summary>
public sealed class TwoFactorTests(ProductionSecurityAppFactory app) : IClassFixture<ProductionSecurityAppFactory>
{
    [Fact]
    public async Task Coordinator_WithoutSecondFactor_CanOnlySetOneUp_ThenWorks()
    {
        await Citizen.CreateAccountAsync(app, "koor.2fa@uji.id", Roles.Coordinator);
        var client = NewBrowser();
        await Citizen.SignInAsync(client, "koor.2fa@uji.id");

        var inbox = await client.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        Assert.Equal("/akun/dua-faktor", inbox.Headers.Location!.OriginalString);
        var setup = await HtmlPage.GetAsync(client, "/akun/dua-faktor");
        var post = await client.PostAsync("/dashboard", Form(setup.AntiforgeryToken("/akun/dua-faktor")));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        var wrong = await client.PostAsync("/akun/dua-faktor", Form(setup.AntiforgeryToken("/akun/dua-faktor"), ("code", "000000")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var key = setup.Document.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", setup.Document.QuerySelector("img")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.StartsWith("otpauth://totp/", setup.Document.QuerySelector("[data-testid=otpauth-link]")!.GetAttribute("href"), StringComparison.Ordinal);
        var enabled = await HtmlPage.FromAsync(await client.PostAsync("/akun/dua-faktor", Form(setup.AntiforgeryToken("/akun/dua-faktor"), ("code", Code(key)))));

        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        Assert.Equal(10, enabled.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/inbox")).StatusCode);
    }

    /// <summary>
    /// The first visit makes the key; tabs opening it at once once answered 500 to all but one (the key row is unique
    /// per user). Each shows the one stored key. Making it renews the security stamp, so a tab whose request left with
    /// the old cookie after that may be sent to sign in again, as after any change of the stamp.
    /// </summary>
    [Fact]
    public async Task AuthenticatorSetup_OpenedInSeveralTabsAtOnce_ShowsTheOneStoredKey()
    {
        await Citizen.CreateAccountAsync(app, "banyak.tab@uji.id");
        var client = app.CreateBrowser();
        await Citizen.SignInAsync(client, "banyak.tab@uji.id");

        var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => HtmlPage.GetAsync(client, "/akun/dua-faktor")));

        Assert.All(pages, page => Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, page.Status.ToString()));
        var shown = pages.Where(page => page.Status == HttpStatusCode.OK).Select(page => page.Document.QuerySelector("[data-testid=authenticator-key]")!.TextContent).Distinct();
        var stored = await app.WithDbAsync(db => db.UserTokens.Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == "banyak.tab@uji.id")).Select(t => t.Value).SingleAsync());
        Assert.Equal(stored!.ToLowerInvariant(), Assert.Single(shown).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WithSecondFactorOn_AsksForTheCode_AndARecoveryCodeWorksOnce()
    {
        await Citizen.CreateAccountAsync(app, "admin.2fa@uji.id", Roles.Administrator);
        var (key, recoveryCodes) = await EnrolAsync("admin.2fa@uji.id");

        var client = NewBrowser();
        var password = await Citizen.SignInAsync(client, "admin.2fa@uji.id");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/pengguna")).StatusCode);

        var page = await HtmlPage.GetAsync(client, password.Headers.Location!.OriginalString);
        var wrong = await client.PostAsync("/Account/LoginWith2fa", Form(page.AntiforgeryToken("/Account/LoginWith2fa"), ("Code", "123456")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var right = await client.PostAsync("/Account/LoginWith2fa", Form(page.AntiforgeryToken("/Account/LoginWith2fa"), ("Code", Code(key, stepsAhead: 1))));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/pengguna")).StatusCode);

        Assert.True(await SignInWithRecoveryCodeAsync("admin.2fa@uji.id", recoveryCodes[0]));
        Assert.False(await SignInWithRecoveryCodeAsync("admin.2fa@uji.id", recoveryCodes[0]));

        // Typed from a printout on a phone keyboard: lower case, a space for the hyphen.
        Assert.True(await SignInWithRecoveryCodeAsync("admin.2fa@uji.id", recoveryCodes[1].ToLowerInvariant().Replace('-', ' ')));
    }

    [Fact]
    public async Task Coordinator_CannotTurnTheSecondFactorOff_ACitizenCan()
    {
        await Citizen.CreateAccountAsync(app, "koor.tetap@uji.id", Roles.Coordinator);
        await Citizen.CreateAccountAsync(app, "warga.2fa@contoh.id");

        foreach (var (email, expected) in new[] { ("koor.tetap@uji.id", HttpStatusCode.Forbidden), ("warga.2fa@contoh.id", HttpStatusCode.Redirect) })
        {
            var (key, _) = await EnrolAsync(email);
            var client = NewBrowser();
            var password = await Citizen.SignInAsync(client, email);
            var page = await HtmlPage.GetAsync(client, password.Headers.Location!.OriginalString);
            await client.PostAsync("/Account/LoginWith2fa", Form(page.AntiforgeryToken("/Account/LoginWith2fa"), ("Code", Code(key, stepsAhead: 1))));
            var profile = await HtmlPage.GetAsync(client, "/akun");

            var withoutPassword = await client.PostAsync("/akun/dua-faktor/nonaktifkan", Form(profile.AntiforgeryToken("/akun/dua-faktor/kode-pemulihan")));
            var disable = await client.PostAsync("/akun/dua-faktor/nonaktifkan", Form(profile.AntiforgeryToken("/akun/dua-faktor/kode-pemulihan"), ("password", Citizen.Password)));

            Assert.Equal(expected == HttpStatusCode.Redirect ? HttpStatusCode.BadRequest : expected, withoutPassword.StatusCode);

            Assert.Equal(expected, disable.StatusCode);
        }
    }

    [Fact]
    public async Task ACodeSignsInOnce_ASecondSignInWithTheSameCodeIsRefused()
    {
        await Citizen.CreateAccountAsync(app, "koor.ulang@uji.id", Roles.Coordinator);
        var (key, _) = await EnrolAsync("koor.ulang@uji.id");
        var code = Code(key, stepsAhead: 1);

        var first = await SecondStepAsync("koor.ulang@uji.id", code);
        var replayed = await SecondStepAsync("koor.ulang@uji.id", code);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("Kode tidak cocok", (await HtmlPage.FromAsync(replayed)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEnrolmentCode_CannotSignInAgain()
    {
        await Citizen.CreateAccountAsync(app, "admin.ulang@uji.id", Roles.Administrator);
        var client = NewBrowser();
        await Citizen.SignInAsync(client, "admin.ulang@uji.id");
        var setup = await HtmlPage.GetAsync(client, "/akun/dua-faktor");
        var key = setup.Document.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var code = Code(key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/akun/dua-faktor", Form(setup.AntiforgeryToken("/akun/dua-faktor"), ("code", code)))).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await SecondStepAsync("admin.ulang@uji.id", code)).StatusCode);
    }

    [Fact]
    public async Task RecoveryCodes_CanBeDownloadedAndPrinted_WhenShown()
    {
        await Citizen.CreateAccountAsync(app, "warga.kode@contoh.id");
        var client = NewBrowser();
        await Citizen.SignInAsync(client, "warga.kode@contoh.id");
        var setup = await HtmlPage.GetAsync(client, "/akun/dua-faktor");
        var key = setup.Document.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);

        var shown = await HtmlPage.FromAsync(await client.PostAsync("/akun/dua-faktor", Form(setup.AntiforgeryToken("/akun/dua-faktor"), ("code", Code(key)))));

        var codes = shown.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        var download = shown.Document.QuerySelector("[data-testid=download-recovery-codes]")!;
        Assert.Equal("lapor-kode-pemulihan.txt", download.GetAttribute("download"));
        var file = Uri.UnescapeDataString(download.GetAttribute("href")!["data:text/plain;charset=utf-8,".Length..]);
        Assert.All(codes, c => Assert.Contains(c, file, StringComparison.Ordinal));
        Assert.NotNull(shown.Document.QuerySelector("button[data-print]"));
    }

    private async Task<HttpResponseMessage> SecondStepAsync(string email, string code)
    {
        var client = NewBrowser();
        var password = await Citizen.SignInAsync(client, email);
        var page = await HtmlPage.GetAsync(client, password.Headers.Location!.OriginalString);
        return await client.PostAsync("/Account/LoginWith2fa", Form(page.AntiforgeryToken("/Account/LoginWith2fa"), ("Code", code)));
    }

    /// <summary>Signs in with the password and turns the second factor on; returns the key and the recovery codes.</summary>
    private async Task<(string Key, string[] RecoveryCodes)> EnrolAsync(string email)
    {
        var client = NewBrowser();
        await Citizen.SignInAsync(client, email);
        var setup = await HtmlPage.GetAsync(client, "/akun/dua-faktor");
        var key = setup.Document.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var codes = await HtmlPage.FromAsync(await client.PostAsync("/akun/dua-faktor", Form(setup.AntiforgeryToken("/akun/dua-faktor"), ("code", Code(key)))));
        return (key, codes.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToArray());
    }

    private async Task<bool> SignInWithRecoveryCodeAsync(string email, string recoveryCode)
    {
        var client = NewBrowser();
        var password = await Citizen.SignInAsync(client, email);
        var page = await HtmlPage.GetAsync(client, password.Headers.Location!.OriginalString);
        var result = await client.PostAsync("/Account/LoginWith2fa", Form(page.AntiforgeryToken("/Account/LoginWith2fa"), ("Code", recoveryCode)));
        return result.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>
    /// What the user's authenticator app shows now, or <paramref name="stepsAhead"/> 30-second steps later
    /// (RFC 6238). A code is good once: a test that signs in again after enrolling uses the next step's
    /// code instead of waiting half a minute (one step of clock drift is accepted).
    /// </summary>
    private static string Code(string base32Key, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    private static int _browsers;

    /// <summary>
    /// A browser at an address of its own: the shipped sign-in rate limit (20 a minute per address)
    /// would otherwise count every test of this class together.
    /// </summary>
    private HttpClient NewBrowser()
    {
        var n = Interlocked.Increment(ref _browsers);
        return app.CreateBrowserFrom(n < 250 ? $"198.51.100.{n}" : $"203.0.113.{n - 249}");
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
