using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Operations;

/// <summary>
/// Reports filed before the StageDurations migration get their filing day and stage durations from
/// their timestamps, in batches, at startup; afterwards this is one indexed look-up per start.
/// (SQL cannot do it in the migration: it needs the time zone and the holiday calendar.)
/// </summary>
public sealed class StageDurationBackfill(LaporDbContext db, DeadlineScheduleProvider schedules, ILogger<StageDurationBackfill> logger)
{
    private const int BatchSize = 1000;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!await db.Reports.AnyAsync(r => r.SubmittedOn == Report.NotYetRecorded, cancellationToken))
        {
            return 0;
        }

        var schedule = await schedules.GetAsync(cancellationToken);
        var done = 0;
        while (true)
        {
            var batch = await db.Reports.Include(r => r.Assignments).Where(r => r.SubmittedOn == Report.NotYetRecorded)
                .OrderBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            batch.ForEach(r => r.RecordMissingStageDurations(schedule));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Count;
            logger.LogInformation("Recorded the stage durations of {Reports} earlier reports", done);
        }
    }
}
