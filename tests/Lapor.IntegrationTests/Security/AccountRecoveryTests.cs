using System.Net;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Security;

/// <summary>
/// "Lupa kata sandi", and an administrator's reset link and second-factor reset: links that work
/// once and for an hour, answers that never tell who has an account, and sessions that end.
/// </summary>
public sealed class AccountRecoveryTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string NewPassword = "sandi baru setelah lupa";

    [Fact]
    public async Task ForgottenPassword_TheMailedLinkSetsANewPasswordOnce_AndEndsTheOldSessions()
    {
        await Citizen.CreateAccountAsync(app, "lupa.sandi@contoh.id");
        var oldSession = app.CreateBrowser();
        await Citizen.SignInAsync(oldSession, "lupa.sandi@contoh.id");

        var known = await RequestResetAsync("lupa.sandi@contoh.id");
        var unknown = await RequestResetAsync("tidak.terdaftar@contoh.id");

        Assert.Equal(known.Text, unknown.Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "tidak.terdaftar@contoh.id")));
        var link = Assert.Single(await LinksAsync("lupa.sandi@contoh.id", "PasswordReset"));
        Assert.StartsWith("/Account/ResetPassword?", link, StringComparison.Ordinal);

        var browser = app.CreateBrowser();
        var form = await HtmlPage.GetAsync(browser, link);
        var first = await SetAsync(browser, form, NewPassword);
        Assert.Equal("/Account/Login", first.Headers.Location!.OriginalString);

        var again = await HtmlPage.FromAsync(await SetAsync(browser, form, "sandi lain lagi yang panjang"));
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("sudah dipakai", again.Text, StringComparison.Ordinal);
        var reopened = await HtmlPage.GetAsync(app.CreateBrowser(), link);
        Assert.Equal(HttpStatusCode.BadRequest, reopened.Status);
        Assert.Null(reopened.Document.QuerySelector("input[name=Password]"));
        Assert.Equal(HttpStatusCode.Redirect, (await oldSession.GetAsync("/akun")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Citizen.SignInAsync(app.CreateBrowser(), "lupa.sandi@contoh.id")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(app.CreateBrowser(), "lupa.sandi@contoh.id", NewPassword)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "lupa.sandi@contoh.id" && m.Template == "PasswordChanged")));
    }

    [Fact]
    public async Task AResetLink_WorksForAnHour_NotLonger()
    {
        var userId = await Citizen.CreateAccountAsync(app, "sejam@contoh.id");

        var stale = await HtmlPage.GetAsync(app.CreateBrowser(), $"/Account/ResetPassword?userId={userId}&token={Uri.EscapeDataString(await TokenIssuedAsync(userId, TimeSpan.FromMinutes(61)))}");
        Assert.Equal(HttpStatusCode.BadRequest, stale.Status);
        Assert.Contains("lewat satu jam", stale.Document.QuerySelector("[data-testid=link-unusable]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(stale.Document.QuerySelector("input[name=Password]"));
        Assert.NotNull(stale.Document.QuerySelector("[data-testid=link-unusable] a[href='/Account/ForgotPassword']"));

        var fresh = await SetWithTokenAsync(userId, await TokenIssuedAsync(userId, TimeSpan.FromMinutes(59)), NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task AResetLink_CannotSetAWeakPassword_AndStaysUsable()
    {
        await Citizen.CreateAccountAsync(app, "sandi.lemah@contoh.id");
        await RequestResetAsync("sandi.lemah@contoh.id");
        var browser = app.CreateBrowser();
        var form = await HtmlPage.GetAsync(browser, Assert.Single(await LinksAsync("sandi.lemah@contoh.id", "PasswordReset")));

        var weak = await HtmlPage.FromAsync(await SetAsync(browser, form, "admin123"));
        Assert.Equal(HttpStatusCode.BadRequest, weak.Status);
        Assert.NotNull(weak.FieldError("Password"));

        Assert.Equal(HttpStatusCode.Redirect, (await SetAsync(browser, form, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task AnAdministrator_SendsAResetLink_TheUserIsSignedOutAndMailed()
    {
        await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerB);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var officerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffWorld.OfficerB).Select(u => u.Id).SingleAsync());

        var sent = await admin.SubmitAsync($"/admin/pengguna/{officerId}/reset-kata-sandi", ("confirmed", "true"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.GetAsync("/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Citizen.SignInAsync(app.CreateBrowser(), StaffWorld.OfficerB)).StatusCode);
        var link = Assert.Single(await LinksAsync(StaffWorld.OfficerB, "PasswordResetByAdministrator"));
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SetAsync(browser, await HtmlPage.GetAsync(browser, link), NewPassword)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PasswordResetSent && a.TargetId == officerId)));
    }

    [Fact]
    public async Task AnAdministrator_ResetsTheSecondFactor_TheUserIsToldAndSignedOut()
    {
        await Citizen.CreateAccountAsync(app, "hp.hilang@contoh.id");
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "hp.hilang@contoh.id").Select(u => u.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        var owner = app.CreateBrowser();
        Assert.StartsWith("/Account/LoginWith2fa", (await Citizen.SignInAsync(owner, "hp.hilang@contoh.id")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var edit = await admin.OpenAsync($"/admin/pengguna/{userId}");
        Assert.NotNull(edit.Document.QuerySelector($"a[href='/admin/pengguna/{userId}/reset-dua-faktor']"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/pengguna/{userId}/reset-dua-faktor", ("confirmed", "true"))).StatusCode);

        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "hp.hilang@contoh.id" && m.Template == "TwoFactorReset")));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.TwoFactorReset && a.TargetId == userId)));
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(app.CreateBrowser(), "hp.hilang@contoh.id")).StatusCode);
    }

    [Fact]
    public async Task NobodyButAnAdministrator_CanSendResetLinksOrResetSecondFactors()
    {
        await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var officerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffWorld.OfficerA).Select(u => u.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.SubmitAsync($"/admin/pengguna/{officerId}/reset-kata-sandi", ("confirmed", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.SubmitAsync($"/admin/pengguna/{officerId}/reset-dua-faktor", ("confirmed", "true"))).StatusCode);
        Assert.Empty(await LinksAsync(StaffWorld.OfficerA, "PasswordResetByAdministrator"));
    }

    [Fact]
    public async Task InvitingAnExistingOfficer_ResendsTheInvitationIfNoPasswordWasChosen_OtherwisePointsToTheirPage()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        (string, string)[] invitation = [("email", "undang.lagi@uji.id"), ("name", "Petugas Lupa"), ("role", Roles.Officer)];
        await admin.SubmitAsync("/admin/pengguna/undang", invitation);

        var again = await admin.SubmitAsync("/admin/pengguna/undang", invitation);
        Assert.Contains("dikirim ulang", (await admin.OpenAsync(again.Headers.Location!.OriginalString)).Text, StringComparison.Ordinal);
        var links = await LinksAsync("undang.lagi@uji.id", "Invitation");
        Assert.Equal(2, links.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await HtmlPage.GetAsync(app.CreateBrowser(), links[0])).Status);
        Assert.Equal(HttpStatusCode.OK, (await HtmlPage.GetAsync(app.CreateBrowser(), links[1])).Status);

        var existing = await admin.SubmitAsync("/admin/pengguna/undang", ("email", StaffWorld.OfficerA), ("name", "Petugas A"), ("role", Roles.Officer));
        var page = await admin.OpenAsync(existing.Headers.Location!.OriginalString);
        Assert.Contains("sudah punya akun", page.Text, StringComparison.Ordinal);
        Assert.Empty(await LinksAsync(StaffWorld.OfficerA, "Invitation"));
    }

    private async Task<HtmlPage> RequestResetAsync(string email)
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/ForgotPassword");
        var response = await client.PostAsync("/Account/ForgotPassword", Form(page.AntiforgeryToken("/Account/ForgotPassword"), ("Email", email)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await HtmlPage.GetAsync(client, response.Headers.Location!.OriginalString);
    }

    private static Task<HttpResponseMessage> SetAsync(HttpClient browser, HtmlPage form, string password) =>
        browser.PostAsync("/Account/ResetPassword", Form(form.AntiforgeryToken("/Account/ResetPassword"),
            ("UserId", form.InputValue("UserId")), ("Token", form.InputValue("Token")), ("Password", password), ("ConfirmPassword", password)));

    private async Task<HttpResponseMessage> SetWithTokenAsync(string userId, string token, string password)
    {
        var browser = app.CreateBrowser();
        var form = await HtmlPage.GetAsync(browser, $"/Account/ResetPassword?userId={userId}&token={Uri.EscapeDataString(token)}");
        return await SetAsync(browser, form, password);
    }

    /// <summary>
    /// A reset token as the app's own provider makes it, but dated <paramref name="age"/> ago: the same
    /// protector and layout as ASP.NET Core Identity's DataProtectorTokenProvider (time, user, purpose, stamp).
    /// </summary>
    private async Task<string> TokenIssuedAsync(string userId, TimeSpan age)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var stamp = await users.GetSecurityStampAsync((await users.FindByIdAsync(userId))!);
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(PasswordResetTokenProvider.ProviderName);
        using var buffer = new MemoryStream();
        await using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((DateTimeOffset.UtcNow - age).UtcTicks);
            writer.Write(userId);
            writer.Write(UserManager<LaporUser>.ResetPasswordTokenPurpose);
            writer.Write(stamp);
        }

        return Convert.ToBase64String(protector.Protect(buffer.ToArray()));
    }

    private async Task<List<string>> LinksAsync(string email, string template)
    {
        var payloads = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == email && m.Template == template).OrderBy(m => m.Id).Select(m => m.PayloadJson).ToListAsync());
        return [.. payloads.Select(p => JsonSerializer.Deserialize<Dictionary<string, string>>(p)!["Link"])];
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
