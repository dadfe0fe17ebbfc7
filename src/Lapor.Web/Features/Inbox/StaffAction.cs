using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Inbox;

/// <summary>
/// Runs one staff transition on a report the user may see, as of the version they were looking at:
/// if someone else changed it meanwhile, nothing is written and the user is told.
/// </summary>
public static class StaffAction
{
    public enum Outcome
    {
        Done,
        NotFound,
        Conflict,
    }

    /// <summary>What a transition gets: the loaded report, the schedule and the clock reading.</summary>
    public sealed record Context(Report Report, DeadlineSchedule Schedule, DateTimeOffset Now);

    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, ReportNotifier notifier, TimeProvider clock)
    {
        public Task<bool> IsInScopeAsync(string trackingNumber, ReportScope scope, CancellationToken cancellationToken) =>
            scope.Apply(db.Reports).AnyAsync(r => r.TrackingNumber == trackingNumber, cancellationToken);

        public async Task<Outcome> RunAsync(string trackingNumber, int expectedVersion, ReportScope scope, Func<Context, Task> change, CancellationToken cancellationToken)
        {
            var report = await scope.Apply(db.Reports)
                .Include(r => r.Assignments)
                .Include(r => r.Routing)
                .AsSplitQuery()
                .FirstOrDefaultAsync(r => r.TrackingNumber == trackingNumber, cancellationToken);
            if (report is null)
            {
                return Outcome.NotFound;
            }

            if (report.Version != expectedVersion)
            {
                return Outcome.Conflict;
            }

            var recorded = report.Routing.Count;
            await change(new Context(report, await schedules.GetAsync(cancellationToken), clock.GetUtcNow()));
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
