using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Reports;

/// <summary>The reporter adds information: answers a hold, or writes to the agencies while they work.</summary>
public static class AddInformation
{
    public enum Outcome
    {
        Added,
        NotFound,
        Conflict,
    }

    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(string trackingNumber, string? userId, bool granted, string text, CancellationToken cancellationToken)
        {
            var report = await db.Reports
                .Include(r => r.Assignments)
                .FirstOrDefaultAsync(r => r.TrackingNumber == trackingNumber, cancellationToken);
            if (report is null || !(granted || (userId is not null && userId == report.ReporterUserId)))
            {
                return Outcome.NotFound;
            }

            var actor = new Actor(userId, ActorRole.Citizen);
            var schedule = await schedules.GetAsync(cancellationToken);
            if (report.Status == ReportStatus.OnHold)
            {
                report.AddInformation(actor, text, schedule, clock.GetUtcNow());
            }
            else
            {
                report.ReporterReply(actor, text, schedule, clock.GetUtcNow());
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Added;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome.Conflict;
            }
        }
    }
}
