using System.Globalization;
using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Administration;

public sealed class AuditLogTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task SignIns_AreAuditedByAccount_WithoutTheTypedEmail()
    {
        await StaffWorld.CreateAsync(app);
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        await Citizen.SignInAsync(app.CreateBrowser(), StaffWorld.OfficerA, "salah sekali");
        await Citizen.SignInAsync(app.CreateBrowser(), StaffWorld.OfficerA);
        await Citizen.SignInAsync(app.CreateBrowser(), "orang.lain@contoh.id", "salah sekali");

        var entries = await app.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Skip(before).ToListAsync());
        Assert.Equal([AuditAction.SignInFailed, AuditAction.SignIn, AuditAction.SignInFailed], entries.Select(e => e.Action));
        Assert.Null(entries[2].UserId);
        Assert.DoesNotContain(entries, e => (e.Reason ?? "").Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditLog_IsShownToAdministratorsOnly()
    {
        await StaffWorld.CreateAsync(app);
        await Citizen.SignInAsync(app.CreateBrowser(), StaffWorld.HeadA);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var page = await admin.OpenAsync("/admin/audit?action=SignIn");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(StaffWorld.HeadA, page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync("/admin/audit")).Status);
    }

    [Fact]
    public async Task AuditLog_NamesReportsByTrackingNumberAndSaysTheAppsReasonsInWords()
    {
        await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        await app.WithDbAsync(async db =>
        {
            var reportId = await db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync();
            var officerId = await db.Users.Where(u => u.Email == StaffWorld.OfficerA).Select(u => u.Id).SingleAsync();
            db.AuditEntries.Add(new AuditEntry(AuditAction.IdentityRevealed, null, "Report", reportId.ToString(CultureInfo.InvariantCulture), "Perlu dihubungi untuk perlindungan saksi.", null, DateTimeOffset.UtcNow));
            db.AuditEntries.Add(new AuditEntry(AuditAction.RoleChanged, null, "User", officerId, "invited as Officer", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var reveals = await admin.OpenAsync("/admin/audit?action=IdentityRevealed");
        var roles = await admin.OpenAsync("/admin/audit?action=RoleChanged");

        Assert.Contains($"Laporan {number}", reveals.Text, StringComparison.Ordinal);
        Assert.Contains("Perlu dihubungi untuk perlindungan saksi.", reveals.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Report ", reveals.Text, StringComparison.Ordinal);
        Assert.Contains($"Pengguna {StaffWorld.OfficerA}", roles.Text, StringComparison.Ordinal);
        Assert.Contains("diundang sebagai Pejabat penghubung", roles.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("invited as", roles.Text, StringComparison.Ordinal);
    }
}
