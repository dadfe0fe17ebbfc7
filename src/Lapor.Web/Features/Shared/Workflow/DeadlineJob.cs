using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Jobs;
using Lapor.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// What time does by itself (DESIGN §6): expires unanswered holds, completes final responses whose
/// reporter window passed, and climbs the escalation ladder — each report as one piece of
/// <see cref="ReportWork"/>, so whom to tell comes from the same table as every other change. The
/// unique index on escalations and the report's concurrency token make a second run (on this
/// instance or another) skip what the first already did.
/// </summary>
public sealed class DeadlineJob(LaporDbContext db, ReportWork work, LaporMetrics metrics, ILogger<DeadlineJob> logger)
    : IPeriodicJob
{
    private static readonly ReportStatus[] Watched = [ReportStatus.Unverified, ReportStatus.OnHold, ReportStatus.Dispositioned, ReportStatus.InProgress];

    /// <summary>Processes every watched report once; returns how many changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Reports.AsNoTracking().Where(r => Watched.Contains(r.Status)).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var reached = new List<Escalation>();
            var advanced = false;
            var result = await work.RunAsync(reports => reports.Where(r => r.Id == id), null,
                async s => advanced = await AdvanceAsync(s, reached, cancellationToken), cancellationToken);
            if (result.Succeeded && advanced)
            {
                changed++;

                // Counted once saved: a concurrent run that lost the race counts nothing.
                reached.ForEach(e => metrics.EscalationReached(e.Deadline.ToString(), e.Rung.ToString()));
            }
            else if (result.Outcome == WorkOutcome.Conflict)
            {
                logger.LogInformation("Report {ReportId} was handled by a concurrent deadline run", id);
            }
        }

        return changed;
    }

    private async Task<bool> AdvanceAsync(ReportWork.Step step, List<Escalation> reached, CancellationToken cancellationToken)
    {
        var (report, schedule, now) = step;
        var today = schedule.LocalDate(now);
        var changed = false;
        if (report.Status == ReportStatus.OnHold && report.PausedAt is { } pausedAt
            && schedule.Calendar.WorkingDaysBetween(schedule.LocalDate(pausedAt), today) >= schedule.Policy.HoldExpiryDays)
        {
            report.ExpireHold(now);
            changed = true;
        }

        if (report.Assignments.Any(a => a.State == AssignmentState.FinalResponded && a.ReporterWindowEndsOn < today))
        {
            report.AutoComplete(schedule, now);
            changed = true;
        }

        var done = await db.Escalations.AsNoTracking().Where(e => e.ReportId == report.Id)
            .Select(e => new { e.AssignmentId, e.Deadline, e.Rung, e.DueOn }).ToListAsync(cancellationToken);
        // The offer to escalate is the reporter's, for the report as a whole: once, however many of its agencies are late.
        var offered = done.Any(e => e.Rung == EscalationRung.ReporterOffer);
        foreach (var (deadline, assignment, dueOn) in Clocks(report))
        {
            foreach (var rung in EscalationLadder.ReachedRungs(deadline, dueOn, today, schedule.Calendar)
                .Where(rung => !done.Any(e => e.AssignmentId == assignment?.Id && e.Deadline == deadline && e.Rung == rung && e.DueOn == dueOn))
                .Where(rung => rung != EscalationRung.ReporterOffer || !offered))
            {
                offered |= rung == EscalationRung.ReporterOffer;
                var escalation = new Escalation(report.Id, assignment?.Id, deadline, rung, dueOn, now);
                db.Escalations.Add(escalation);
                report.RecordEscalation(deadline, rung, assignment, dueOn, schedule, now);
                reached.Add(escalation);
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The running clocks: verification while unverified, and per working assignment its first response and completion.</summary>
    private static IEnumerable<(Deadline, Assignment?, DateOnly)> Clocks(Report report)
    {
        if (report.Status == ReportStatus.Unverified && report.VerifyDueOn is { } verifyBy)
        {
            yield return (Deadline.Verify, null, verifyBy);
        }

        if (report.Status is not (ReportStatus.Dispositioned or ReportStatus.InProgress))
        {
            yield break;
        }

        // Paused (waiting on the reporter) and answered assignments have no running clock.
        foreach (var assignment in report.Assignments.Where(a => a.State is AssignmentState.Dispositioned or AssignmentState.InProgress))
        {
            if (assignment.FirstRespondedAt is null)
            {
                yield return (Deadline.FirstResponse, assignment, assignment.FirstResponseDueOn);
            }

            yield return (Deadline.Completion, assignment, assignment.CompletionDueOn);
        }
    }
}
