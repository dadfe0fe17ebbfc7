using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Dashboard;

/// <summary>October 2026 as both dashboard pages read it: filed, verified, answered, completed (one in November), accepted and rejected.</summary>
internal static class OctoberScenario
{
    /// <summary>Twelve reports in October 2026 across every status, two agencies, accepted and rejected answers.</summary>
    public static async Task SeedAsync(LaporAppFactory app, StaffWorld world)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        if (await db.Reports.AnyAsync(r => r.Title.StartsWith("Oktober")))
        {
            return;
        }

        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var coordinator = new Actor(null, ActorRole.Coordinator);
        var officer = new Actor(null, ActorRole.Officer);
        for (var i = 0; i < 12; i++)
        {
            var at = new DateTimeOffset(2026, 10, 5 + i, 2, 0, 0, TimeSpan.Zero);
            var report = Report.Submit(new ReportDraft(Classification.Complaint, $"Oktober laporan {i}", "Isi laporan uji rekonsiliasi.", null, null, null, null, null, null, false, false),
                Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, at);
            var agency = i % 2 == 0 ? world.AgencyA : world.AgencyB;
            switch (i % 6)
            {
                case 0:
                    break;
                case 1:
                    report.Archive(coordinator, ArchiveReason.Spam, "Spam", null, at.AddHours(1));
                    break;
                case 2:
                    report.Verify(coordinator, [agency], ComplaintKind.Ordinary, null, null, schedule, at.AddDays(1));
                    break;
                case 3:
                    report.Verify(coordinator, [agency], ComplaintKind.Ordinary, null, null, schedule, at.AddDays(1));
                    report.Respond(Actor.Officer(null!, [agency]), "Ditangani", MessageVisibility.Public, schedule, at.AddDays(2));
                    break;
                case 4:
                    report.Verify(coordinator, [agency], ComplaintKind.Ordinary, null, null, schedule, at.AddDays(1));
                    report.RespondFinal(Actor.Officer(null!, [agency]), "Selesai", MessageVisibility.Public, schedule, at.AddDays(3));
                    report.Accept(Actor.Guest, schedule, at.AddDays(4));
                    break;
                case 5:
                    report.Verify(coordinator, [agency], ComplaintKind.Ordinary, null, null, schedule, at.AddDays(1));
                    report.RespondFinal(Actor.Officer(null!, [agency]), "Selesai", MessageVisibility.Public, schedule, at.AddDays(3));
                    report.Reject(Actor.Guest, "Belum beres", at.AddDays(4));
                    break;
            }

            db.Reports.Add(report);
            db.ReporterIdentities.Add(new ReporterIdentity(report, "Uji", null, null));
        }

        await db.SaveChangesAsync();
    }
}
