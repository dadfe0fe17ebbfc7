using System.Linq.Expressions;
using Lapor.Web.Data;
using Lapor.Web.Data.Search;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Paging;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lapor.Web.Features.Citizen.PublicReports;

/// <summary>
/// /laporan: public reports, filtered and searched, with their number. Without search words, newest
/// first, paged by position (After/Before). With words, the database's full-text search ranks them
/// (<see cref="LaporDbContext.SearchPublicText"/>) and pages go by number: ranking scores every match
/// anyway, so a position cursor would save nothing there. A tracking number goes straight to its report.
/// </summary>
public static class PublicList
{
    public const int PageSize = 20;

    /// <summary>Deeper result pages are not offered: nobody reads them, and a hand-typed page number stays cheap.</summary>
    public const int MaxSearchPage = 500;

    public sealed class Filter
    {
        public int? AgencyId { get; set; }
        public int? CategoryId { get; set; }
        public ReportStatus? Status { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Q { get; set; }
        public string? After { get; set; }
        public string? Before { get; set; }
        public int? Page { get; set; }
    }

    public sealed record Row(long Id, string TrackingNumber, string Title, string? Category, ReportStatus Status, DateTimeOffset SubmittedAt, int SupportCount, IReadOnlyList<string> Agencies);

    /// <summary>Where a previous or next link leads: a position in the newest-first list, or a result page.</summary>
    public sealed record Cursor(string? After = null, string? Before = null, int? Page = null);

    /// <summary>One page of results, how many there are in all, the filter they were found by and the choices the filter form offers.</summary>
    public sealed record Page(IReadOnlyList<Row> Rows, int Total, Cursor? Previous, Cursor? Next, Filter Filter, FormOptions.View Options);

    private sealed record Found(long Id, string TrackingNumber, string Title, ReportStatus Status, DateTimeOffset SubmittedAt, int SupportCount, int? CategoryId, List<int> Agencies);

    private static readonly Expression<Func<Report, Found>> Project = r => new Found(
        r.Id, r.TrackingNumber, r.PublicTitle ?? r.Title, r.Status, r.SubmittedAt, r.SupportCount, r.CategoryId,

        // Ids only: names come from the cached agency list. Joining Agencies here made SQLite
        // materialise every assignment of every report before picking this page's.
        r.Assignments.Where(a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn)
            .Select(a => a.AgencyId).ToList());

    private const string TotalKey = "PublicList.Total";

    private static readonly TimeSpan TotalLifetime = TimeSpan.FromMinutes(1);

    private static bool Unfiltered(Filter f) => f.AgencyId is null && f.CategoryId is null && f.Status is null && f.From is null && f.To is null;

