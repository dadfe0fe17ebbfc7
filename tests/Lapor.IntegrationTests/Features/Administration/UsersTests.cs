using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Administration;

public sealed class UsersTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionAndBlocksSignIn()
    {
        await StaffWorld.CreateAsync(app);
        var victim = await Staff.SignInAsync(app, StaffWorld.OfficerB);
        Assert.Equal(HttpStatusCode.OK, (await victim.OpenAsync("/inbox")).Status);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var id = await UserIdAsync(StaffWorld.OfficerB);
        var agency = await app.WithDbAsync(db => db.AgencyMemberships.Where(m => m.UserId == id).Select(m => m.AgencyId).SingleAsync());

        await admin.SubmitAsync($"/admin/pengguna/{id}", ("roles", Roles.Officer), ("agencyIds", agency.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("disabled", "true"), ("confirmed", "true"));

        var after = await victim.Client.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Citizen.SignInAsync(app.CreateBrowser(), StaffWorld.OfficerB)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.UserDisabled && a.TargetId == id)));

        await admin.SubmitAsync($"/admin/pengguna/{id}", ("roles", Roles.Officer), ("agencyIds", agency.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(app.CreateBrowser(), StaffWorld.OfficerB)).StatusCode);
    }

    [Fact]
    public async Task ChangingAgency_MovesWhatTheOfficerSees()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyB.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA1);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.OpenAsync($"/inbox/{number}")).Status);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        await admin.SubmitAsync($"/admin/pengguna/{await UserIdAsync(StaffWorld.OfficerA1)}", ("roles", Roles.Officer), ("agencyIds", world.AgencyB.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("confirmed", "true"));

        var again = await Staff.SignInAsync(app, StaffWorld.OfficerA1);
        Assert.Equal(HttpStatusCode.OK, (await again.OpenAsync($"/inbox/{number}")).Status);
        await admin.SubmitAsync($"/admin/pengguna/{await UserIdAsync(StaffWorld.OfficerA1)}", ("roles", Roles.Officer), ("agencyIds", world.AgencyA1.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("confirmed", "true"));
    }

    [Fact]
    public async Task Administrator_CannotLockThemselvesOut_OthersCannotManageUsers()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        await admin.SubmitAsync($"/admin/pengguna/{await UserIdAsync(StaffWorld.Admin)}", ("roles", Roles.Administrator), ("disabled", "true"));

        Assert.Equal(HttpStatusCode.OK, (await admin.OpenAsync("/admin/pengguna")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync("/admin/pengguna")).Status);
    }

    [Fact]
    public async Task Invitation_LetsTheNewOfficerChooseAPasswordAndSignIn()
    {
        var world = await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        await admin.SubmitAsync("/admin/pengguna/undang", ("email", "baru@uji.id"), ("name", "Petugas Baru"), ("role", Roles.Officer), ("agencyId", world.AgencyB.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var payload = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Template == "Invitation" && m.Recipient == "baru@uji.id").Select(m => m.PayloadJson).SingleAsync());
        var link = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(payload)!["Link"];
        var browser = app.CreateBrowser();
        var form = await HtmlPage.GetAsync(browser, link);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken("/Account/SetPassword"),
            ["UserId"] = form.InputValue("UserId"),
            ["Token"] = form.InputValue("Token") + "rusak",
            ["Password"] = "kalimat sandi baru yang panjang",
            ["ConfirmPassword"] = "kalimat sandi baru yang panjang",
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/Account/SetPassword", new FormUrlEncodedContent(fields))).StatusCode);

        fields["Token"] = form.InputValue("Token");
        var saved = await browser.PostAsync("/Account/SetPassword", new FormUrlEncodedContent(fields));

        Assert.Equal("/Account/Login", saved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(app.CreateBrowser(), "baru@uji.id", "kalimat sandi baru yang panjang")).StatusCode);
        Assert.Equal(world.AgencyB, await app.WithDbAsync(db => db.AgencyMemberships.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == "baru@uji.id")).Select(m => m.AgencyId).SingleAsync()));
    }

    [Fact]
    public async Task Invitation_LeakedOrDemoPassword_IsRefused_AndTheLinkStillWorks()
    {
        var world = await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        await admin.SubmitAsync("/admin/pengguna/undang", ("email", "sandi.lemah@uji.id"), ("name", "Petugas Sandi"), ("role", Roles.Officer), ("agencyId", world.AgencyA.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var payload = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Template == "Invitation" && m.Recipient == "sandi.lemah@uji.id").Select(m => m.PayloadJson).SingleAsync());
        var browser = app.CreateBrowser();
        var form = await HtmlPage.GetAsync(browser, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(payload)!["Link"]);
        async Task<HttpResponseMessage> SetAsync(string password) => await browser.PostAsync("/Account/SetPassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken("/Account/SetPassword"),
            ["UserId"] = form.InputValue("UserId"),
            ["Token"] = form.InputValue("Token"),
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        }));

        var leaked = await HtmlPage.FromAsync(await SetAsync("admin123"));
        var demo = await HtmlPage.FromAsync(await SetAsync(Lapor.Web.Operations.DemoData.Password));
        var saved = await SetAsync("kalimat sandi petugas yang baru");

        Assert.Equal(HttpStatusCode.BadRequest, leaked.Status);
        Assert.Contains("pernah bocor", leaked.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, demo.Status);
        Assert.Contains("kata sandi demo", demo.Text, StringComparison.Ordinal);
        Assert.Equal("/Account/Login", saved.Headers.Location!.OriginalString);
    }

    private Task<string> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
