using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Inbox;

/// <summary>The coordinator's queue: reports in their region waiting for a decision, oldest first.</summary>
public static class CoordinatorQueue
{
    public const int PageSize = 25;

    public enum Tab
    {
        New,
        Returned,
        OnHold,
        Archived,
        Routed,

        /// <summary>Open reports three working days past a deadline, or escalated by their reporter.</summary>
        Escalated,
    }

    public sealed class Filter
    {
        public Tab Tab { get; set; } = Tab.New;
        public string? Q { get; set; }
        public string? After { get; set; }
    }

    public sealed record Row(long Id, string TrackingNumber, string Title, Classification Classification, Channel Channel, ReportStatus Status,
        string? Category, string? TargetAgency, DateTimeOffset SubmittedAt, DateOnly? VerifyDueOn, bool IsAnonymous, bool IsConfidential);

    public sealed record Page(IReadOnlyList<Row> Rows, IReadOnlyDictionary<Tab, int> Counts, string? Next, Filter Filter);

    public sealed class Handler(LaporDbContext db)
    {
        public async Task<Page> HandleAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken)
        {
            var reports = scope.Apply(db.Reports.AsNoTracking());
            if (!string.IsNullOrWhiteSpace(filter.Q))
            {
                var number = TrackingNumber.Normalize(filter.Q);
                var text = filter.Q.Trim();
                // An eight-letter word can look like a tracking number: match either.
                reports = reports.Where(r => r.TrackingNumber == number || r.Title.Contains(text) || r.Body.Contains(text));
            }

            var byStatus = await reports.GroupBy(r => new { r.Status, r.IsReturned }).Select(g => new { g.Key.Status, g.Key.IsReturned, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var counts = Enum.GetValues<Tab>().ToDictionary(t => t, t => byStatus.Where(g => InTab(t, g.Status, g.IsReturned)).Sum(g => g.Count));
            var escalated = reports.Where(r => (r.Status == ReportStatus.Dispositioned || r.Status == ReportStatus.InProgress)
                && db.Escalations.Any(e => e.ReportId == r.Id && (e.Rung == EscalationRung.AgencyHeadAlert || e.Rung == EscalationRung.ReporterEscalated)));
            counts[Tab.Escalated] = await escalated.CountAsync(cancellationToken);

            var rows = filter.Tab switch
            {
                Tab.New => reports.Where(r => r.Status == ReportStatus.Unverified && !r.IsReturned),
                Tab.Returned => reports.Where(r => r.Status == ReportStatus.Unverified && r.IsReturned),
                Tab.OnHold => reports.Where(r => r.Status == ReportStatus.OnHold),
                Tab.Archived => reports.Where(r => r.Status == ReportStatus.Archived),
                Tab.Escalated => escalated,
                _ => reports.Where(r => r.Status == ReportStatus.Dispositioned || r.Status == ReportStatus.InProgress || r.Status == ReportStatus.Completed),
            };

            if (Keyset.ParseInstant(filter.After) is { Instant: var at, Id: var id })
            {
                rows = rows.Where(r => r.SubmittedAt > at || (r.SubmittedAt == at && r.Id > id));
            }

            var page = await rows.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(PageSize + 1)
                .Select(r => new Row(r.Id, r.TrackingNumber, r.Title, r.Classification, r.Channel, r.Status,
                    db.Categories.Where(c => c.Id == r.CategoryId).Select(c => c.Name).FirstOrDefault(),
                    db.Agencies.Where(a => a.Id == r.TargetAgencyId).Select(a => a.Name).FirstOrDefault(),
                    r.SubmittedAt, r.VerifyDueOn, r.IsAnonymous, r.IsConfidential))
                .ToListAsync(cancellationToken);

            string? next = null;
            if (page.Count > PageSize)
            {
                page.RemoveAt(PageSize);
                next = Keyset.After(page[^1].SubmittedAt, page[^1].Id).ToString();
            }

            return new Page(page, counts, next, filter);
        }

        private static bool InTab(Tab tab, ReportStatus status, bool returned) => tab switch
        {
            Tab.New => status == ReportStatus.Unverified && !returned,
            Tab.Returned => status == ReportStatus.Unverified && returned,
            Tab.OnHold => status == ReportStatus.OnHold,
            Tab.Archived => status == ReportStatus.Archived,
            Tab.Escalated => false,
            _ => status is ReportStatus.Dispositioned or ReportStatus.InProgress or ReportStatus.Completed,
        };
    }
}
