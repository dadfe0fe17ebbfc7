using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Account;

public sealed class AccountTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Register_NewAddress_AsksToConfirmIt_ThenTheCitizenSignsIn()
    {
        var client = app.CreateBrowser();

        var response = await RegisterAsync(client, "dewi@contoh.id", "kopi pagi di teras rumah");

        Assert.Equal("/Account/CheckEmail", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/laporan-saya")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
            var user = await users.FindByEmailAsync("dewi@contoh.id");
            Assert.NotNull(user);
            Assert.False(user.EmailConfirmed);
            Assert.Equal([Roles.Citizen], await users.GetRolesAsync(user));
        }

        // Before confirming, the account answers like a wrong password (else this would tell a new address from a taken one).
        var early = await HtmlPage.FromAsync(await Citizen.SignInAsync(client, "dewi@contoh.id", "kopi pagi di teras rumah"));
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.Equal("E-mail atau kata sandi salah.", ErrorOf(early));
        Assert.Contains("Buka dulu tautan di e-mail Anda", early.Text, StringComparison.Ordinal);
        var link = Assert.Single(await MailLinksAsync("dewi@contoh.id", "ConfirmEmail"));

        var confirm = await HtmlPage.GetAsync(client, link);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "dewi@contoh.id").Select(u => u.EmailConfirmed).SingleAsync()));
        var confirmed = await client.PostAsync("/Account/ConfirmEmail", Form(confirm.AntiforgeryToken("/Account/ConfirmEmail"),
            ("UserId", confirm.InputValue("UserId")), ("Token", confirm.InputValue("Token")), ("Password", "kopi pagi di teras rumah")));
        Assert.Equal("/Account/Login", confirmed.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(client, "dewi@contoh.id", "kopi pagi di teras rumah")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/laporan-saya")).StatusCode);

        // Opened again later: already done, straight to signing in.
        Assert.Equal("/Account/Login", (await app.CreateBrowser().GetAsync(link)).Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("admin123")]
    [InlineData("indonesia123")]
    [InlineData("P@ssw0rd")]
    [InlineData("Password1!")]
    [InlineData("sayang123")]
    [InlineData("jakarta123")]
    public async Task Register_LeakedPassword_IsRefusedWithTheIndonesianMessage_AndNoAccountIsCreated(string password)
    {
        var email = $"bocor.{Guid.NewGuid():N}@contoh.id";

        var result = await RegisterAsync(email, password);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("ada dalam daftar kata sandi yang pernah bocor", result.FieldError("Password"), StringComparison.Ordinal);
        Assert.Equal("Dewi Bocor", result.InputValue("FullName"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Register_DemoPassword_IsRefused_AndNoAccountIsCreated()
    {
        var result = await RegisterAsync("demo.sandi@contoh.id", Lapor.Web.Operations.DemoData.Password);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("kata sandi demo", result.FieldError("Password"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "demo.sandi@contoh.id")));
    }

    [Fact]
    public async Task Register_TakenAddress_AnswersTheSame_AndMailsTheOwnerInstead()
    {
        await Citizen.CreateAccountAsync(app, "sudah.ada@contoh.id");
        var fresh = await HtmlPage.GetAsync(app.CreateBrowser(), (await RegisterAsync(app.CreateBrowser(), "belum.ada@contoh.id", "teh manis di sore hari")).Headers.Location!.OriginalString);

        var taken = await RegisterAsync(app.CreateBrowser(), "sudah.ada@contoh.id", "teh manis di sore hari");

        Assert.Equal("/Account/CheckEmail", taken.Headers.Location!.OriginalString);
        Assert.Equal(fresh.Text, (await HtmlPage.GetAsync(app.CreateBrowser(), taken.Headers.Location!.OriginalString)).Text);
        Assert.Single(await MailLinksAsync("belum.ada@contoh.id", "ConfirmEmail"));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "sudah.ada@contoh.id" && m.Template == "RegistrationAttempt")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "sudah.ada@contoh.id")));
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(app.CreateBrowser(), "sudah.ada@contoh.id")).StatusCode);
    }

    [Fact]
    public async Task Register_AgainWithAnUnconfirmedAddress_SendsAFreshConfirmationLink_AtMostEveryFewMinutes()
    {
        var client = app.CreateBrowser();
        await RegisterAsync(client, "belum.konfirmasi@contoh.id", "teh hangat pagi hari ini");

        await RegisterAsync(app.CreateBrowser(), "belum.konfirmasi@contoh.id", "teh hangat pagi hari ini");
        await RegisterAsync(app.CreateBrowser(), "belum.konfirmasi@contoh.id", "teh hangat pagi hari ini");

        // The first registration's link only: the owner is not flooded, and gets no "you already have an account" note they cannot use.
        Assert.Single(await MailLinksAsync("belum.konfirmasi@contoh.id", "ConfirmEmail"));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "belum.konfirmasi@contoh.id" && m.Template == "RegistrationAttempt")));
    }

    [Fact]
    public async Task AccountMail_IsWrittenInTheLanguageThePersonUses()
    {
        var client = app.CreateBrowser();
        var home = await HtmlPage.GetAsync(client, "/");
        await client.PostAsync("/culture", Form(home.AntiforgeryToken("/culture"), ("culture", "en"), ("returnUrl", "/")));

        await RegisterAsync(client, "english.speaker@contoh.id", "a long sentence in english");

        Assert.Equal("en", await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == "english.speaker@contoh.id").Select(m => m.Culture).SingleAsync()));

        // Switching while signed in carries over to later mail.
        await Citizen.CreateAccountAsync(app, "ganti.bahasa@contoh.id");
        var signedIn = app.CreateBrowser();
        await Citizen.SignInAsync(signedIn, "ganti.bahasa@contoh.id");
        var page = await HtmlPage.GetAsync(signedIn, "/akun");
        await signedIn.PostAsync("/culture", Form(page.AntiforgeryToken("/culture"), ("culture", "en"), ("returnUrl", "/akun")));
        Assert.Equal("en", await app.WithDbAsync(db => db.Users.Where(u => u.Email == "ganti.bahasa@contoh.id").Select(u => u.PreferredCulture).SingleAsync()));
    }

    [Fact]
    public async Task AnAccountRegisteredInAdvanceBySomeoneElse_IsTakenOverByTheMailboxOwner()
    {
        // The attacker registers the victim's address with a password of their own.
        await RegisterAsync(app.CreateBrowser(), "korban.daftar@contoh.id", "sandi milik penyerang saja");

        // Later the victim registers, gets the (fresh) confirmation link, and confirms with their own password.
        var victim = app.CreateBrowser();
        var link = (await MailLinksAsync("korban.daftar@contoh.id", "ConfirmEmail"))[^1];
        var confirm = await HtmlPage.GetAsync(victim, link);
        var confirmed = await victim.PostAsync("/Account/ConfirmEmail", Form(confirm.AntiforgeryToken("/Account/ConfirmEmail"),
            ("UserId", confirm.InputValue("UserId")), ("Token", confirm.InputValue("Token")), ("Password", "sandi pilihan korban sendiri")));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await Citizen.SignInAsync(app.CreateBrowser(), "korban.daftar@contoh.id", "sandi milik penyerang saja")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(app.CreateBrowser(), "korban.daftar@contoh.id", "sandi pilihan korban sendiri")).StatusCode);

        // The link worked once.
        var again = await victim.PostAsync("/Account/ConfirmEmail", Form(confirm.AntiforgeryToken("/Account/ConfirmEmail"),
            ("UserId", confirm.InputValue("UserId")), ("Token", confirm.InputValue("Token")), ("Password", "sandi lain lagi yang panjang")));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task UnderAttackFromManyAddresses_ThePasswordCountsOnlyWithTheAuthenticatorCode()
    {
        var userId = await Citizen.CreateAccountAsync(app, "koordinator.diserbu@contoh.id");
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        for (var i = 0; i < 20; i++)
        {
            await Citizen.SignInAsync(app.CreateBrowserFrom($"203.0.113.{i + 101}"), "koordinator.diserbu@contoh.id", "tebakan dari mana-mana");
        }

        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
        var rightWithoutCode = await SignInWithCodeAsync("192.0.2.40", Citizen.Password, null);
        var wrongWithCode = await SignInWithCodeAsync("192.0.2.41", "tebakan terakhir", code);
        Assert.Equal(HttpStatusCode.BadRequest, rightWithoutCode.Status);
        Assert.Equal(ErrorOf(wrongWithCode), ErrorOf(rightWithoutCode));
        Assert.NotNull(rightWithoutCode.Document.QuerySelector("input[name=Code]"));

        var owner = await SignInWithCodeAsync("192.0.2.42", Citizen.Password, code);
        Assert.Equal(HttpStatusCode.Redirect, owner.Status);
    }

    private async Task<HtmlPage> SignInWithCodeAsync(string address, string password, string? code)
    {
        var client = app.CreateBrowserFrom(address);
        var page = await HtmlPage.GetAsync(client, "/Account/Login");
        (string, string)[] fields = [("Email", "koordinator.diserbu@contoh.id"), ("Password", password)];
        return await HtmlPage.FromAsync(await client.PostAsync("/Account/Login", Form(page.AntiforgeryToken("/Account/Login"), code is null ? fields : [.. fields, ("Code", code)])));
    }

    [Fact]
    public async Task Register_WeakPassword_IsRefusedAlike_WhetherOrNotTheAddressIsTaken()
    {
        await Citizen.CreateAccountAsync(app, "lemah.ada@contoh.id");

        var taken = await HtmlPage.FromAsync(await RegisterAsync(app.CreateBrowser(), "lemah.ada@contoh.id", "password123"));
        var fresh = await HtmlPage.FromAsync(await RegisterAsync(app.CreateBrowser(), "lemah.baru@contoh.id", "password123"));

        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        Assert.Equal(fresh.FieldError("Password"), taken.FieldError("Password"));
        Assert.Null(taken.FieldError("Email"));
    }

    [Fact]
    public async Task Login_UnknownAddress_IsAnsweredExactlyLikeAWrongPassword_IncludingTheLock()
    {
        await Citizen.CreateAccountAsync(app, "ada.orangnya@contoh.id");
        var known = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            known.Add(ErrorOf(await HtmlPage.FromAsync(await Citizen.SignInAsync(app.CreateBrowserFrom("192.0.2.51"), "ada.orangnya@contoh.id", "salah sekali"))));
            unknown.Add(ErrorOf(await HtmlPage.FromAsync(await Citizen.SignInAsync(app.CreateBrowserFrom("192.0.2.51"), "tidak.ada.orangnya@contoh.id", "salah sekali"))));
        }

        Assert.Equal(known, unknown);
        Assert.Equal([.. Enumerable.Repeat("E-mail atau kata sandi salah.", 5), .. Enumerable.Repeat(known[^1], 2)], known);
        Assert.Contains("dikunci sementara", known[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_AStrangersFailures_LockOnlyTheStrangersAddress()
    {
        await Citizen.CreateAccountAsync(app, "koordinator.sasaran@contoh.id");
        for (var i = 0; i < 6; i++)
        {
            await Citizen.SignInAsync(app.CreateBrowserFrom("198.51.100.7"), "koordinator.sasaran@contoh.id", "tebakan penyerang");
        }

        var attacker = await HtmlPage.FromAsync(await Citizen.SignInAsync(app.CreateBrowserFrom("198.51.100.7"), "koordinator.sasaran@contoh.id"));
        var owner = await Citizen.SignInAsync(app.CreateBrowserFrom("192.0.2.10"), "koordinator.sasaran@contoh.id");

        Assert.Contains("dikunci sementara", attacker.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task Login_FailuresFromManyAddresses_LeaveOnlyASecondFactorAsAWayIn()
    {
        await Citizen.CreateAccountAsync(app, "diserbu@contoh.id");
        for (var i = 0; i < 20; i++)
        {
            await Citizen.SignInAsync(app.CreateBrowserFrom($"203.0.113.{i + 1}"), "diserbu@contoh.id", "tebakan dari mana-mana");
        }

        // Without an authenticator, even the owner's right password waits out the lock (or a reset link clears it).
        var owner = await HtmlPage.FromAsync(await Citizen.SignInAsync(app.CreateBrowserFrom("192.0.2.20"), "diserbu@contoh.id"));
        Assert.Contains("dikunci sementara", owner.Text, StringComparison.Ordinal);
        var unknown = await HtmlPage.FromAsync(await Citizen.SignInAsync(app.CreateBrowserFrom("192.0.2.20"), "diserbu@contoh.id", "tebakan lagi"));
        Assert.Contains("dikunci sementara", unknown.Text, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Register_ShortPasswordAndMismatch_KeepsNameAndShowsIndonesianErrors()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Register");

        var result = await HtmlPage.FromAsync(await client.PostAsync("/Account/Register", Form(page.AntiforgeryToken("/Account/Register"),
            ("FullName", "Budi"), ("Email", "budi@contoh.id"), ("Password", "pendek"), ("ConfirmPassword", "lain"))));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("Budi", result.InputValue("FullName"));
        Assert.Equal("Kata sandi harus 8–128 karakter.", result.FieldError("Password"));
        Assert.Equal("Kedua kata sandi tidak sama.", result.FieldError("ConfirmPassword"));
        Assert.Equal("", result.InputValue("Password"));
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsGenericMessage()
    {
        await Citizen.CreateAccountAsync(app, "rina@contoh.id");
        var client = app.CreateBrowser();

        var result = await HtmlPage.FromAsync(await Citizen.SignInAsync(client, "rina@contoh.id", "salah sekali"));
        var unknown = await HtmlPage.FromAsync(await Citizen.SignInAsync(client, "tidakada@contoh.id", "salah sekali"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("E-mail atau kata sandi salah.", result.Text, StringComparison.Ordinal);
        Assert.Contains("E-mail atau kata sandi salah.", unknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_FiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        await Citizen.CreateAccountAsync(app, "kunci@contoh.id");
        var client = app.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            await Citizen.SignInAsync(client, "kunci@contoh.id", "bukan kata sandinya");
        }

        var result = await HtmlPage.FromAsync(await Citizen.SignInAsync(client, "kunci@contoh.id"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("dikunci sementara", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_RightPassword_RedirectsToLocalReturnUrlOnly()
    {
        await Citizen.CreateAccountAsync(app, "kembali@contoh.id");
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Login?returnUrl=https://evil.example/");

        var response = await client.PostAsync("/Account/Login", Form(page.AntiforgeryToken("/Account/Login"),
            ("Email", "kembali@contoh.id"), ("Password", Citizen.Password), ("ReturnUrl", "https://evil.example/")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "kembali@contoh.id").Select(u => u.LastSignInAt).SingleAsync()));
    }

    [Fact]
    public async Task LaporanSaya_Anonymous_RedirectsToLogin()
    {
        var response = await app.CreateBrowser().GetAsync("/laporan-saya");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_Answers400()
    {
        var response = await app.CreateBrowser().PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password)
    {
        var page = await HtmlPage.GetAsync(client, "/Account/Register");
        return await client.PostAsync("/Account/Register", Form(page.AntiforgeryToken("/Account/Register"),
            ("FullName", "Dewi Anggraini"), ("Email", email), ("Password", password), ("ConfirmPassword", password), ("Consent", "true")));
    }

    /// <summary>The links in the account mails queued for <paramref name="email"/>, oldest first.</summary>
    private async Task<List<string>> MailLinksAsync(string email, string template)
    {
        var payloads = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == email && m.Template == template).OrderBy(m => m.Id).Select(m => m.PayloadJson).ToListAsync());
        return [.. payloads.Select(p => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(p)!["Link"])];
    }

    private static string ErrorOf(HtmlPage page) => page.Document.QuerySelector("#error-summary li")?.TextContent.Trim() ?? "";

    private async Task<HtmlPage> RegisterAsync(string email, string password)
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Register");
        return await HtmlPage.FromAsync(await client.PostAsync("/Account/Register", Form(page.AntiforgeryToken("/Account/Register"),
            ("FullName", "Dewi Bocor"), ("Email", email), ("Password", password), ("ConfirmPassword", password), ("Consent", "true"))));
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
