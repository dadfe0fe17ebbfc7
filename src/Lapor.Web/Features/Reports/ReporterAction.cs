using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Reports;

/// <summary>
/// Runs one reporter step (reply, accept, reject, rate, reopen) on their own report: the signed-in
/// owner, or a browser that unlocked it with the access code. Anyone else gets "not found".
/// </summary>
public static class ReporterAction
{
    public enum Outcome
    {
        Done,
        NotFound,
        Conflict,
    }

    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, ReportNotifier notifier, TimeProvider clock)
    {
        public async Task<Outcome> RunAsync(string trackingNumber, string? userId, bool granted, Func<Report, Actor, DeadlineSchedule, DateTimeOffset, Task> change, CancellationToken cancellationToken)
        {
            var report = await db.Reports.Include(r => r.Assignments).Include(r => r.Routing).AsSplitQuery().FirstOrDefaultAsync(r => r.TrackingNumber == trackingNumber, cancellationToken);
            if (report is null || !(granted || (userId is not null && userId == report.ReporterUserId)))
            {
                return Outcome.NotFound;
            }

            var recorded = report.Routing.Count;
            await change(report, new Actor(userId, ActorRole.Citizen), await schedules.GetAsync(cancellationToken), clock.GetUtcNow());
            await notifier.QueueAsync(report, recorded, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Done;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome.Conflict;
            }
        }
    }
}
