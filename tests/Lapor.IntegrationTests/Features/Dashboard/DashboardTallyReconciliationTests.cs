using System.Security.Claims;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Dashboard;

/// <summary>
/// The dashboard tally is kept on every save: after a run of events, each in its own save as requests make
/// them (verify, respond, final response, accept, reject, rate, reopen, forward, archive as duplicate), the
/// kept tally equals a recount of the rows, and the period report read from it equals the one counted from the rows.
/// </summary>
public sealed class DashboardTallyReconciliationTests(StoppedClockAppFactory app) : IClassFixture<StoppedClockAppFactory>
{
    private static readonly Actor Coordinator = new(null, ActorRole.Coordinator);

    [Fact]
    public async Task KeptTally_EqualsARecount_AndTheReportFromItEqualsTheCountFromRows()
    {
        var world = await StaffWorld.CreateAsync(app);
        var officerA = Actor.Officer(null!, [world.AgencyA]);
        var officerB = Actor.Officer(null!, [world.AgencyB]);
        var ids = await FileAsync(9);
        var day = new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero);
        DateTimeOffset Next() => day = day.AddDays(1);

        for (var i = 0; i < 7; i++)
        {
            await StepAsync(ids[i], (r, s) => r.Verify(Coordinator, [i == 6 ? world.AgencyB : world.AgencyA], ComplaintKind.Ordinary, null, null, s, Next()));
        }

        await StepAsync(ids[1], (r, s) => r.Respond(officerA, "Sedang ditangani", MessageVisibility.Public, s, Next()));
        await StepAsync(ids[2], (r, s) => r.RespondFinal(officerA, "Sudah selesai", MessageVisibility.Public, s, Next()));
        await StepAsync(ids[2], (r, s) => r.Accept(Actor.Guest, s, Next()));
        await StepAsync(ids[2], (r, _) => r.Rate(Actor.Guest, 4, Next()));
        await StepAsync(ids[3], (r, s) => r.RespondFinal(officerA, "Sudah selesai", MessageVisibility.Public, s, Next()));
        await StepAsync(ids[3], (r, _) => r.Reject(Actor.Guest, "Belum beres", Next()));
        await StepAsync(ids[4], (r, s) => r.RespondFinal(officerA, "Sudah selesai", MessageVisibility.Public, s, Next()));
        await StepAsync(ids[4], (r, s) => r.Accept(Actor.Guest, s, Next()));
        await StepAsync(ids[4], (r, s) => r.Reopen(Coordinator, "Jalan berlubang lagi", s, Next()));
        await StepAsync(ids[5], (r, s) => r.Forward(officerA, new AgencyRef(world.AgencyB, world.Region), "Bukan wewenang kami", s, Next()));
        await StepAsync(ids[5], (r, s) => r.RespondFinal(officerB, "Sudah selesai", MessageVisibility.Public, s, Next()));
        await StepAsync(ids[5], (r, s) => r.Accept(Actor.Guest, s, Next()));
        await StepAsync(ids[7], (r, _) => r.Archive(Coordinator, ArchiveReason.Duplicate, "Sama dengan laporan lain", ids[0], Next()));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var kept = (await db.DashboardTallies.AsNoTracking().Where(t => t.Count != 0 || t.OnTime != 0).ToListAsync())
            .Select(t => (t.Key, t.Count, t.OnTime)).OrderBy(c => c.ToString()).ToList();
        var recounted = (await scope.ServiceProvider.GetRequiredService<DashboardTallyRecount>().CountAsync(CancellationToken.None)).Cells.OrderBy(c => c.ToString()).ToList();
        Assert.Equal(recounted, kept);
        Assert.Contains(kept, c => c.Key.Measure == TallyMeasure.Completion && c.Key.AgencyId == world.AgencyB);
        Assert.Contains(kept, c => c.Key.Measure == TallyMeasure.Rated);

        var viewer = await ScopeOfAsync(scope.ServiceProvider, db, StaffWorld.Coordinator);
        Assert.True(viewer.SeesEveryReport);
        var report = scope.ServiceProvider.GetRequiredService<PeriodReport.Handler>();
        foreach (var filter in new[] { new PeriodReport.Filter { Year = 2026 }, new PeriodReport.Filter { Year = 2026, Month = 10 }, new PeriodReport.Filter { Year = 2026, Quarter = 4 } })
        {
            var tallied = await report.HandleAsync(viewer, filter, CancellationToken.None);
            var counted = await report.HandleAsync(viewer, filter, CancellationToken.None, fromRows: true);
            Assert.Equal(JsonSerializer.Serialize(counted), JsonSerializer.Serialize(tallied));
            Assert.Equal(9, tallied.Received);
        }
    }

    /// <summary>Reports filed in October 2026, each saved by itself.</summary>
    private async Task<List<long>> FileAsync(int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var at = new DateTimeOffset(2026, 10, 1 + i, 2, 0, 0, TimeSpan.Zero);
            ids.Add(await app.WithDbAsync(async db =>
            {
                var schedule = await ScheduleAsync();
                var report = Report.Submit(new ReportDraft(Classification.Complaint, $"Tally laporan {i}", "Isi laporan uji tally.", null, null, null, null, null, null, false, false),
                    Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, at);
                db.Reports.Add(report);
                db.ReporterIdentities.Add(new ReporterIdentity(report, "Uji", null, null));
                await db.SaveChangesAsync();
                return report.Id;
            }));
        }

        return ids;
    }

    /// <summary>One event on one report, loaded and saved in a fresh context as a request would.</summary>
    private async Task StepAsync(long reportId, Action<Report, Web.Domain.Deadlines.DeadlineSchedule> act)
    {
        var schedule = await ScheduleAsync();
        await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.Include(r => r.Assignments).SingleAsync(r => r.Id == reportId);
            act(report, schedule);
            await db.SaveChangesAsync();
        });
    }

    private async Task<Web.Domain.Deadlines.DeadlineSchedule> ScheduleAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
    }

    private static async Task<ReportScope> ScopeOfAsync(IServiceProvider services, LaporDbContext db, string email)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, Roles.Coordinator)], "Test"));
        return await ReportScope.ForAsync(principal, db, services.GetRequiredService<AgencyTree>(), CancellationToken.None);
    }
}
