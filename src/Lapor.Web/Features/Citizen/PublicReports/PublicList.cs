using Lapor.Web.Data;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Paging;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.PublicReports;

/// <summary>/laporan: public reports, newest first, filtered and searched, paged by position.</summary>
public static class PublicList
{
    public const int PageSize = 20;

    public sealed class Filter
    {
        public int? AgencyId { get; set; }
        public int? CategoryId { get; set; }
        public ReportStatus? Status { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Q { get; set; }
        public string? After { get; set; }
    }

    public sealed record Row(long Id, string TrackingNumber, string Title, string? Category, ReportStatus Status, DateTimeOffset SubmittedAt, int SupportCount, IReadOnlyList<string> Agencies);

    /// <summary>One page of results, with the filter it was found by and the choices the filter form offers.</summary>
    public sealed record Page(IReadOnlyList<Row> Rows, string? Next, Filter Filter, FormOptions.View Options);

    public sealed class Handler(LaporDbContext db, ReferenceData reference, FormOptions.Handler options)
    {
        public async Task<Page> HandleAsync(Filter filter, bool english, CancellationToken cancellationToken)
        {
            var choices = await options.HandleAsync(english, cancellationToken);
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

            if (!string.IsNullOrWhiteSpace(filter.Q))
            {
                var number = TrackingNumber.Normalize(filter.Q);
                var text = filter.Q.Trim();
                // An eight-letter word can look like a tracking number: match either.
                reports = reports.Where(r => r.TrackingNumber == number || (r.PublicTitle ?? r.Title).Contains(text) || (r.PublicSummary ?? r.Body).Contains(text));
            }

            if (Keyset.ParseInstant(filter.After) is { Instant: var at, Id: var id })
            {
                reports = reports.Where(r => r.SubmittedAt < at || (r.SubmittedAt == at && r.Id < id));
            }

            var page = await reports.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Take(PageSize + 1)
                .Select(r => new
                {
                    r.Id, r.TrackingNumber, Title = r.PublicTitle ?? r.Title, r.Status, r.SubmittedAt, r.SupportCount,
                    r.CategoryId,

                    // Ids only: names come from the cached agency list. Joining Agencies here made SQLite
                    // materialise every assignment of every report before picking this page's.
                    Agencies = r.Assignments.Where(a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn)
                        .Select(a => a.AgencyId).ToList(),
                })
                .ToListAsync(cancellationToken);
            var agencies = await reference.AgencyNamesAsync(cancellationToken);
            var categories = (await reference.CategoriesAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name);

            string? next = null;
            if (page.Count > PageSize)
            {
                page.RemoveAt(PageSize);
                next = Keyset.After(page[^1].SubmittedAt, page[^1].Id).ToString();
            }

            return new Page(
                [.. page.Select(r => new Row(r.Id, r.TrackingNumber, r.Title, r.CategoryId is { } c ? categories.GetValueOrDefault(c) : null, r.Status, r.SubmittedAt,
                    r.SupportCount, [.. r.Agencies.Select(a => agencies.GetValueOrDefault(a, "?"))]))],
                next, filter, choices);
        }
    }
}
