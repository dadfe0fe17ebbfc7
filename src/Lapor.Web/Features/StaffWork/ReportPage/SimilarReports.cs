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
        public bool IsOpen => Status is not (ReportStatus.Archived or ReportStatus.Completed);
    }

    /// <summary>The panel: the report's number and version (for the buttons), the suggestions, and whether this viewer may mark.</summary>
    public sealed record Panel(string TrackingNumber, int Version, IReadOnlyList<Suggestion> Suggestions, bool MayMark);

    /// <summary>Only where the coordinator verifies: a report that is Unverified or on hold.</summary>
    public static bool Shown(ReportStatus status) => status is ReportStatus.Unverified or ReportStatus.OnHold;

    public sealed class Handler(LaporDbContext db, ReferenceData reference)
    {
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

                // A report already archived as a duplicate is not the one to point to: its original is.
                where r.ArchiveReason == null || r.ArchiveReason != ArchiveReason.Duplicate
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
                },
                rows.Select(r => new DuplicateRanking.Candidate(r.Id, r.Score, r.CategoryId, GeoPoint.Of(r.Latitude, r.Longitude), r.SubmittedAt,
                    r.Status is not (ReportStatus.Archived or ReportStatus.Completed)) { Text = $"{r.Title}\n{r.Body}\n{r.Location}" }));
            var names = await reference.AgencyNamesAsync(cancellationToken);
            var byId = rows.ToDictionary(r => r.Id);
            return [.. ranked.Select(s =>
            {
                var r = byId[s.Candidate.Id];
                var agency = r.Agency ?? r.TargetAgencyId;
                return new Suggestion(r.TrackingNumber, r.Title, r.Status, agency is { } id ? names.GetValueOrDefault(id) : null, r.SubmittedAt, s.DistanceMetres,
                    subject.CategoryId is not null && r.CategoryId == subject.CategoryId, s.Score);
            })];
        }
    }
}

/// <summary>The "laporan serupa" panel of a report's staff page: coordinators only, at verification.</summary>
public sealed class SimilarReportsViewComponent(SimilarReports.Handler handler, StaffScopeProvider scopes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ReportDetail.Page page)
    {
        var report = page.Report;
        if (!StaffRoles.Of(UserClaimsPrincipal).IsCoordinator || !SimilarReports.Shown(report.Status))
        {
            return Content("");
        }

        var scope = await scopes.GetAsync(HttpContext.RequestAborted);
        var subject = new SimilarReports.Subject(report.ReportId, report.Title, report.Body, report.Location, report.CategoryId,
            report.Point?.Latitude, report.Point?.Longitude, report.SubmittedAt);
        var suggestions = await handler.FindAsync(scope, subject, HttpContext.RequestAborted);
        return View("~/Features/StaffWork/ReportPage/_SimilarReports.cshtml",
            new SimilarReports.Panel(report.TrackingNumber, report.Version, suggestions, report.Can.Archive));
    }
}
