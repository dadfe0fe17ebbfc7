using Lapor.Web.Data;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Paging;
using Lapor.Web.Features.Shared.Staffing;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>An OPD's inbox: the assignments of the user's agencies, by state, filtered, searched and paged.</summary>
public static class AgencyInbox
{
    public const int PageSize = 25;

    public sealed class Filter
    {
        public AssignmentState Tab { get; set; } = AssignmentState.Dispositioned;
        public Classification? Classification { get; set; }
        public int? CategoryId { get; set; }
        public Channel? Channel { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public bool Overdue { get; set; }
        public string? Q { get; set; }
        public InboxSort Sort { get; set; } = InboxSort.Oldest;
        public string? After { get; set; }
    }

    public sealed record Row(
        long AssignmentId, string TrackingNumber, string Title, Classification Classification, Channel Channel, string Agency,
        AssignmentState State, DateTimeOffset AssignedAt, DateOnly FirstResponseDueOn, DateOnly CompletionDueOn, bool IsOverdue, bool IsAnonymous, bool IsConfidential);

    /// <summary>One page of the inbox, with the categories the filter offers and, for an agency head, the officers' workload.</summary>
    public sealed record Page(
        IReadOnlyList<Row> Rows, IReadOnlyDictionary<AssignmentState, int> Counts, string? Next, Filter Filter,
        IReadOnlyList<FormOptions.Choice> Categories, Workload.View? Workload);

    public static readonly AssignmentState[] Tabs =
        [AssignmentState.Dispositioned, AssignmentState.InProgress, AssignmentState.AwaitingReporter, AssignmentState.AwaitingValidation, AssignmentState.FinalResponded,
            AssignmentState.Completed, AssignmentState.Forwarded, AssignmentState.Returned, AssignmentState.Withdrawn];

    public sealed class Handler(LaporDbContext db, Workload.Handler workloads, FormOptions.Handler options)
    {
        public async Task<Page> HandleAsync(ReportScope scope, Filter filter, TimeProvider clock, bool withWorkload, bool english, CancellationToken cancellationToken)
        {
            var workload = withWorkload ? await workloads.HandleAsync(scope, cancellationToken) : null;
            var categories = (await options.HandleAsync(english, cancellationToken)).Categories;
            var agencies = scope.AssignedAgencies.ToArray();
            var rows = db.Assignments.AsNoTracking().Where(a => agencies.Contains(a.AgencyId));

            if (filter.Classification is { } classification)
            {
                rows = rows.Where(x => x.Report!.Classification == classification);
            }

            if (filter.CategoryId is { } category)
            {
                rows = rows.Where(x => x.Report!.CategoryId == category);
            }

            if (filter.Channel is { } channel)
            {
                rows = rows.Where(x => x.Report!.Channel == channel);
            }

            var (start, end) = ReportingPeriod.Instants(filter.From, filter.To);
            if (start is { } from)
            {
                rows = rows.Where(x => x.Report!.SubmittedAt >= from);
            }

            if (end is { } to)
            {
                rows = rows.Where(x => x.Report!.SubmittedAt < to);
            }

            if (filter.Overdue)
            {
                var due = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                rows = rows.Where(x => x.IsOverdue || x.CompletionDueOn < due);
            }

            if (!string.IsNullOrWhiteSpace(filter.Q))
            {
                var number = TrackingNumber.Normalize(filter.Q);
                var text = filter.Q.Trim();
                // An eight-letter word can look like a tracking number: match either.
                rows = rows.Where(x => x.Report!.TrackingNumber == number || x.Report!.Title.Contains(text) || x.Report!.Body.Contains(text));
            }

            var counts = await rows.GroupBy(x => x.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

            var tab = rows.Where(x => x.State == filter.Tab);
            var after = filter.Sort == InboxSort.DueDate ? Keyset.ParseDay(filter.After) : Keyset.ParseInstant(filter.After);
            tab = filter.Sort switch
            {
                InboxSort.Newest => AfterNewest(tab, after).OrderByDescending(x => x.AssignedAt).ThenByDescending(x => x.Id),
                InboxSort.DueDate => AfterDue(tab, after).OrderBy(x => x.CompletionDueOn).ThenBy(x => x.Id),
                _ => AfterOldest(tab, after).OrderBy(x => x.AssignedAt).ThenBy(x => x.Id),
            };

            var names = db.Agencies.Select(ag => new { ag.Id, ag.Name });
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var page = await tab.Take(PageSize + 1)
                .Select(x => new Row(x.Id, x.Report!.TrackingNumber, x.Report!.Title, x.Report!.Classification, x.Report!.Channel,
                    names.Where(n => n.Id == x.AgencyId).Select(n => n.Name).First(), x.State, x.AssignedAt,
                    x.FirstResponseDueOn, x.CompletionDueOn, x.IsOverdue || (x.CompletionDueOn < today && (x.State == AssignmentState.Dispositioned || x.State == AssignmentState.InProgress)), x.Report!.IsAnonymous, x.Report!.IsConfidential))
                .ToListAsync(cancellationToken);

            string? next = null;
            if (page.Count > PageSize)
            {
                page.RemoveAt(PageSize);
                var last = page[^1];
                next = (filter.Sort == InboxSort.DueDate ? Keyset.After(last.CompletionDueOn, last.AssignmentId) : Keyset.After(last.AssignedAt, last.AssignmentId)).ToString();
            }

            return new Page(page, counts, next, filter, categories, workload);
        }

        private static IQueryable<Assignment> AfterOldest(IQueryable<Assignment> rows, Keyset? after) => after is not { Instant: var at, Id: var id } ? rows : rows.Where(x =>
            x.AssignedAt > at || (x.AssignedAt == at && x.Id > id));

        private static IQueryable<Assignment> AfterNewest(IQueryable<Assignment> rows, Keyset? after) => after is not { Instant: var at, Id: var id } ? rows : rows.Where(x =>
            x.AssignedAt < at || (x.AssignedAt == at && x.Id < id));

        private static IQueryable<Assignment> AfterDue(IQueryable<Assignment> rows, Keyset? after) => after is not { Day: var day, Id: var id } ? rows : rows.Where(x =>
            x.CompletionDueOn > day || (x.CompletionDueOn == day && x.Id > id));
    }
}

public enum InboxSort
{
    Oldest,
    Newest,
    DueDate,
}
