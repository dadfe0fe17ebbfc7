using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.MyReports;

/// <summary>
/// "Laporan Saya": the signed-in citizen's own reports, those waiting on them first ("menunggu jawaban
/// Anda": a question unanswered, or a final answer awaiting their verdict), then newest first.
/// </summary>
public static class Mine
{
    public sealed record Item(
        string TrackingNumber, string Title, Classification Classification, ReportStatus Status, DateTimeOffset SubmittedAt,
        IReadOnlyList<string> Agencies, bool AwaitsYou, DateOnly? DueOn, DateTimeOffset? CompletedAt);

    public sealed class Handler(LaporDbContext db)
    {
        public Task<List<Item>> HandleAsync(string userId, CancellationToken cancellationToken)
        {
            // The agencies working on a report now, or that completed it: not those it was forwarded from, returned or withdrawn by.
            var live = new[] { AssignmentState.Returned, AssignmentState.Forwarded, AssignmentState.Withdrawn };
            return db.Reports.AsNoTracking()
                .Where(r => r.ReporterUserId == userId)
                .Select(r => new
                {
                    Report = r,

                    // The same rule the tracking page uses to ask for an answer or a verdict, decided by the database.
                    AwaitsYou = r.Status == ReportStatus.OnHold
                        || r.Assignments.Any(a => a.State == AssignmentState.AwaitingReporter)
                        || (r.Status == ReportStatus.InProgress && r.Assignments.Any(a => a.State == AssignmentState.FinalResponded)),
                })
                .OrderByDescending(x => x.AwaitsYou)
                .ThenByDescending(x => x.Report.SubmittedAt)
                .Take(200)
                .Select(x => new Item(
                    x.Report.TrackingNumber, x.Report.Title, x.Report.Classification, x.Report.Status, x.Report.SubmittedAt,
                    db.Agencies.Where(g => x.Report.Assignments.Any(a => a.AgencyId == g.Id && !live.Contains(a.State))).OrderBy(g => g.Name).Select(g => g.Name).ToList(),
                    x.AwaitsYou,
                    x.Report.Status == ReportStatus.Unverified ? x.Report.VerifyDueOn
                        : x.Report.Assignments.Where(a => a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress)
                            .OrderBy(a => a.CompletionDueOn).Select(a => (DateOnly?)a.CompletionDueOn).FirstOrDefault(),
                    x.Report.Status == ReportStatus.Completed ? x.Report.CompletedAt : null))
                .ToListAsync(cancellationToken);
        }
    }
}
