using System.Text.Json;
using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Jobs;
using Lapor.Web.Infrastructure.Notifications;
using Lapor.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Deadlines;

/// <summary>
/// What time does by itself (DESIGN §6): expires unanswered holds, completes final responses whose
/// reporter window passed, and climbs the escalation ladder. Each report is saved on its own; the
/// unique index on escalations and the report's concurrency token make a second run — on this
/// instance or another — skip what the first already did.
/// </summary>
public sealed class DeadlineJob(
    LaporDbContext db, DeadlineScheduleProvider schedules, Recipients recipients, ReportNotifier notifier, TimeProvider clock, LaporMetrics metrics, ILogger<DeadlineJob> logger)
    : IPeriodicJob
{
    private static readonly ReportStatus[] Watched = [ReportStatus.Unverified, ReportStatus.OnHold, ReportStatus.Dispositioned, ReportStatus.InProgress];

    /// <summary>Processes every watched report once; returns how many changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var schedule = await schedules.GetAsync(cancellationToken);
        var ids = await db.Reports.AsNoTracking().Where(r => Watched.Contains(r.Status)).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            try
            {
                changed += await ProcessAsync(id, schedule, cancellationToken) ? 1 : 0;
            }
            catch (DbUpdateException)
            {
                // Another run got there first (unique escalation or newer report version): nothing is lost.
                logger.LogInformation("Report {ReportId} was handled by a concurrent deadline run", id);
            }
        }

        return changed;
    }

    private async Task<bool> ProcessAsync(long id, DeadlineSchedule schedule, CancellationToken cancellationToken)
    {
        var reached = new List<(Deadline, EscalationRung)>();
        var now = clock.GetUtcNow();
        var today = schedule.LocalDate(now);
        var report = await db.Reports.Include(r => r.Assignments).Include(r => r.Routing).AsSplitQuery().FirstAsync(r => r.Id == id, cancellationToken);
        var recorded = report.Routing.Count;
        var done = await db.Escalations.Where(e => e.ReportId == id).Select(e => new { e.AssignmentId, e.Deadline, e.Rung, e.DueOn }).ToListAsync(cancellationToken);
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

        foreach (var (deadline, assignment, dueOn) in Clocks(report))
        {
            foreach (var rung in EscalationLadder.ReachedRungs(deadline, dueOn, today, schedule.Calendar))
            {
                if (done.Any(e => e.AssignmentId == assignment?.Id && e.Deadline == deadline && e.Rung == rung && e.DueOn == dueOn))
                {
                    continue;
                }

                db.Escalations.Add(new Escalation(report.Id, assignment?.Id, deadline, rung, dueOn, now));
                report.RecordEscalation(deadline, rung, assignment, dueOn, now);
                await NotifyAsync(report, assignment, deadline, rung, dueOn, now, cancellationToken);
                reached.Add((deadline, rung));
                changed = true;
            }
        }

        if (changed)
        {
            await notifier.QueueAsync(report, recorded, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            // Counted once saved: a concurrent run that lost the race counts nothing.
            foreach (var (deadline, rung) in reached)
            {
                metrics.EscalationReached(deadline.ToString(), rung.ToString());
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

    private async Task NotifyAsync(Report report, Assignment? assignment, Deadline deadline, EscalationRung rung, DateOnly dueOn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = new List<Recipients.Person>();
        var agencies = assignment is null ? [] : new[] { assignment.AgencyId };
        switch (rung)
        {
            case EscalationRung.Reminder:
                people.AddRange(assignment is null ? await recipients.CoordinatorsOverAsync(report.TargetAgencyId, cancellationToken) : await recipients.InAgenciesAsync(agencies, Roles.Officer, cancellationToken));
                break;
            case EscalationRung.Breach:
                people.AddRange(await recipients.CoordinatorsOverAsync(assignment?.AgencyId ?? report.TargetAgencyId, cancellationToken));
                people.AddRange(assignment is null ? [] : await recipients.InAgenciesAsync(agencies, Roles.Officer, cancellationToken));
                break;
            case EscalationRung.AgencyHeadAlert:
                people.AddRange(await recipients.CoordinatorsOverAsync(assignment?.AgencyId ?? report.TargetAgencyId, cancellationToken));
                people.AddRange(assignment is null ? [] : await recipients.InAgenciesAsync(agencies, Roles.AgencyHead, cancellationToken));
                break;
            case EscalationRung.ReporterOffer:
                // The reporter's own address: the one place identity may go, since it is theirs.
                var email = await db.ReporterIdentities.Where(i => i.ReportId == report.Id).Select(i => i.Email).FirstOrDefaultAsync(cancellationToken);
                people.AddRange(email is null ? [] : [new Recipients.Person(email, "id")]);
                break;
        }

        // Staff mails name the report, never the reporter.
        var payload = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["TrackingNumber"] = report.TrackingNumber,
            ["Title"] = report.Title,
            ["DueOn"] = dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["DeadlineKey"] = $"Deadline.{deadline}",
        });
        foreach (var person in people.DistinctBy(p => p.Email))
        {
            db.OutboxMessages.Add(new OutboxMessage(NotificationChannel.Email, $"Escalation{rung}", person.Email, person.Culture, payload, report.Id, now));
            if (person.UserId is { } userId)
            {
                db.StaffNotifications.Add(new StaffNotification(userId, $"Escalation{rung}", report.Id, report.TrackingNumber, now));
            }
        }
    }
}
