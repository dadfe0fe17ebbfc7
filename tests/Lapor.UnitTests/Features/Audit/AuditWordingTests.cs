using Lapor.UnitTests.Support;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Features.Administration;
using Lapor.Web.Features.Administration.Audit;

namespace Lapor.UnitTests.Features.Audit;

public sealed class AuditWordingTests
{
    private static readonly Dictionary<int, string> Agencies = new() { [3] = "Dinas A", [5] = "Dinas B" };

    [Theory]
    [InlineData(AuditAction.SettingsChanged, "created", "dibuat")]
    [InlineData(AuditAction.SettingsChanged, "imported 12", "12 diimpor")]
    [InlineData(AuditAction.SettingsChanged, "holiday removed: 2026-12-25", "hari libur 25 Desember 2026 dihapus")]
    [InlineData(AuditAction.RoleChanged, "invited as Coordinator", "diundang sebagai Admin koordinator")]
    [InlineData(AuditAction.RoleChanged, "Coordinator,Officer", "peran: Admin koordinator, Pejabat penghubung")]
    [InlineData(AuditAction.RoleChanged, "", "semua peran dicabut")]
    [InlineData(AuditAction.RoleChanged, "agencies: 3,5", "instansi: Dinas A, Dinas B")]
    [InlineData(AuditAction.PasswordChanged, "Invitation", "lewat tautan undangan")]
    [InlineData(AuditAction.Export, "xlsx", "berkas XLSX")]
    [InlineData(AuditAction.RetentionErased, "4 erased, closed before 2024-01-31", "4 identitas pelapor dihapus (laporan ditutup sebelum 31 Januari 2024)")]
    [InlineData(AuditAction.IdentityRevealed, "created", "created")]
    [InlineData(AuditAction.SignIn, null, null)]
    public void Reason_WrittenByTheApp_IsSaidInWords(AuditAction action, string? reason, string? expected)
    {
        Assert.Equal(expected, new AuditWording(Localizer.Create<AdministrationResource>()).Reason(action, reason, Agencies));
    }

    [Fact]
    public void Reason_InEnglish_IsEnglish()
    {
        Assert.Equal("invited as Coordinator", new AuditWording(Localizer.Create<AdministrationResource>("en")).Reason(AuditAction.RoleChanged, "invited as Coordinator", Agencies));
    }

    [Theory]
    [InlineData("Report", "LPR-AB23-CD45", "Laporan LPR-AB23-CD45")]
    [InlineData("PeriodReport", "2026-01-01..2026-03-31", "Laporan periodik 1 Januari 2026 – 31 Maret 2026")]
    [InlineData("DeadlinePolicy", null, "Aturan tenggat")]
    [InlineData("SomethingNew", null, "Lainnya")]
    public void Target_IsNamedAsPeopleKnowIt(string type, string? name, string expected)
    {
        Assert.Equal(expected, new AuditWording(Localizer.Create<AdministrationResource>()).Target(type, name));
    }
}
