using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.MyReports;

/// <summary>
/// "Laporan Saya": the signed-in citizen's own reports, those waiting on them first ("menunggu jawaban
/// Anda": a question unanswered, or a final answer awaiting their verdict), then newest first; and below
/// them the public reports they support, which they follow (told by e-mail when one is completed or archived).
/// </summary>
public static class Mine
{
    public sealed record Item(
        string TrackingNumber, string Title, Classification Classification, ReportStatus Status, DateTimeOffset SubmittedAt,
        IReadOnlyList<string> Agencies, bool AwaitsYou, DateOnly? DueOn, DateTimeOffset? CompletedAt);

    /// <summary>A public report the citizen supports, as the public sees it.</summary>
    public sealed record Supported(string TrackingNumber, string Title, ReportStatus Status, DateTimeOffset SupportedAt);

    public sealed record Page(IReadOnlyList<Item> Own, IReadOnlyList<Supported> Supports);

    public sealed class Handler(LaporDbContext db)
    {
        public async Task<Page> HandleAsync(string userId, CancellationToken cancellationToken)
        {
            var own = await OwnAsync(userId, cancellationToken);

            // One that has left public view (made confidential) is no longer shown, though the support still counts.
            var supports = await db.ReportSupports.AsNoTracking().Where(s => s.UserId == userId)
                .Join(db.Reports.Where(PublicReport.IsVisible), s => s.ReportId, r => r.Id,
                    (s, r) => new { r.TrackingNumber, Title = r.PublicTitle ?? r.Title, r.Status, s.CreatedAt })
                .OrderByDescending(s => s.CreatedAt)
                .Take(100)
                .ToListAsync(cancellationToken);
            return new Page(own, [.. supports.Select(s => new Supported(s.TrackingNumber, s.Title, s.Status, s.CreatedAt))]);
        }

        private async Task<List<Item>> OwnAsync(string userId, CancellationToken cancellationToken)
        {
            var reports = await db.Reports.AsNoTracking()
                .Where(r => r.ReporterUserId == userId)
                .Select(r => new
                {
                    r.Id, r.TrackingNumber, r.Title, r.Classification, r.Status, r.SubmittedAt, r.CompletedAt, r.VerifyDueOn,

                    // The same rule the tracking page uses to ask for an answer or a verdict, decided by the database.
                    AwaitsYou = r.Status == ReportStatus.OnHold
                        || r.Assignments.Any(a => a.State == AssignmentState.AwaitingReporter)
                        || (r.Status == ReportStatus.InProgress && r.Assignments.Any(a => a.State == AssignmentState.FinalResponded)),
                    CompletionDue = r.Assignments.Where(a => a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress)
                        .OrderBy(a => a.CompletionDueOn).Select(a => (DateOnly?)a.CompletionDueOn).FirstOrDefault(),
                })
                .OrderByDescending(r => r.AwaitsYou)
                .ThenByDescending(r => r.SubmittedAt)
                .Take(200)
                .ToListAsync(cancellationToken);

            // The agencies working on each report now, or that completed it: not those it was forwarded from, returned or withdrawn by.
            var ids = reports.Select(r => r.Id).ToList();
            var gone = new[] { AssignmentState.Returned, AssignmentState.Forwarded, AssignmentState.Withdrawn };
            var agencies = (await db.Assignments.AsNoTracking()
                .Where(a => ids.Contains(a.ReportId) && !gone.Contains(a.State))
                .Join(db.Agencies, a => a.AgencyId, g => g.Id, (a, g) => new { a.ReportId, g.Name })
                .Distinct()
                .ToListAsync(cancellationToken))
                .ToLookup(a => a.ReportId, a => a.Name);

            return [.. reports.Select(r => new Item(
                r.TrackingNumber, r.Title, r.Classification, r.Status, r.SubmittedAt, [.. agencies[r.Id].Order(StringComparer.CurrentCulture)], r.AwaitsYou,
                r.Status == ReportStatus.Unverified ? r.VerifyDueOn : r.CompletionDue,
                r.Status == ReportStatus.Completed ? r.CompletedAt : null))];
        }
    }
}
