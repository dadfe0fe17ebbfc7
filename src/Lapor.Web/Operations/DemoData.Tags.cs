using Lapor.Web.Domain.Reports;
using Lapor.Web.Domain.Tags;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Operations;

/// <summary>Demo tags and themes: a theme running now (offered on the filing form), one that ended, and a few tagged reports.</summary>
public sealed partial class DemoData
{
    private async Task SeedTagsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = (await schedules.GetAsync(cancellationToken)).LocalDate(now);
        var roads = new Tag("jalan-provinsi", now);
        var flood = new Tag("banjir-2026", now);
        var holidays = new Tag("mudik-nataru", now);
        var admissions = new Tag("ppdb-2026", now);
        db.Tags.AddRange(roads, flood, holidays, admissions);
        await db.SaveChangesAsync(cancellationToken);

        db.Themes.AddRange(
            new Theme("Mudik Natal dan Tahun Baru", "Christmas and New Year travel", "Jalan, terminal, pelabuhan dan angkutan selama libur akhir tahun.",
                today.AddDays(-3), today.AddDays(30), holidays.Id),
            new Theme("PPDB 2026", "School admissions 2026", "Penerimaan peserta didik baru: zonasi, kuota, pendaftaran daring.",
                today.AddDays(-170), today.AddDays(-140), admissions.Id));

        var coordinator = new Actor(null, ActorRole.Coordinator);
        var reports = await db.Reports.OrderBy(r => r.Id).Take(12).ToListAsync(cancellationToken);
        foreach (var (report, i) in reports.Select((r, i) => (r, i)))
        {
            var tag = report.Title.Contains("jalan", StringComparison.OrdinalIgnoreCase) ? roads : i % 3 == 0 ? flood : null;
            if (tag is not null)
            {
                report.AttachTag(coordinator, tag.Id, tag.Label, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
