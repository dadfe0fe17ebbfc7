using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Data;

/// <summary>Reports stored before the StageDurations migration get the same figures the domain records today.</summary>
public sealed class StageDurationBackfillTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    [Fact]
    public async Task Backfill_ReportsWithoutDurations_GetWhatTheDomainWouldHaveRecorded()
    {
        var world = await StaffWorld.CreateAsync(app);
        var ids = await SeedAsync(world.AgencyA);
        var recorded = await SnapshotAsync(ids);
        Assert.Contains(recorded, r => r.Completion is not null); // the seed reaches every stage
        Assert.All(recorded.Where(r => r.AssignmentFiledOn is not null), r => Assert.Equal(r.SubmittedOn, r.AssignmentFiledOn));

        // As the migration leaves them: no filing day, no durations.
        await app.WithDbAsync(async db =>
        {
            await db.Reports.ExecuteUpdateAsync(set => set.SetProperty(r => r.SubmittedOn, DateOnly.MinValue)
                .SetProperty(r => r.VerifyWorkingDays, (int?)null).SetProperty(r => r.VerifiedOnTime, (bool?)null));
            await db.Assignments.ExecuteUpdateAsync(set => set.SetProperty(a => a.ReportSubmittedOn, DateOnly.MinValue).SetProperty(a => a.FirstResponseWorkingDays, (int?)null).SetProperty(a => a.FirstResponseOnTime, (bool?)null)
                .SetProperty(a => a.CompletionWorkingDays, (int?)null).SetProperty(a => a.CompletedOnTime, (bool?)null));
        });
        Assert.NotEqual(recorded, await SnapshotAsync(ids));

        await using var scope = app.Services.CreateAsyncScope();
        var filled = await scope.ServiceProvider.GetRequiredService<StageDurationBackfill>().RunAsync(CancellationToken.None);
        var again = await scope.ServiceProvider.GetRequiredService<StageDurationBackfill>().RunAsync(CancellationToken.None);

        Assert.True(filled >= ids.Count);
        Assert.Equal(0, again);
        Assert.Equal(recorded, await SnapshotAsync(ids));
    }

    private sealed record Durations(long Id, DateOnly SubmittedOn, DateOnly? AssignmentFiledOn, int? Verify, bool? VerifiedOnTime, int? FirstResponse, bool? FirstResponseOnTime, int? Completion, bool? CompletedOnTime);

    private Task<List<Durations>> SnapshotAsync(IReadOnlyCollection<long> ids) =>
        app.WithDbAsync(db => db.Reports.Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id)
            .Select(r => new Durations(r.Id, r.SubmittedOn, r.Assignments.Select(a => (DateOnly?)a.ReportSubmittedOn).FirstOrDefault(), r.VerifyWorkingDays, r.VerifiedOnTime,
                r.Assignments.Select(a => a.FirstResponseWorkingDays).FirstOrDefault(), r.Assignments.Select(a => a.FirstResponseOnTime).FirstOrDefault(),
                r.Assignments.Select(a => a.CompletionWorkingDays).FirstOrDefault(), r.Assignments.Select(a => a.CompletedOnTime).FirstOrDefault()))
            .ToListAsync());

    /// <summary>Four reports over a fortnight with a weekend between stages: unverified, routed, answered, completed late.</summary>
    private async Task<List<long>> SeedAsync(int agency)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var schedule = await scope.ServiceProvider.GetRequiredService<DeadlineScheduleProvider>().GetAsync(CancellationToken.None);
        var coordinator = new Actor(null, ActorRole.Coordinator);
        var officer = new Actor(null, ActorRole.Officer);
        var reports = new List<Report>();
        for (var stage = 0; stage < 4; stage++)
        {
            var at = new DateTimeOffset(2026, 9, 3, 16, 30, 0, TimeSpan.Zero); // Thursday 23:30 WIB
            var report = Report.Submit(new ReportDraft(Classification.Complaint, $"Isi ulang {stage}", "Isi laporan uji.", null, null, null, null, null, null, false, false),
                Actor.Guest, Channel.Web, Guid.NewGuid(), null, schedule, at);
            if (stage >= 1)
            {
                report.Verify(coordinator, [agency], ComplaintKind.Ordinary, null, null, schedule, at.AddDays(4));
            }

            if (stage >= 2)
            {
                report.Respond(Actor.Officer(null!, [agency]), "Ditangani", MessageVisibility.Public, schedule, at.AddDays(6));
            }

            if (stage >= 3)
            {
                report.RespondFinal(Actor.Officer(null!, [agency]), "Selesai", MessageVisibility.Public, schedule, at.AddDays(30));
                report.Accept(Actor.Guest, schedule, at.AddDays(31));
            }

            reports.Add(report);
        }

        db.Reports.AddRange(reports);
        await db.SaveChangesAsync();
        return [.. reports.Select(r => r.Id)];
    }
}
