using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lapor.TestSupport;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Administration;

public sealed class HolidaysAndPolicyTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Holidays_2026DecreeIsSeeded()
    {
        var days = await app.WithDbAsync(db => db.Holidays.Where(h => h.Date.Year == 2026).ToListAsync());

        Assert.Equal(25, days.Count);
        Assert.Equal(8, days.Count(h => h.Kind == HolidayKind.JointLeave));
        Assert.Contains(days, h => h.Date == new DateOnly(2026, 3, 20) && h.Kind == HolidayKind.JointLeave);
    }

    [Fact]
    public async Task Admin_AddsHolidayAfterPreview_RemovesItAfterConfirmation_Audited()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var preview = await HtmlPage.FromAsync(await admin.SubmitAsync("/admin/libur", ("Date", "2027-04-12"), ("Name", "Hari Jadi Kabupaten Uji"), ("Kind", "Regional")));

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Senin, 12 April 2027", preview.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Name == "Hari Jadi Kabupaten Uji")));
        var added = await HolidayImportTests.PostFormAsync(admin, preview, "/admin/libur/impor/simpan");
        var page = await admin.OpenAsync("/admin/libur?tahun=2027");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Hari Jadi Kabupaten Uji", page.Text, StringComparison.Ordinal);
        var id = await app.WithDbAsync(db => db.Holidays.Where(h => h.Name == "Hari Jadi Kabupaten Uji").Select(h => h.Id).SingleAsync());

        var unconfirmed = await admin.SubmitAsync($"/admin/libur/{id}/hapus");
        var confirm = await admin.OpenAsync($"/admin/libur/{id}/hapus");

        Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Id == id)));
        Assert.Contains("Senin, 12 April 2027 menjadi hari kerja lagi.", confirm.Text, StringComparison.Ordinal);
        Assert.Contains("Tidak ada tenggat laporan yang sedang berjalan yang bergeser.", confirm.Text, StringComparison.Ordinal);

        await admin.SubmitAsync($"/admin/libur/{id}/hapus", ("confirmed", "true"));

        Assert.False(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Id == id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SettingsChanged && a.TargetType == "Holiday")) >= 2);
    }

    /// <summary>A double click on "remove" once answered 500 to the second request: it finds the holiday gone, as later ones do.</summary>
    [Fact]
    public async Task Admin_RemovesAHolidayTwiceAtOnce_OneRemovesIt_TheOtherFindsNothing()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        await HolidayImportTests.PostFormAsync(admin, await HtmlPage.FromAsync(await admin.SubmitAsync("/admin/libur", ("Date", "2027-08-20"), ("Name", "Libur dua klik"), ("Kind", "Regional"))),
            "/admin/libur/impor/simpan");
        var id = await app.WithDbAsync(db => db.Holidays.Where(h => h.Name == "Libur dua klik").Select(h => h.Id).SingleAsync());
        var token = await admin.TokenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.Client.PostAsync($"/admin/libur/{id}/hapus",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["confirmed"] = "true" }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.False(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Id == id)));
    }

    [Fact]
    public async Task Admin_ImportsCsv_SkipsDaysAlreadyThere()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("tanggal,nama,jenis\n2026-12-25,Natal,National\n2028-01-03,Libur uji impor,Regional\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var preview = await HtmlPage.FromAsync(await admin.Client.PostAsync("/admin/libur/impor", new MultipartFormDataContent
        {
            { new StringContent(await admin.TokenAsync()), "__RequestVerificationToken" },
            { file, "file", "libur.csv" },
        }));
        var response = await HolidayImportTests.PostFormAsync(admin, preview, "/admin/libur/impor/simpan");
        var page = await admin.OpenAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("1 hari libur ditambahkan, 1 sudah ada; 0 tenggat laporan bergeser.", page.Text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Name == "Libur uji impor")));
    }

    [Theory]
    [InlineData(StaffWorld.Coordinator)]
    [InlineData(StaffWorld.OfficerA)]
    public async Task HolidayAndPolicyScreens_AreForAdministratorsOnly(string email)
    {
        await StaffWorld.CreateAsync(app);
        var user = await Staff.SignInAsync(app, email);

        Assert.Equal(HttpStatusCode.Forbidden, (await user.OpenAsync("/admin/libur")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.OpenAsync("/admin/tenggat")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.SubmitAsync("/admin/tenggat", ("VerifyDays", "1"))).StatusCode);
    }

    [Fact]
    public async Task Policy_OutOfRange_IsRefusedWithMessage_ValidChangeIsSaved()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        (string, string)[] Policy(string verify) =>
            [("VerifyDays", verify), ("FirstResponseDays", "5"), ("AspirationDays", "5"), ("InformationRequestDays", "5"),
             ("OrdinaryComplaintDays", "14"), ("InvestigationComplaintDays", "60"), ("ReporterWindowDays", "10"), ("HoldExpiryDays", "10")];

        var refused = await HtmlPage.FromAsync(await admin.SubmitAsync("/admin/tenggat", Policy("0")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Batas waktu harus 1–365 hari kerja.", refused.Text, StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.DeadlinePolicies.Select(p => p.VerifyDays).SingleAsync()));

        await admin.SubmitAsync("/admin/tenggat", Policy("2"));
        Assert.Equal(2, await app.WithDbAsync(db => db.DeadlinePolicies.Select(p => p.VerifyDays).SingleAsync()));
        await admin.SubmitAsync("/admin/tenggat", Policy("3"));
    }

    [Fact]
    public async Task Policy_FollowUpValidationCheckbox_IsSaved_AndEachSwitchIsAudited()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        (string, string)[] days = [("VerifyDays", "3"), ("FirstResponseDays", "5"), ("AspirationDays", "5"), ("InformationRequestDays", "5"),
             ("OrdinaryComplaintDays", "14"), ("InvestigationComplaintDays", "60"), ("ReporterWindowDays", "10"), ("HoldExpiryDays", "10")];
        Task<bool> SavedAsync() => app.WithDbAsync(db => db.DeadlinePolicies.Select(p => p.RequireFollowUpValidation).SingleAsync());
        async Task<bool> CheckedAsync() => (await admin.OpenAsync("/admin/tenggat")).Document.QuerySelector("input#RequireFollowUpValidation[type=checkbox]")!.HasAttribute("checked");
        Assert.False(await SavedAsync());
        Assert.False(await CheckedAsync());

        var on = await admin.SubmitAsync("/admin/tenggat", [.. days, ("RequireFollowUpValidation", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.True(await SavedAsync());
        Assert.True(await CheckedAsync());

        await admin.SubmitAsync("/admin/tenggat", days);

        Assert.False(await SavedAsync());
        var reasons = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.SettingsChanged && a.TargetType == "DeadlinePolicy").Select(a => a.Reason).ToListAsync());
        Assert.Single(reasons, r => r == "follow-up validation on");
        Assert.Single(reasons, r => r == "follow-up validation off");
        var log = await admin.OpenAsync("/admin/audit");
        Assert.Contains("validasi tindak lanjut diaktifkan", log.Text, StringComparison.Ordinal);
    }
}