    public sealed class Handler(LaporDbContext db, ReferenceData reference, FormOptions.Handler options, IMemoryCache memory)
    {
        public async Task<Page> HandleAsync(Filter filter, bool english, CancellationToken cancellationToken)
        {
            var choices = await options.HandleAsync(english, cancellationToken);
            var reports = Filtered(filter);
            var terms = SearchTerms.Parse(filter.Q);
            var (rows, total, previous, next) =
                TrackingNumber.Normalize(filter.Q) is { } number && await reports.Where(r => r.TrackingNumber == number).Select(Project).FirstOrDefaultAsync(cancellationToken) is { } exact
                    ? ([exact], 1, null, null)
                    : terms.Count > 0
                        ? await RankedAsync(reports, filter, terms, cancellationToken)
                        : await NewestAsync(reports, filter, cancellationToken);

            var agencies = await reference.AgencyNamesAsync(cancellationToken);
            var categories = (await reference.CategoriesAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
            return new Page(
                [.. rows.Select(r => new Row(r.Id, r.TrackingNumber, r.Title, r.CategoryId is { } c ? categories.GetValueOrDefault(c) : null, r.Status, r.SubmittedAt,
                    r.SupportCount, [.. r.Agencies.Select(a => agencies.GetValueOrDefault(a, "?"))]))],
                total, previous, next, filter, choices);
        }

        private IQueryable<Report> Filtered(Filter filter)
        {
            var reports = db.Reports.AsNoTracking().Where(PublicReport.IsVisible);
            if (filter.AgencyId is { } agency)
            {
                reports = reports.Where(r => r.Assignments.Any(a => a.AgencyId == agency));
            }

            if (filter.CategoryId is { } category)
            {
                reports = reports.Where(r => r.CategoryId == category || db.Categories.Any(c => c.Id == r.CategoryId && c.ParentId == category));
            }

            if (filter.Status is { } status)
            {
                reports = reports.Where(r => r.Status == status);
            }

            var (start, end) = ReportingPeriod.Instants(filter.From, filter.To);
            if (start is { } from)
            {
                reports = reports.Where(r => r.SubmittedAt >= from);
            }

            if (end is { } to)
            {
                reports = reports.Where(r => r.SubmittedAt < to);
            }

            return reports;
        }

        /// <summary>
        /// Best match first (then newest); a page number out of range is the first page. The search
        /// table holds public reports only, so without other filters it is counted and ranked alone:
        /// joining every match to its report first doubled the time of a broad word. The count asks for
        /// no rank (on PostgreSQL ranking a broad word's matches was half of a 1M search's time).
        /// </summary>
        private async Task<(List<Found>, int, Cursor?, Cursor?)> RankedAsync(IQueryable<Report> reports, Filter filter, IReadOnlyList<IReadOnlyList<string>> terms, CancellationToken cancellationToken)
        {
            IQueryable<SearchHit> Hits(bool ranked) =>
                Unfiltered(filter) ? db.SearchPublicText(terms, ranked) : reports.Join(db.SearchPublicText(terms, ranked), r => r.Id, h => h.ReportId, (r, h) => h);

            var hits = Hits(ranked: true);
            var total = await Hits(ranked: false).CountAsync(cancellationToken);
            var number = filter.Page is >= 1 and <= MaxSearchPage ? filter.Page.Value : 1;

            // The page's ids in rank order, then their rows: EF cannot load a report's agencies beside a keyless search hit.
            var ids = await hits.OrderByDescending(h => h.Score).ThenByDescending(h => h.ReportId)
                .Skip((number - 1) * PageSize).Take(PageSize).Select(h => h.ReportId)
                .ToListAsync(cancellationToken);
            var found = ids.Count == 0 ? [] : await reports.Where(r => ids.Contains(r.Id)).Select(Project).ToDictionaryAsync(r => r.Id, cancellationToken);
            var rows = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
            return (rows, total,
                number > 1 ? new Cursor(Page: number - 1) : null,
                number * PageSize < total && number < MaxSearchPage ? new Cursor(Page: number + 1) : null);
        }

        /// <summary>Newest first, from a position: after one row (next page) or before one (previous page).</summary>
        private async Task<(List<Found>, int, Cursor?, Cursor?)> NewestAsync(IQueryable<Report> reports, Filter filter, CancellationToken cancellationToken)
        {
            // Every public report is the portal's most visited count and grows with the region (17 ms at 100k, ~10x at 1M):
            // each instance keeps it a minute. A filtered count is narrower and always fresh.
            var total = Unfiltered(filter)
                ? await memory.GetOrCreateAsync(TotalKey, e =>
                {
                    e.AbsoluteExpirationRelativeToNow = TotalLifetime;
                    return reports.CountAsync(cancellationToken);
                })
                : await reports.CountAsync(cancellationToken);
            List<Found> rows;
            bool hasPrevious, hasNext;
            if (Keyset.ParseInstant(filter.Before) is { Instant: var before, Id: var beforeId })
            {
                rows = await reports.Where(r => r.SubmittedAt > before || (r.SubmittedAt == before && r.Id > beforeId))
                    .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(PageSize + 1).Select(Project).ToListAsync(cancellationToken);
                hasPrevious = rows.Count > PageSize;
                hasNext = true;
                rows = [.. rows.Take(PageSize).Reverse()];
            }
            else
            {
                var after = Keyset.ParseInstant(filter.After);
                if (after is { Instant: var at, Id: var id })
                {
                    reports = reports.Where(r => r.SubmittedAt < at || (r.SubmittedAt == at && r.Id < id));
                }

                rows = await reports.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Take(PageSize + 1).Select(Project).ToListAsync(cancellationToken);
                hasPrevious = after is not null;
                hasNext = rows.Count > PageSize;
                rows = [.. rows.Take(PageSize)];
            }

            if (rows.Count == 0)
            {
                return (rows, total, null, null);
            }

            return (rows, total,
                hasPrevious ? new Cursor(Before: Keyset.After(rows[0].SubmittedAt, rows[0].Id).ToString()) : null,
                hasNext ? new Cursor(After: Keyset.After(rows[^1].SubmittedAt, rows[^1].Id).ToString()) : null);
        }
    }
}
