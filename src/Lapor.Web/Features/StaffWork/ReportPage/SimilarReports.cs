using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>
/// Earlier reports that look like the same problem (<see cref="DuplicateRanking"/>), for the coordinator
/// at verification. One statement: the full-text index's best <see cref="CandidateCap"/> by text rank,
/// joined to the reports this coordinator may see; the scoring is done in memory.
/// </summary>
public static class SimilarReports
{
    /// <summary>How many text matches are scored: enough that place, category and time can reorder them, few enough to stay fast at a million reports.</summary>
    public const int CandidateCap = 50;

    /// <summary>What is known of the report being verified.</summary>
    public sealed record Subject(long Id, string Title, string Body, string? Location, int? CategoryId, decimal? Latitude, decimal? Longitude, DateTimeOffset SubmittedAt);

    public sealed record Suggestion(
        string TrackingNumber, string Title, ReportStatus Status, string? Agency, DateTimeOffset SubmittedAt, double? DistanceMetres, bool SameCategory, double Score)
    {
        /// <summary>The opening of its text (<see cref="ReportSnippet"/>), read with the candidates: the panel is staff-only, so a confidential report's too.</summary>
        public string Snippet { get; init; } = "";

        public bool IsOpen => Status is not (ReportStatus.Archived or ReportStatus.Completed);
    }

    /// <summary>The panel: the report's number and version (for the buttons), the suggestions, and whether this viewer may mark.</summary>
    public sealed record Panel(string TrackingNumber, int Version, IReadOnlyList<Suggestion> Suggestions, bool MayMark);

    /// <summary>Only where the coordinator verifies: a report that is Unverified or on hold.</summary>
    public static bool Shown(ReportStatus status) => status is ReportStatus.Unverified or ReportStatus.OnHold;

    public sealed class Handler(LaporDbContext db, ReferenceData reference)
    {
        /// <summary>The panel for a report this coordinator may see, or null: the report, then its candidates (two statements).</summary>
        public async Task<Panel?> PanelAsync(ReportScope scope, string trackingNumber, CancellationToken cancellationToken)
        {
            var report = await scope.Apply(db.Reports.AsNoTracking()).Where(r => r.TrackingNumber == trackingNumber)
                .Select(r => new { r.Id, r.Version, r.Status, r.Title, r.Body, r.Location, r.CategoryId, r.Latitude, r.Longitude, r.SubmittedAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (report is null)
            {
                return null;
            }

            var suggestions = Shown(report.Status)
                ? await FindAsync(scope, new Subject(report.Id, report.Title, report.Body, report.Location, report.CategoryId, report.Latitude, report.Longitude, report.SubmittedAt), cancellationToken)
                : [];
            return new Panel(trackingNumber, report.Version, suggestions, ReportLifecycle.Can(report.Status, RoutingAction.Archive));
        }

        public async Task<IReadOnlyList<Suggestion>> FindAsync(ReportScope scope, Subject subject, CancellationToken cancellationToken)
        {
            var terms = SimilarityTerms.Of(subject.Title, subject.Body, subject.Location);
            if (terms.Count == 0)
            {
                return [];
            }

            var rows = await (
                from h in db.SearchSimilarText(terms, subject.Id, subject.SubmittedAt.AddDays(-DuplicateRanking.WindowDays), CandidateCap)
                join r in scope.Apply(db.Reports.AsNoTracking()) on h.ReportId equals r.Id

                // An archived report is not being followed up (and one archived as a duplicate has its original):
                // neither is a report to point a reporter to.
                where r.Status != ReportStatus.Archived
                select new
                {
                    r.Id, r.TrackingNumber, r.Title, r.Body, r.Location, r.Status, r.CategoryId, r.Latitude, r.Longitude, r.SubmittedAt, r.TargetAgencyId, h.Score,
                    Agency = r.Assignments.OrderBy(a => a.Id).Select(a => (int?)a.AgencyId).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return [];
            }

            var ranked = DuplicateRanking.Top(
                new DuplicateRanking.Subject(subject.Id, subject.CategoryId, GeoPoint.Of(subject.Latitude, subject.Longitude), subject.SubmittedAt)
                {
                    Terms = terms,
                    PlaceTerms = SimilarityTerms.Place(subject.Location),
                    ProblemTerms = SimilarityTerms.Problem(subject.Title, subject.Body, subject.Location),
                },
                rows.Select(r => new DuplicateRanking.Candidate(r.Id, r.Score, r.CategoryId, GeoPoint.Of(r.Latitude, r.Longitude), r.SubmittedAt,
                    r.Status is not (ReportStatus.Archived or ReportStatus.Completed)) { Text = $"{r.Title}\n{r.Body}\n{r.Location}", ProblemText = $"{r.Title}\n{r.Body}" }));
            var names = await reference.AgencyNamesAsync(cancellationToken);
            var byId = rows.ToDictionary(r => r.Id);
            return [.. ranked.Select(s =>
            {
                var r = byId[s.Candidate.Id];
                var agency = r.Agency ?? r.TargetAgencyId;
                return new Suggestion(r.TrackingNumber, r.Title, r.Status, agency is { } id ? names.GetValueOrDefault(id) : null, r.SubmittedAt, s.DistanceMetres,
                    subject.CategoryId is not null && r.CategoryId == subject.CategoryId, s.Score) { Snippet = ReportSnippet.Of(r.Body) };
            })];
        }
    }
}

/// <summary>
/// Where the "laporan serupa" panel goes on a report's staff page: coordinators only, at verification. The
/// panel itself comes from <c>/inbox/{n}/serupa</c> once the page is shown (similar-reports.js), so the page
/// keeps its own query budget and the text search never holds it up.
/// </summary>
public sealed class SimilarReportsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(ReportDetail.Page page) =>
        StaffRoles.Of(UserClaimsPrincipal).IsCoordinator && SimilarReports.Shown(page.Report.Status)
            ? View("~/Features/StaffWork/ReportPage/_SimilarReportsSlot.cshtml", page.Report.TrackingNumber)
            : Content("");
}
