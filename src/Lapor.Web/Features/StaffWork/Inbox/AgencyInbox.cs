using System.Globalization;
using System.Linq.Expressions;
using Lapor.Web.Data;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Agencies;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Paging;
using Lapor.Web.Features.Shared.Staffing;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>An OPD's inbox: the assignments of the user's agencies, by state, filtered, searched and paged.</summary>
public static class AgencyInbox
{
    public const int PageSize = 25;

    public sealed class Filter
    {
        public AssignmentState Tab { get; set; } = AssignmentState.Dispositioned;
        public InboxOwner Owner { get; set; }
        public Classification? Classification { get; set; }
        public int? CategoryId { get; set; }
        public Channel? Channel { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public bool Overdue { get; set; }
        public string? Q { get; set; }
        public InboxSort Sort { get; set; } = InboxSort.Oldest;
        public string? After { get; set; }

        /// <summary>
        /// The filter as a query string under the names it binds from, defaults left out: the tabs' links, the saved
        /// views and the list remembered for "back to the list" are all this, so they carry nothing else.
        /// </summary>
        public string Query(AssignmentState? tab = null, bool withPage = false, InboxOwner? owner = null)
        {
            var whose = owner ?? Owner;
            var parts = new List<KeyValuePair<string, string?>> { new(nameof(Tab), (tab ?? Tab).ToString()) };
            void Add(string name, object? value, bool when = true)
            {
                if (when && value is not null)
                {
                    parts.Add(new(name, Convert.ToString(value, CultureInfo.InvariantCulture)));
                }
            }

            Add(nameof(Owner), whose, whose != InboxOwner.All);
            Add(nameof(Sort), Sort, Sort != InboxSort.Oldest);
            Add(nameof(Overdue), "true", Overdue);
            Add(nameof(Q), Q?.Trim(), !string.IsNullOrWhiteSpace(Q));
            Add(nameof(Classification), Classification);
            Add(nameof(CategoryId), CategoryId);
            Add(nameof(Channel), Channel);
            Add(nameof(From), From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(nameof(To), To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(nameof(After), After, withPage && tab is null && owner is null);
            return QueryString.Create(parts).ToString();
        }

        /// <summary>Whether anything narrows the tab (the filter panel opens by itself then).</summary>
        public bool Narrows => Owner != InboxOwner.All || Classification is not null || CategoryId is not null || Channel is not null
            || From is not null || To is not null || Overdue || !string.IsNullOrWhiteSpace(Q);
    }

    /// <summary>
    /// One line of the list. <paramref name="Stage"/> and <paramref name="NextDueOn"/>: whose move it is and the
    /// date that counts next (the first response before completion). <paramref name="Unread"/>: changed since this
    /// user last opened it.
    /// </summary>
    public sealed record Row(
        long AssignmentId, string TrackingNumber, string Title, Classification Classification, Channel Channel, string Agency,
        AssignmentState State, DateTimeOffset AssignedAt, ShareStage Stage, DateOnly? NextDueOn, bool IsOverdue, bool IsAnonymous, bool IsConfidential,
        string? Owner, bool IsMine, bool Unread)
    {
        /// <summary>The report's tags (read-only here), read in the list's own statement.</summary>
        public IReadOnlyList<string> Tags { get; init; } = [];
    }

    /// <summary>One page of the inbox, with the categories the filter offers, the user's saved views, the colleagues work can go to and, for an agency head, the officers' workload.</summary>
    public sealed record Page(
        IReadOnlyList<Row> Rows, IReadOnlyDictionary<AssignmentState, int> Counts, string? Next, Filter Filter,
        IReadOnlyList<FormOptions.Choice> Categories, Workload.View? Workload)
    {
        public IReadOnlyList<SavedViews.Item> SavedViews { get; init; } = [];

        public IReadOnlyList<Colleague> Colleagues { get; init; } = [];
    }

    /// <summary>An active officer of one of the user's agencies: someone a report can be handed to.</summary>
    public sealed record Colleague(string UserId, string Name);

    public static readonly AssignmentState[] Tabs =
        [AssignmentState.Dispositioned, AssignmentState.InProgress, AssignmentState.AwaitingReporter, AssignmentState.AwaitingValidation, AssignmentState.FinalResponded,
            AssignmentState.Completed, AssignmentState.Forwarded, AssignmentState.Returned, AssignmentState.Withdrawn];

    public sealed class Handler(
        LaporDbContext db, Workload.Handler workloads, FormOptions.Handler options, SavedViews.Handler views, AgencyStaffing staffing, LocalTime local, TimeProvider clock)
    {
        public async Task<Page> HandleAsync(ReportScope scope, Filter filter, bool withWorkload, bool english, CancellationToken cancellationToken)
        {
            var workload = withWorkload ? await workloads.HandleAsync(scope, cancellationToken) : null;
            var categories = (await options.HandleAsync(english, cancellationToken)).Categories;
            var today = local.Date(clock.GetUtcNow());
            var user = scope.UserId;
            var counts = await CountsAsync(scope, filter, today, cancellationToken);
            var page = await PageAsync(scope, filter, today, cancellationToken);

            string? next = null;
            if (page.Count > PageSize)
            {
                page.RemoveAt(PageSize);
                var last = page[^1];
                next = (filter.Sort == InboxSort.DueDate
                    ? Keyset.After(ShareDeadline.Of(last.State, last.Responded, last.FirstResponseDueOn, last.CompletionDueOn, null).DueOn ?? last.CompletionDueOn, last.Id)
                    : Keyset.After(last.AssignedAt, last.Id)).ToString();
            }

            var lines = page.Select(x =>
            {
                var (stage, due) = ShareDeadline.Of(x.State, x.Responded, x.FirstResponseDueOn, x.CompletionDueOn, x.ReporterWindowEndsOn);
                var late = LateNow.StagesOf(x.State, x.PausedAt, x.FirstRespondedAt, x.FirstResponseDueOn, x.CompletionDueOn, today).Any();
                return new Row(x.Id, x.TrackingNumber, x.Title, x.Classification, x.Channel, x.Agency, x.State, x.AssignedAt, stage, due, late,
                    x.IsAnonymous, x.IsConfidential, x.Owner, x.IsMine, x.Unread) { Tags = [.. x.Tags.Order(StringComparer.Ordinal)] };
            }).ToList();
            return new Page(lines, counts, next, filter, categories, workload)
            {
                SavedViews = await views.ListAsync(user, cancellationToken),
                Colleagues = await ColleaguesAsync(scope, cancellationToken),
            };
        }

        /// <summary>
        /// The report that follows <paramref name="trackingNumber"/> in the list <paramref name="filter"/> describes
        /// (its tab, narrowing and order), whether or not the current one is still in it: "simpan &amp; berikutnya".
        /// </summary>
        public async Task<string?> NextAfterAsync(ReportScope scope, Filter filter, string trackingNumber, CancellationToken cancellationToken)
        {
            var agencies = scope.AssignedAgencies.ToArray();
            var current = await db.Assignments.AsNoTracking()
                .Where(a => agencies.Contains(a.AgencyId) && a.Report!.TrackingNumber == trackingNumber)
                .OrderByDescending(a => a.Id)
                .Select(a => new { a.Id, a.ReportId, a.AssignedAt, a.State, a.FirstRespondedAt, a.FirstResponseDueOn, a.CompletionDueOn })
                .FirstOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                return null;
            }

            // The position is the one the report had in the list when it was opened: its due date as it was then
            // (the first response, for a share that was waiting for it), so answering does not move it down the list.
            var position = filter.Sort == InboxSort.DueDate
                ? Keyset.After(filter.Tab == AssignmentState.Dispositioned ? current.FirstResponseDueOn : current.CompletionDueOn, current.Id)
                : Keyset.After(current.AssignedAt, current.Id);
            var rows = Filtered(scope, filter, local.Date(clock.GetUtcNow())).Where(x => x.State == filter.Tab && x.ReportId != current.ReportId);
            return await Ordered(rows, filter.Sort, position).Select(x => x.Report!.TrackingNumber).FirstOrDefaultAsync(cancellationToken);
        }

        /// <summary>The user's agencies' assignments narrowed by everything but the tab and the page.</summary>
        private IQueryable<Assignment> Filtered(ReportScope scope, Filter filter, DateOnly today)
        {
            var agencies = scope.AssignedAgencies.ToArray();
            // One agency (nearly every user) as an equality: PostgreSQL reads "= ANY(array)" as possibly several runs of the
            // (agency, state, assigned) index, so it cannot take a page in index order and sorted the whole tab (22 ms for
            // 12,761 rows, page 1 slower than page 511); "=" walks the index and stops after the page.
            var rows = agencies is [var only]
                ? db.Assignments.AsNoTracking().Where(a => a.AgencyId == only)
                : db.Assignments.AsNoTracking().Where(a => agencies.Contains(a.AgencyId));
            var user = scope.UserId;
            rows = filter.Owner switch
            {
                InboxOwner.Mine => rows.Where(x => x.OfficerUserId == user),
                InboxOwner.Unowned => rows.Where(x => x.OfficerUserId == null),
                _ => rows,
            };

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
                // Late now, by the rule the dashboard counts with: either clock of a running share has passed its due day.
                var late = db.Assignments.Where(LateNow.FirstResponse(today)).Select(a => a.Id).Concat(db.Assignments.Where(LateNow.Completion(today)).Select(a => a.Id));
                rows = rows.Where(x => late.Contains(x.Id));
            }

            if (!string.IsNullOrWhiteSpace(filter.Q))
            {
                var number = TrackingNumber.Normalize(filter.Q);
                // Lower case on both sides, so "jalan" finds "Jalan" and "josé" finds "JOSÉ" on every database
                // (docs/architecture.md, "Text comparison").
                var text = CaseFolded.Anywhere(filter.Q);
                // An eight-letter word can look like a tracking number: match either.
                rows = rows.Where(x => x.Report!.TrackingNumber == number || EF.Functions.Like(x.Report!.Title.ToLower(), text, CaseFolded.Escape) || EF.Functions.Like(x.Report!.Body.ToLower(), text, CaseFolded.Escape));
            }

            return rows;
        }

        /// <summary>How many assignments each tab holds, narrowed as the list is.</summary>
        private async Task<Dictionary<AssignmentState, int>> CountsAsync(ReportScope scope, Filter filter, DateOnly today, CancellationToken cancellationToken)
        {
            if (Unnarrowed(scope, filter) is { } agency)
            {
                return (await TabCounts(db, agency).ToListAsync(cancellationToken)).ToDictionary(c => c.State, c => c.Count);
            }

            return await Filtered(scope, filter, today).GroupBy(x => x.State).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        }

        /// <summary>The tab's page after the filter's position, with one line more than a page to tell whether another follows.</summary>
        private async Task<List<Fields>> PageAsync(ReportScope scope, Filter filter, DateOnly today, CancellationToken cancellationToken)
        {
            var cursor = Cursor(filter.Sort, filter.After);
            if (Unnarrowed(scope, filter) is { } agency && filter.Sort == InboxSort.Oldest)
            {
                return cursor is { Instant: var at, Id: var id }
                    ? await OldestAfter(db, agency, filter.Tab, at, id, scope.UserId).ToListAsync(cancellationToken)
                    : await OldestFirst(db, agency, filter.Tab, scope.UserId).ToListAsync(cancellationToken);
            }

            return await Ordered(Filtered(scope, filter, today).Where(x => x.State == filter.Tab), filter.Sort, cursor).Take(PageSize + 1)
                .Select(FieldsFor(scope.UserId)).ToListAsync(cancellationToken);
        }

        /// <summary>The agency of a list of one agency that nothing narrows: the list as an officer opens it nearly every time.</summary>
        private static int? Unnarrowed(ReportScope scope, Filter filter) => scope.AssignedAgencies is [var only] && !filter.Narrows ? only : null;

        /// <summary>What one line of the list reads, for the user reading it.</summary>
        private sealed record Fields(
            long Id, string TrackingNumber, string Title, Classification Classification, Channel Channel, string Agency, AssignmentState State,
            DateTimeOffset AssignedAt, bool Responded, DateOnly FirstResponseDueOn, DateOnly CompletionDueOn, DateOnly? ReporterWindowEndsOn,
            DateTimeOffset? PausedAt, DateTimeOffset? FirstRespondedAt, bool IsAnonymous, bool IsConfidential, string? Owner, bool IsMine, bool Unread,
            List<string> Tags);

        private sealed record StateCount(AssignmentState State, int Count);

        /// <summary>A line's fields from the context and the reading user: one definition for the compiled statements and the narrowed ones.</summary>
        private static readonly Expression<Func<LaporDbContext, string, Assignment, Fields>> FieldsOf = (db, user, x) => new Fields(
            x.Id, x.Report!.TrackingNumber, x.Report.Title, x.Report.Classification, x.Report.Channel,
            db.Agencies.Where(n => n.Id == x.AgencyId).Select(n => n.Name).First(),
            x.State, x.AssignedAt, x.FirstRespondedAt != null, x.FirstResponseDueOn, x.CompletionDueOn, x.ReporterWindowEndsOn, x.PausedAt, x.FirstRespondedAt,
            x.Report.IsAnonymous, x.Report.IsConfidential,
            db.Users.Where(u => u.Id == x.OfficerUserId).Select(u => u.FullName).FirstOrDefault(),
            x.OfficerUserId == user,
            !db.ReportReadings.Any(r => r.UserId == user && r.ReportId == x.ReportId && r.Version >= x.Report.Version),
            db.ReportTags.Where(rt => rt.ReportId == x.ReportId).Join(db.Tags, rt => rt.TagId, t => t.Id, (rt, t) => t.Label).ToList());

        // The list as it is opened nearly every time (one agency, nothing narrowing, oldest first), compiled once: EF
        // otherwise walks and hashes each statement's tree on every page to find its plan, a fifth of the page's CPU
        // (bench/README.md, tenth round). InboxWorkTests checks they list what the narrowed statements list.
        private static readonly Func<LaporDbContext, int, IAsyncEnumerable<StateCount>> TabCounts = EF.CompileAsyncQuery(
            (LaporDbContext db, int agency) => db.Assignments.Where(a => a.AgencyId == agency).GroupBy(x => x.State).Select(g => new StateCount(g.Key, g.Count())));

        private static readonly Func<LaporDbContext, int, AssignmentState, string, IAsyncEnumerable<Fields>> OldestFirst = EF.CompileAsyncQuery(
            WithFields<Func<LaporDbContext, int, AssignmentState, string, IQueryable<Fields>>>((LaporDbContext db, int agency, AssignmentState tab) =>
                db.Assignments.AsNoTracking().Where(a => a.AgencyId == agency && a.State == tab).OrderBy(x => x.AssignedAt).ThenBy(x => x.Id).Take(PageSize + 1)));

        private static readonly Func<LaporDbContext, int, AssignmentState, DateTimeOffset, long, string, IAsyncEnumerable<Fields>> OldestAfter = EF.CompileAsyncQuery(
            WithFields<Func<LaporDbContext, int, AssignmentState, DateTimeOffset, long, string, IQueryable<Fields>>>((LaporDbContext db, int agency, AssignmentState tab, DateTimeOffset at, long id) =>
                db.Assignments.AsNoTracking().Where(a => a.AgencyId == agency && a.State == tab).Where(x => x.AssignedAt > at || (x.AssignedAt == at && x.Id > id))
                    .OrderBy(x => x.AssignedAt).ThenBy(x => x.Id).Take(PageSize + 1)));

        /// <summary>A page of assignments (its first parameter the context) with each line's fields, for a user given as one more parameter.</summary>
        private static Expression<TQuery> WithFields<TQuery>(LambdaExpression page)
        {
            var user = Expression.Parameter(typeof(string), "user");
            var select = Expression.Call(
                typeof(Queryable), nameof(Queryable.Select), [typeof(Assignment), typeof(Fields)], page.Body, Expression.Quote(FieldsWith(page.Parameters[0], user)));
            return Expression.Lambda<TQuery>(select, [.. page.Parameters, user]);
        }

        /// <summary>
        /// <see cref="FieldsOf"/> for a query built here: the context and the user are read as C# reads a captured
        /// local, so EF takes the context's tables and sends the user as a parameter, as in any other query.
        /// </summary>
        private Expression<Func<Assignment, Fields>> FieldsFor(string user)
        {
            Expression<Func<LaporDbContext>> context = () => db;
            Expression<Func<string>> reader = () => user;
            return FieldsWith(context.Body, reader.Body);
        }

        /// <summary><see cref="FieldsOf"/> with the context and the reading user put in.</summary>
        private static Expression<Func<Assignment, Fields>> FieldsWith(Expression context, Expression user) =>
            Expression.Lambda<Func<Assignment, Fields>>(
                ReplacingExpressionVisitor.Replace(FieldsOf.Parameters[1], user, ReplacingExpressionVisitor.Replace(FieldsOf.Parameters[0], context, FieldsOf.Body)),
                FieldsOf.Parameters[2]);

        private static Keyset? Cursor(InboxSort sort, string? after) => sort == InboxSort.DueDate ? Keyset.ParseDay(after) : Keyset.ParseInstant(after);

        private static IQueryable<Assignment> Ordered(IQueryable<Assignment> rows, InboxSort sort, Keyset? after) => sort switch
        {
            InboxSort.Newest => AfterNewest(rows, after).OrderByDescending(x => x.AssignedAt).ThenByDescending(x => x.Id),
            InboxSort.DueDate => AfterDue(rows, after).OrderBy(ShareDeadline.NextDueOn).ThenBy(x => x.Id),
            _ => AfterOldest(rows, after).OrderBy(x => x.AssignedAt).ThenBy(x => x.Id),
        };

        private static IQueryable<Assignment> AfterOldest(IQueryable<Assignment> rows, Keyset? after) => after is not { Instant: var at, Id: var id } ? rows : rows.Where(x =>
            x.AssignedAt > at || (x.AssignedAt == at && x.Id > id));

        private static IQueryable<Assignment> AfterNewest(IQueryable<Assignment> rows, Keyset? after) => after is not { Instant: var at, Id: var id } ? rows : rows.Where(x =>
            x.AssignedAt < at || (x.AssignedAt == at && x.Id < id));

        /// <summary>After a position in next-due order; the due date is <see cref="ShareDeadline.NextDueOn"/>, written out so the database can compare it.</summary>
        private static IQueryable<Assignment> AfterDue(IQueryable<Assignment> rows, Keyset? after)
        {
            if (after is not { Day: var day, Id: var id })
            {
                return rows;
            }

            Expression<Func<Assignment, bool>> later = x =>
                (x.FirstRespondedAt == null && x.State == AssignmentState.Dispositioned ? x.FirstResponseDueOn : x.CompletionDueOn) > day
                || ((x.FirstRespondedAt == null && x.State == AssignmentState.Dispositioned ? x.FirstResponseDueOn : x.CompletionDueOn) == day && x.Id > id);
            return rows.Where(later);
        }

        private async Task<IReadOnlyList<Colleague>> ColleaguesAsync(ReportScope scope, CancellationToken cancellationToken) =>
            [.. (await staffing.OfficersAsync(cancellationToken)).Where(o => o.UserId != scope.UserId && scope.AssignedAgencies.Contains(o.AgencyId))
                .DistinctBy(o => o.UserId).Select(o => new Colleague(o.UserId, o.Name))];
    }
}

public enum InboxSort
{
    Oldest,
    Newest,

    /// <summary>By the next due date: the first response while it is awaited, then completion.</summary>
    DueDate,
}

/// <summary>Whose work the list shows: everyone's, the user's own, or what nobody has taken yet.</summary>
public enum InboxOwner
{
    All,
    Mine,
    Unowned,
}
