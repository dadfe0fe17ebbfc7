using Lapor.Web.Data;
using Lapor.Web.Domain.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Operations;

/// <summary>
/// Rebuilds the dashboard tally from the reports and assignments themselves, by the same rules that keep
/// it on every save (<see cref="TallyChanges"/>). Used where rows were written without the context (the
/// data generator), to fill it in a database that predates it (start-up), by the operator
/// (<c>recount-tally</c>), and by the test that reconciles the kept tally with a recount.
/// </summary>
public sealed class DashboardTallyRecount(LaporDbContext db, ILogger<DashboardTallyRecount> logger)
{
    /// <summary>Every report's and assignment's share, added up (streamed: a national database is millions of rows).</summary>
    public async Task<TallyChanges> CountAsync(CancellationToken cancellationToken)
    {
        var tally = new TallyChanges();
        var zone = db.TallyTimeZone;
        var reports = db.Reports.AsNoTracking().Select(r => new
        {
            r.SubmittedOn, r.Status, r.VerifyWorkingDays, r.VerifiedOnTime, Responded = r.FirstResponseAt != null, r.TimesAccepted, r.TimesRejected, r.Rating, r.CompletedAt,
        });
        await foreach (var r in reports.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            tally.Add(new ReportFacts(r.SubmittedOn, r.Status, r.VerifyWorkingDays, r.VerifiedOnTime, r.Responded, r.TimesAccepted, r.TimesRejected, r.Rating,
                LaporDbContext.LocalDay(r.CompletedAt, zone)));
        }

        var assignments = db.Assignments.AsNoTracking().Select(a => new AssignmentFacts(a.Report!.SubmittedOn, a.AgencyId, a.State, a.FirstResponseWorkingDays,
            a.FirstResponseOnTime, a.CompletionWorkingDays, a.CompletedOnTime, a.ValidationRefusals));
        await foreach (var a in assignments.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            tally.Add(a);
        }

        return tally;
    }

    /// <summary>Replaces the tally with a recount, in one transaction that saves wait for (their share then lands on the recount).</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Taken before reading, so a save running meanwhile either is counted here or adds its change after.
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "DashboardTallies" IN EXCLUSIVE MODE""", ct);
            }

            await db.DashboardTallies.ExecuteDeleteAsync(ct);
            var cells = (await CountAsync(ct)).Cells.ToList();
            await db.UpsertTallyAsync(cells, ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Dashboard tally recounted: {Cells} cells.", cells.Count);
            return cells.Count;
        }, cancellationToken);

    /// <summary>A database with reports and no tally (one made before the tally existed) gets its recount.</summary>
    public async Task BackfillIfMissingAsync(CancellationToken cancellationToken)
    {
        if (!await db.DashboardTallies.AnyAsync(cancellationToken) && await db.Reports.AnyAsync(cancellationToken))
        {
            await RunAsync(cancellationToken);
        }
    }
}
