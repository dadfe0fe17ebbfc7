using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.Filing;

/// <summary>
/// At filing: open public reports of the same problem at the same place (<see cref="SupportOffer"/>), which
/// the citizen may support and follow instead of filing again. Only what the public page of each report
/// shows is read back: its public title and text, status, agency and date. Anonymous reports are never
/// offered: they are matched on their place, and the public never learns an anonymous report's place.
/// </summary>
public static class SupportOffers
{
    public sealed record Offer(string TrackingNumber, string Title, string Snippet, ReportStatus Status, string? Agency, DateTimeOffset SubmittedAt, int SupportCount);

    /// <summary>What the citizen has typed so far.</summary>
    public sealed record Draft(string? Title, string? Body, string? Location, int? CategoryId, decimal? Latitude, decimal? Longitude);

    public static Draft DraftOf(Submit.Form form) =>
        new(form.Title, form.Body, form.Location, form.CategoryId, Place.Latitude(form.Latitude), Place.Longitude(form.Longitude));

    public sealed class Handler(LaporDbContext db, ReferenceData reference, TimeProvider clock)
    {
        /// <summary>
        /// At most <see cref="SupportOffer.Shown"/> offers; one text search over the recent stretch of the index, among the
        /// reports that may be offered at the citizen's place only (it runs on every guest filing: at a million reports
        /// ranking every recent report first took twice as long, and could leave the 50 best all private, closed or elsewhere).
        /// </summary>
        public async Task<IReadOnlyList<Offer>> FindAsync(Draft draft, CancellationToken cancellationToken)
        {
            var terms = SimilarityTerms.Of(draft.Title, draft.Body, draft.Location);
            var subject = new DuplicateRanking.Subject(long.MaxValue, draft.CategoryId, GeoPoint.Of(draft.Latitude, draft.Longitude), clock.GetUtcNow())
            {
                Terms = terms,
                PlaceTerms = SimilarityTerms.Place(draft.Location),
                ProblemTerms = SimilarityTerms.Problem(draft.Title, draft.Body, draft.Location),
            };
            if (terms.Count == 0 || SupportOffer.PlaceQuery.Of(draft.Location, subject.Point) is not { } place
                || SupportOffer.ProblemQuery.Of(subject.ProblemTerms) is not { } problem)
            {
                return [];
            }

            var rows = await (
                from h in db.SearchSimilarText(terms, long.MaxValue, subject.SubmittedAt.AddDays(-DuplicateRanking.WindowDays), SimilarReportsCap,
                    offerableAt: place, sharing: problem)
                join r in db.Reports.AsNoTracking().Where(PublicReport.IsVisible) on h.ReportId equals r.Id
                where !r.IsAnonymous && r.Status != ReportStatus.Archived && r.Status != ReportStatus.Completed
                select new
                {
                    r.Id, r.TrackingNumber, Title = r.PublicTitle ?? r.Title, Text = r.PublicSummary ?? r.Body, r.Location, r.Status, r.CategoryId,
                    r.Latitude, r.Longitude, r.SubmittedAt, r.SupportCount, r.TargetAgencyId, h.Score,
                    Agency = r.Assignments.OrderBy(a => a.Id).Select(a => (int?)a.AgencyId).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return [];
            }

            // Scored on the public words only: a report is not offered for what its reporter wrote to the agency alone.
            var byId = rows.ToDictionary(r => r.Id);
            var offered = SupportOffer.Pick(subject, draft.Location, [.. rows.Select(r => new SupportOffer.Candidate(
                new DuplicateRanking.Candidate(r.Id, r.Score, r.CategoryId, GeoPoint.Of(r.Latitude, r.Longitude), r.SubmittedAt, IsOpen: true)
                {
                    Text = $"{r.Title}\n{r.Text}\n{r.Location}",
                    ProblemText = $"{r.Title}\n{r.Text}",
                },
                r.Location))]);
            if (offered.Count == 0)
            {
                return [];
            }

            var names = await reference.AgencyNamesAsync(cancellationToken);
            return [.. offered.Select(s =>
            {
                var r = byId[s.Candidate.Id];
                var agency = r.Agency ?? r.TargetAgencyId;
                return new Offer(r.TrackingNumber, r.Title, ReportSnippet.Of(r.Text), r.Status, agency is { } id ? names.GetValueOrDefault(id) : null, r.SubmittedAt, r.SupportCount);
            })];
        }

        /// <summary>As many text matches as the coordinator's panel scores.</summary>
        private const int SimilarReportsCap = 50;
    }
}
