using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>
/// The one place a report is changed: staff buttons, reporter steps, filings from every channel and
/// the deadline job all come here. It loads the report with its concurrency token, runs the domain
/// method, turns the events it recorded into messages (<see cref="ReportNotices"/>) and status changes into
/// webhook deliveries (<see cref="StatusWebhooks"/>), and saves the
/// change, its history and its outbox rows in one transaction.
/// </summary>
public sealed class ReportWork(LaporDbContext db, DeadlineScheduleProvider schedules, ReportNotices notices, StatusWebhooks webhooks, TimeProvider clock, ILogger<ReportWork> logger)
{
    /// <summary>What a change gets: the loaded report, the schedule and the clock reading.</summary>
    public sealed record Step(Report Report, DeadlineSchedule Schedule, DateTimeOffset Now);

    /// <summary>Whether the query finds a report (for a "not found" answer before anything else is checked).</summary>
    public Task<bool> ExistsAsync(Func<IQueryable<Report>, IQueryable<Report>> find, CancellationToken cancellationToken) =>
        find(db.Reports).AnyAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="change"/> on the report <paramref name="find"/> selects, as of
    /// <paramref name="expectedVersion"/> when given. <paramref name="mayAct"/> decides on the loaded
    /// report whether this person may act on it at all (refused ones get "not found").
    /// </summary>
    public async Task<WorkResult> RunAsync(
        Func<IQueryable<Report>, IQueryable<Report>> find, int? expectedVersion, Func<Step, Task> change, CancellationToken cancellationToken,
        Func<Report, bool>? mayAct = null)
    {
        // The history and the messages are only appended to, so they are not loaded — except final
        // responses held for validation, which a validation publishes. The shares are: the status follows them.
        var report = await find(db.Reports).Include(r => r.Assignments).Include(r => r.Messages.Where(m => m.HeldVisibility != null))
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (report is null || !(mayAct?.Invoke(report) ?? true))
        {
            return WorkResult.NotFound;
        }

        if (expectedVersion is { } version && report.Version != version)
        {
            return WorkResult.Conflict;
        }

        var step = new Step(report, await schedules.GetAsync(cancellationToken), clock.GetUtcNow());
        try
        {
            await change(step);
        }
        catch (DomainException rule)
        {
            db.ChangeTracker.Clear();
            return WorkResult.Refused(rule.Code);
        }

        return await SaveAsync(report, step.Now, cancellationToken);
    }

    /// <summary>Stores a report just filed (with its reporter) and tells the reporter on their channel, in one transaction.</summary>
    public async Task<WorkResult> FileAsync(Report report, ReporterIdentity reporter, CancellationToken cancellationToken)
    {
        db.Reports.Add(report);
        db.ReporterIdentities.Add(reporter);
        return await SaveAsync(report, clock.GetUtcNow(), cancellationToken);
    }

    private async Task<WorkResult> SaveAsync(Report report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await notices.QueueAsync(report, now, cancellationToken);
        await webhooks.QueueAsync(report, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return WorkResult.Done;
        }
        catch (DbUpdateException clash)
        {
            // A newer version of the report, or a unique row (an escalation, a support, a tracking
            // number, a submission token) written meanwhile by another request or instance.
            logger.LogInformation("Report work on {TrackingNumber} lost a race: {Error}", report.TrackingNumber, clash.GetType().Name);
            db.ChangeTracker.Clear();
            return WorkResult.Conflict;
        }
    }
}
