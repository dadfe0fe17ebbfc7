using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Administration;

/// <summary>Issue 19: removing a holiday, revoking a key, disabling a user and the like first say what they do; nothing changes until confirmed.</summary>
public sealed class ConfirmationsTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task RemovingHoliday_ConfirmationListsTheDueDateThatMovesEarlier_ConfirmedMovesIt()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var day = await NextWorkingDayAsync();
        await HolidayImportTests.PostFormAsync(admin, await HtmlPage.FromAsync(await admin.SubmitAsync("/admin/libur", ("Date", Iso(day)), ("Name", "Libur sementara"), ("Kind", "Regional"))),
            "/admin/libur/impor/simpan");
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var due = await VerifyDueAsync(number);
        var id = await app.WithDbAsync(db => db.Holidays.Where(h => h.Date == day).Select(h => h.Id).SingleAsync());

        var confirm = await admin.OpenAsync($"/admin/libur/{id}/hapus");
        var unconfirmed = await admin.SubmitAsync($"/admin/libur/{id}/hapus");

        Assert.Contains(number, confirm.Document.QuerySelector("#moves-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/admin/libur/{id}/hapus", unconfirmed.Headers.Location!.OriginalString);
        Assert.Equal(due, await VerifyDueAsync(number));

        await admin.SubmitAsync($"/admin/libur/{id}/hapus", ("confirmed", "true"));

        var calendar = new WorkingDayCalendar(await app.WithDbAsync(db => db.Holidays.Select(h => h.Date).ToListAsync()));
        Assert.False(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Id == id)));
        Assert.Equal(1, calendar.WorkingDaysBetween(await VerifyDueAsync(number), due));
    }

    [Fact]
    public async Task RevokingKey_SaysWhichClientStops_OnlyConfirmedRevokes()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var (client, _) = ApiClient.Create("Gerbang WA Kecamatan", ApiOperations.ReadRequests, 60, DateTimeOffset.UtcNow);
        await app.WithDbAsync(async db => { db.ApiClients.Add(client); await db.SaveChangesAsync(); });

        var list = await admin.OpenAsync("/admin/api");
        var confirm = await admin.OpenAsync($"/admin/api/{client.Id}/cabut");
        await admin.SubmitAsync($"/admin/api/{client.Id}/cabut");

        Assert.NotNull(list.Document.QuerySelector($"a[href='/admin/api/{client.Id}/cabut']"));
        Assert.Contains($"Gerbang WA Kecamatan berhenti bekerja (Membaca laporan (yang publik, dan yang diajukannya sendiri))", confirm.Text, StringComparison.Ordinal);
        Assert.Contains(client.KeyPrefix, confirm.Text, StringComparison.Ordinal);
        Assert.Contains("Kunci ini belum pernah dipakai.", confirm.Text, StringComparison.Ordinal);
        Assert.Null(await RevokedAtAsync(client.Id));

        await admin.SubmitAsync($"/admin/api/{client.Id}/cabut", ("confirmed", "true"));

        Assert.NotNull(await RevokedAtAsync(client.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.OpenAsync($"/admin/api/{client.Id}/cabut")).Status);
    }

    [Fact]
    public async Task DisablingTheOnlyOfficer_AsksFirst_SayingSignOutOpenWorkAndUnstaffedAgency_ConfirmedDisables()
    {
        var world = await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", Id(world.AgencyB)));
        await (await Staff.SignInAsync(app, StaffWorld.OfficerB)).ActAsync(number, "tanggapi", ("Text", "Kami periksa minggu ini."), ("Public", "true"));
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffWorld.OfficerB).Select(u => u.Id).SingleAsync());
        (string, string)[] disable = [("roles", Roles.Officer), ("agencyIds", Id(world.AgencyB)), ("disabled", "true")];

        var asked = await HtmlPage.FromAsync(await admin.SubmitAsync($"/admin/pengguna/{id}", disable));

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("tidak dapat masuk lagi sampai akunnya diaktifkan kembali", asked.Text, StringComparison.Ordinal);
        Assert.Contains("masih memegang 1 laporan yang belum selesai", asked.Text, StringComparison.Ordinal);
        Assert.Contains($"daftar \"tanpa petugas\" koordinator: {StaffWorld.AgencyBName}", asked.Text, StringComparison.Ordinal);
        Assert.NotNull(asked.Document.QuerySelector($"form[action='/admin/pengguna/{id}'] input[name=confirmed][value=true]"));
        Assert.False(await DisabledAsync(id));

        var confirmed = await admin.SubmitAsync($"/admin/pengguna/{id}", [.. disable, ("confirmed", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True(await DisabledAsync(id));
        await admin.SubmitAsync($"/admin/pengguna/{id}", ("roles", Roles.Officer), ("agencyIds", Id(world.AgencyB)));
        Assert.False(await DisabledAsync(id));
    }

    [Fact]
    public async Task ResetLinkAndTwoFactorOff_SayWhatHappens_NothingWithoutConfirmation()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffWorld.OfficerA).Select(u => u.Id).SingleAsync());
        Task<int> AuditedAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.TargetId == id && (a.Action == AuditAction.PasswordResetSent || a.Action == AuditAction.TwoFactorReset)));
        var before = await AuditedAsync();

        var reset = await admin.OpenAsync($"/admin/pengguna/{id}/reset-kata-sandi");
        var twoFactor = await admin.OpenAsync($"/admin/pengguna/{id}/reset-dua-faktor");
        var resetUnconfirmed = await admin.SubmitAsync($"/admin/pengguna/{id}/reset-kata-sandi");
        var twoFactorUnconfirmed = await admin.SubmitAsync($"/admin/pengguna/{id}/reset-dua-faktor");

        Assert.Contains("saat ini langsung tidak berlaku", reset.Text, StringComparison.Ordinal);
        Assert.Contains($"Tautan dikirim ke {StaffWorld.OfficerA}", reset.Text, StringComparison.Ordinal);
        Assert.Contains("kode pemulihan", twoFactor.Text, StringComparison.Ordinal);
        Assert.Equal($"/admin/pengguna/{id}/reset-kata-sandi", resetUnconfirmed.Headers.Location!.OriginalString);
        Assert.Equal($"/admin/pengguna/{id}/reset-dua-faktor", twoFactorUnconfirmed.Headers.Location!.OriginalString);
        Assert.Equal(before, await AuditedAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await Staff.SignInAsync(app, StaffWorld.OfficerA)).OpenAsync("/inbox")).Status);
    }

    [Fact]
    public async Task DeactivatingAgencyOrCategory_AsksFirst_ConfirmedDeactivates()
    {
        var world = await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        await admin.SubmitAsync("/admin/kategori", ("Name", "Kategori uji nonaktif"), ("NameEnglish", "Test category"), ("IsActive", "true"));
        var category = await app.WithDbAsync(db => db.Categories.Where(c => c.Name == "Kategori uji nonaktif").Select(c => new { c.Id, c.Name, c.NameEnglish }).SingleAsync());
        (string, string)[] agency = [("Name", "Dinas B"), ("Code", "UJI-B"), ("Kind", "Opd"), ("ParentId", Id(world.Region)), ("IsActive", "false")];
        (string, string)[] categoryForm = [("Name", category.Name), ("NameEnglish", category.NameEnglish), ("IsActive", "false")];

        var askedAgency = await HtmlPage.FromAsync(await admin.SubmitAsync($"/admin/instansi/{world.AgencyB}", agency));
        var askedCategory = await HtmlPage.FromAsync(await admin.SubmitAsync($"/admin/kategori/{category.Id}", categoryForm));

        Assert.Contains("tidak lagi ditawarkan di formulir laporan", askedAgency.Text, StringComparison.Ordinal);
        Assert.Contains("tidak lagi dapat dipilih di formulir laporan", askedCategory.Text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == world.AgencyB).Select(a => a.IsActive).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Categories.Where(c => c.Id == category.Id).Select(c => c.IsActive).SingleAsync()));

        await admin.SubmitAsync($"/admin/instansi/{world.AgencyB}", [.. agency, ("confirmed", "true")]);
        await admin.SubmitAsync($"/admin/kategori/{category.Id}", [.. categoryForm, ("confirmed", "true")]);

        Assert.False(await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == world.AgencyB).Select(a => a.IsActive).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Categories.Where(c => c.Id == category.Id).Select(c => c.IsActive).SingleAsync()));
        await admin.SubmitAsync($"/admin/instansi/{world.AgencyB}", [.. agency[..^1], ("IsActive", "true")]);
        await admin.SubmitAsync($"/admin/kategori/{category.Id}", [.. categoryForm[..^1], ("IsActive", "true")]);
    }

    [Fact]
    public async Task AuditLog_HolidayChangeAndActionFilter_InBothLanguages()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        await HolidayImportTests.PostFormAsync(admin, await HtmlPage.FromAsync(await admin.SubmitAsync("/admin/libur", ("Date", "2034-05-01"), ("Name", "Libur audit"), ("Kind", "National"))),
            "/admin/libur/impor/simpan");

        var indonesian = await admin.OpenAsync("/admin/audit?action=SettingsChanged");
        var english = await admin.OpenAsync("/admin/audit?action=SettingsChanged&culture=en");

        Assert.Contains("1 hari libur ditambahkan; 0 tenggat laporan bergeser", indonesian.Text, StringComparison.Ordinal);
        Assert.Contains("1 holidays added; 0 report due dates moved", english.Text, StringComparison.Ordinal);
        Assert.Equal("Pengaturan diubah", indonesian.Document.QuerySelector("#action option[selected]")!.TextContent);
        Assert.Equal("Settings changed", english.Document.QuerySelector("#action option[selected]")!.TextContent);
        Assert.DoesNotContain(indonesian.Document.QuerySelectorAll("#action option"), o => o.GetAttribute("value") is { Length: > 0 } value && o.TextContent == value);
        Assert.All(english.Document.QuerySelectorAll("tbody tr td:nth-child(2)"), cell => Assert.Equal("Settings changed", cell.TextContent));
    }

    [Theory]
    [InlineData(StaffWorld.Coordinator)]
    [InlineData(StaffWorld.OfficerA)]
    public async Task ConfirmationPagesAndConfirmedActions_AreForAdministratorsOnly(string email)
    {
        var world = await StaffWorld.CreateAsync(app);
        var user = await Staff.SignInAsync(app, email);
        var (client, _) = ApiClient.Create("Klien yang dijaga " + email, ApiOperations.ReadRequests, 60, DateTimeOffset.UtcNow);
        await app.WithDbAsync(async db => { db.ApiClients.Add(client); await db.SaveChangesAsync(); });
        var holiday = await app.WithDbAsync(db => db.Holidays.Select(h => h.Id).FirstAsync());
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffWorld.OfficerB).Select(u => u.Id).SingleAsync());

        string[] pages = [$"/admin/libur/{holiday}/hapus", $"/admin/api/{client.Id}/cabut", $"/admin/pengguna/{officer}/reset-kata-sandi", $"/admin/pengguna/{officer}/reset-dua-faktor"];
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await user.OpenAsync(page)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await user.SubmitAsync(page, ("confirmed", "true"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await user.SubmitAsync($"/admin/pengguna/{officer}", ("roles", Roles.Officer), ("agencyIds", Id(world.AgencyB)), ("disabled", "true"), ("confirmed", "true"))).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Id == holiday)));
        Assert.Null(await RevokedAtAsync(client.Id));
        Assert.False(await DisabledAsync(officer));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<DateTimeOffset?> RevokedAtAsync(int id) => app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == id).Select(c => c.RevokedAt).SingleAsync());

    private Task<bool> DisabledAsync(string id) => app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync());

    private Task<DateOnly> VerifyDueAsync(string number) =>
        app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.VerifyDueOn!.Value).SingleAsync());

    private async Task<DateOnly> NextWorkingDayAsync()
    {
        var calendar = new WorkingDayCalendar(await app.WithDbAsync(db => db.Holidays.Select(h => h.Date).ToListAsync()));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")).DateTime);
        return calendar.AddWorkingDays(today, 1);
    }
}
