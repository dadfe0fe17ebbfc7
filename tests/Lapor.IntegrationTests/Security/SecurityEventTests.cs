using System.Globalization;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Security;

/// <summary>Each security event writes one structured, OWASP-named log event without personal data (QUALITY 23, 24).</summary>
public sealed class SecurityEventTests(LogCapturingAppFactory app) : IClassFixture<LogCapturingAppFactory>
{
    [Fact]
    public async Task SecurityEvents_AreLoggedByAccountId_WithoutEmailOrPassword()
    {
        var world = await StaffWorld.CreateAsync(app);
        var userId = await Citizen.CreateAccountAsync(app, "peristiwa@contoh.id");
        var client = app.CreateBrowser();
        await Citizen.SignInAsync(client, "peristiwa@contoh.id", "sandi-salah-rahasia-1");
        await Citizen.SignInAsync(client, "peristiwa@contoh.id");
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        var token = (await HtmlPage.GetAsync(client, "/lapor")).AntiforgeryToken("/lapor");
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
        await Citizen.FileAsync(client, extra: f => Citizen.AddFile(f, "MZ-bukan-gambar"u8.ToArray(), "foto.jpg", "image/jpeg"));
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.IsAnonymous"] = "true" });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        await coordinator.SubmitAsync($"/inbox/{number}/identitas", ("reason", "Permintaan Ombudsman"));
        await coordinator.Client.GetAsync("/dashboard/ekspor.csv");
        await client.GetAsync("/lacak/%0D%0APALSU%20Security%20event");

        var events = app.Logs.Lines.Where(l => l.StartsWith("Security event", StringComparison.Ordinal)).ToList();
        foreach (var name in new[] { "authn_login_fail", "authn_login_success", "authn_logout", "input_validation_fail_csrf", "upload_rejected", "sensitive_read", "sensitive_export" })
        {
            Assert.Contains(events, e => e.Contains($"Security event \"{name}\"", StringComparison.Ordinal));
        }

        Assert.Contains(events, e => e.Contains("authn_login_fail", StringComparison.Ordinal) && e.Contains(userId, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("peristiwa@contoh.id", StringComparison.OrdinalIgnoreCase) || l.Contains("sandi-salah-rahasia-1", StringComparison.Ordinal)
            || l.Contains(Citizen.Password, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains('\n', StringComparison.Ordinal) && l.Contains("PALSU", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OutOfScopeProbe_IsLoggedAsAuthzFail_AMissingReportIsNot()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var outsider = await Staff.SignInAsync(app, StaffWorld.OfficerB);
        var outsiderId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffWorld.OfficerB).Select(u => u.Id).SingleAsync());

        var page = await outsider.Client.GetAsync($"/inbox/{number}");
        var action = await outsider.PostAsync(number, "tanggapi", await outsider.TokenAsync(), "1", ("Text", "coba"));
        var missing = await outsider.Client.GetAsync("/inbox/LPR-ZZZZ-ZZZZ");

        Assert.Equal((System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.NotFound), (page.StatusCode, action.StatusCode, missing.StatusCode));
        var probes = app.Logs.Lines.Where(l => l.Contains("Security event \"authz_fail\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, probes.Count(l => l.Contains(number, StringComparison.Ordinal) && l.Contains(outsiderId, StringComparison.Ordinal)));
        Assert.DoesNotContain(probes, l => l.Contains("LPR-ZZZZ-ZZZZ", StringComparison.Ordinal));
    }
}
