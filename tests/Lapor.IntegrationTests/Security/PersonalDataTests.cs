using System.Net;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Features.Shared.Privacy;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.IntegrationTests.Security;

/// <summary>UU PDP: a citizen's copy of their data, account deletion, identity retention, password policy (QUALITY 21, 28).</summary>
public sealed class PersonalDataTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    [Fact]
    public async Task DownloadMyData_HoldsMyReportsAndIdentity_AndNothingOfOthers()
    {
        await Citizen.CreateAccountAsync(app, "unduh@contoh.id");
        await Citizen.CreateAccountAsync(app, "lain@contoh.id");
        var mine = await SignedInAsync("unduh@contoh.id");
        var other = await SignedInAsync("lain@contoh.id");
        var (myNumber, _) = await Citizen.FileAndConfirmAsync(mine, title: "Lampu jalan mati di gang kami", fields: new Dictionary<string, string> { ["Form.ReporterName"] = "Sari Unduh" });
        var (otherNumber, _) = await Citizen.FileAndConfirmAsync(other, title: "Saluran air tersumbat", fields: new Dictionary<string, string> { ["Form.ReporterName"] = "Budi Lain" });

        var response = await mine.GetAsync("/akun/data-saya.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        Assert.Equal("unduh@contoh.id", document.RootElement.GetProperty("Account").GetProperty("Email").GetString());
        var report = Assert.Single(document.RootElement.GetProperty("Reports").EnumerateArray());
        Assert.Equal(myNumber, report.GetProperty("TrackingNumber").GetString());
        Assert.Equal("Sari Unduh", report.GetProperty("Identity").GetProperty("FullName").GetString());
        Assert.DoesNotContain(otherNumber, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Budi Lain", json, StringComparison.Ordinal);
        Assert.NotEmpty(document.RootElement.GetProperty("Sessions").EnumerateArray());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == Lapor.Web.Domain.Auditing.AuditAction.DataDownloaded)));
    }

    [Fact]
    public async Task DeleteAccount_KeepsTheReportWithoutTheReporter_AndNeedsThePassword()
    {
        var userId = await Citizen.CreateAccountAsync(app, "hapus@contoh.id");
        var client = await SignedInAsync("hapus@contoh.id");
        var (number, _) = await Citizen.FileAndConfirmAsync(client, title: "Trotoar rusak dekat sekolah", fields: new Dictionary<string, string>
        {
            ["Form.ReporterName"] = "Rudi Hapus",
            ["Form.ReporterEmail"] = "hapus@contoh.id",
            ["Form.ReporterPhone"] = "081234567890",
        });
        var profile = await HtmlPage.GetAsync(client, "/akun");

        var wrong = await HtmlPage.FromAsync(await client.PostAsync("/akun/hapus", Form(profile.AntiforgeryToken("/akun/hapus"), ("password", "bukan sandinya"))));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("Akun tidak dihapus", wrong.Text, StringComparison.Ordinal);

        var deleted = await client.PostAsync("/akun/hapus", Form(profile.AntiforgeryToken("/akun/hapus"), ("password", Citizen.Password)));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.TrackingNumber == number));
        var identity = await app.WithDbAsync(db => db.ReporterIdentities.AsNoTracking().SingleAsync(i => i.ReportId == report.Id));
        Assert.Null(report.ReporterUserId);
        Assert.Equal((null, null, null), (identity.FullName, identity.Email, identity.Phone));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == "hapus@contoh.id")));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/laporan-saya")).StatusCode);
    }

    [Fact]
    public async Task RetentionJob_ErasesIdentityOfLongClosedReports_Once()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (closed, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.ReporterName"] = "Lama Sekali" });
        var (open, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string> { ["Form.ReporterName"] = "Masih Berjalan" });
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(closed, "arsipkan", ("Reason", "Unclear"), ("Text", "Tidak jelas."));
        Assert.NotEqual(0, world.AgencyA);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None); // sends the filing confirmations
        }

        var sentBeforeRun = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt != null));
        var unsent = await app.WithDbAsync(async db =>
        {
            var waiting = new OutboxMessage(NotificationChannel.Email, "FilingConfirmation", "belum.terkirim@contoh.id", "id", "{}", null, DateTimeOffset.UtcNow.AddYears(-1));
            db.OutboxMessages.Add(waiting);
            await db.SaveChangesAsync();
            return waiting.Id;
        });
        await app.WithDbAsync(async db =>
        {
            var (apiClient, _) = ApiClient.Create("Aplikasi retensi", ApiOperations.CreateRequests, 60, DateTimeOffset.UtcNow);
            db.ApiClients.Add(apiClient);
            await db.SaveChangesAsync();
            foreach (var number in new[] { closed, open })
            {
                var reportId = await db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync();
                db.ApiSubmissions.Add(new ApiSubmission(apiClient.Id, reportId, new string('0', 64), null, $"perangkat-{number}", "akun-1", DateTimeOffset.UtcNow));
            }

            await db.SaveChangesAsync();
        });
        var sixYearsLater = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(6));
        var startedAt = DateTimeOffset.UtcNow;
        int Run(LaporDbContext db) => new RetentionJob(db, Options.Create(new RetentionOptions { ReporterIdentityRetentionDays = 5 * 365 }), sixYearsLater)
            .RunOnceAsync(CancellationToken.None).GetAwaiter().GetResult();
        var first = await app.WithDbAsync(db => Task.FromResult(Run(db)));
        var second = await app.WithDbAsync(db => Task.FromResult(Run(db)));

        var names = await app.WithDbAsync(db => db.ReporterIdentities.Join(db.Reports, i => i.ReportId, r => r.Id, (i, r) => new { r.TrackingNumber, i.FullName })
            .Where(x => x.TrackingNumber == closed || x.TrackingNumber == open).ToDictionaryAsync(x => x.TrackingNumber, x => x.FullName));
        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Null(names[closed]);
        Assert.Equal("Masih Berjalan", names[open]);
        var devices = await app.WithDbAsync(db => db.ApiSubmissions.Join(db.Reports, s => s.ReportId, r => r.Id, (s, r) => new { r.TrackingNumber, s.DeviceId, s.AccountId })
            .Where(x => x.TrackingNumber == closed || x.TrackingNumber == open).ToDictionaryAsync(x => x.TrackingNumber, x => (x.DeviceId, x.AccountId)));
        Assert.Equal(((string?)null, (string?)null), devices[closed]);
        Assert.Equal(($"perangkat-{open}", "akun-1"), devices[open]);
        Assert.True(await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.TrackingNumber == closed)));

        // Every message sent before the run (the filing confirmations among them) left the outbox with its address.
        Assert.True(sentBeforeRun > 0);
        var sentBefore = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.SentAt != null).Select(m => m.SentAt!.Value).ToListAsync());
        Assert.All(sentBefore, sentAt => Assert.True(sentAt >= startedAt));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == unsent)), "A message not yet sent is never deleted, however old.");

        // Sign-in sessions (device and address) are gone a month after they closed.
        Assert.False(await app.WithDbAsync(db => db.UserSessions.AnyAsync()));
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("12345678")]
    [InlineData("bismillah")]
    [InlineData("iloveyou")]
    public async Task Register_CommonPassword_IsRefusedWithAClearMessage_AndKeepsTheName(string password)
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Register");

        var result = await HtmlPage.FromAsync(await client.PostAsync("/Account/Register", Form(page.AntiforgeryToken("/Account/Register"),
            ("FullName", "Dewi Sandi"), ("Email", $"umum.{password}@contoh.id"), ("Password", password), ("ConfirmPassword", password), ("Consent", "true"))));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("terlalu umum", result.FieldError("Password"), StringComparison.Ordinal);
        Assert.Equal("Dewi Sandi", result.InputValue("FullName"));
    }

    [Fact]
    public async Task Register_LongPassphraseWithoutDigitsOrSymbols_IsAccepted()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Register");
        var passphrase = "kucing oranye tidur di atas genteng rumah nenek setiap sore hari";

        var result = await client.PostAsync("/Account/Register", Form(page.AntiforgeryToken("/Account/Register"),
            ("FullName", "Dewi Frasa"), ("Email", "frasa@contoh.id"), ("Password", passphrase), ("ConfirmPassword", passphrase), ("Consent", "true")));

        Assert.Equal(HttpStatusCode.Redirect, result.StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(client, email)).StatusCode);
        return client;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
