using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Oversight.Dashboard;

/// <summary>
/// Who is late, and where: every stage late now (<see cref="LateNow"/>) in the viewer's scope, whatever
/// the period: unverified reports past their verification day (the coordinators'), and per agency the
/// first responses and completions past their day. Rows are agencies' shares the viewer may see: an
/// agency head only their agencies', a coordinator or overseer those in their subtree. Nothing about
/// the reporter is read. The lists and the exports come from <see cref="Handler.RowsAsync"/>; the counts of the
/// "who is late" page (<see cref="WhoIsLate"/>) count the same shares of the same agencies by the same rule.
/// </summary>
public static class OverdueNow
{
    public const int Limit = 500;

    public sealed class Filter
    {
        /// <summary>One stage, or every stage.</summary>
        public Deadline? Stage { get; set; }

        /// <summary>One agency's shares (first response, completion); verification belongs to no agency.</summary>
        public int? AgencyId { get; set; }

        /// <summary>The dashboard's narrowing: its agency scope (subtree), category, classification, channel.</summary>
        public int? ScopeAgencyId { get; set; }
        public int? CategoryId { get; set; }
        public Classification? Classification { get; set; }
        public Channel? Channel { get; set; }
        public string? Tag { get; set; }

        /// <summary>The overdue list behind a dashboard figure: the dashboard's narrowing, one stage, one agency.</summary>
        public static Filter Within(PeriodReport.Filter dashboard, Deadline? stage = null, int? agencyId = null) => new()
        {
            ScopeAgencyId = dashboard.AgencyId,
            CategoryId = dashboard.CategoryId,
            Classification = dashboard.Classification,
            Channel = dashboard.Channel,
            Tag = dashboard.Tag,
            Stage = stage,
            AgencyId = agencyId,
        };

        public PeriodReport.Filter Narrowing() => new() { AgencyId = ScopeAgencyId, CategoryId = CategoryId, Classification = Classification, Channel = Channel, Tag = Tag };

        /// <summary>The filter under the names it binds from; empty ones are left out.</summary>
        public RouteValueDictionary RouteValues()
        {
            var values = new RouteValueDictionary();
            foreach (var (name, value) in new (string, object?)[]
            {
                (nameof(Stage), Stage), (nameof(AgencyId), AgencyId), (nameof(ScopeAgencyId), ScopeAgencyId), (nameof(CategoryId), CategoryId),
                (nameof(Classification), Classification), (nameof(Channel), Channel), (nameof(Tag), string.IsNullOrWhiteSpace(Tag) ? null : Tag),
            })
            {
                if (value is not null)
                {
                    values[name] = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value;
                }
            }

            return values;
        }
    }

    /// <summary>One late stage: <paramref name="AgencyId"/> is null for verification (the coordinators' stage), <paramref name="Agency"/> then names the agency the reporter aimed at, if any.</summary>
    public sealed record Row(string TrackingNumber, string Title, int? AgencyId, string? Agency, Deadline Stage, DateOnly DueOn, int WorkingDaysLate);

    /// <summary>How many stages are late now for one agency (null: verification, the coordinators').</summary>
    public sealed record Count(int? AgencyId, string? Agency, int Verify, int FirstResponse, int Completion)
    {
        public int Total => Verify + FirstResponse + Completion;

        public int Of(Deadline stage) => stage switch
        {
            Deadline.Verify => Verify,
            Deadline.FirstResponse => FirstResponse,
            _ => Completion,
        };
    }

    /// <summary>The list page: the rows (most late first, at most <see cref="Limit"/>), and how many there are in all.</summary>
    public sealed record View(Filter Filter, string? Agency, DateOnly Today, IReadOnlyList<Row> Rows, int Total);

    public sealed class Handler(LaporDbContext db, PeriodReport.Handler report, AgencyTree tree, DeadlineScheduleProvider schedules, ReferenceData reference, TimeProvider clock)
    {
        /// <summary>Every late stage in the viewer's scope matching the filter, most working days late first (then by tracking number).</summary>
        public async Task<IReadOnlyList<Row>> RowsAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken)
        {
            var schedule = await schedules.GetAsync(cancellationToken);
            var today = schedule.LocalDate(clock.GetUtcNow());
            var reports = await report.ScopedAsync(scope, filter.Narrowing(), cancellationToken);
            var names = await reference.AgencyNamesAsync(cancellationToken);
            var rows = new List<Row>();

            if (WatchesVerification(scope) && filter.Stage is null or Deadline.Verify && filter.AgencyId is null)
            {
                var unverified = await reports.Where(LateNow.Verification(today))
                    .Select(r => new { r.TrackingNumber, r.Title, r.TargetAgencyId, DueOn = r.VerifyDueOn!.Value })
                    .ToListAsync(cancellationToken);
                rows.AddRange(unverified.Select(r => new Row(r.TrackingNumber, r.Title, null, r.TargetAgencyId is { } target ? names.GetValueOrDefault(target) : null,
                    Deadline.Verify, r.DueOn, LateNow.WorkingDaysLate(r.DueOn, today, schedule.Calendar))));
            }

            if (filter.Stage is not Deadline.Verify)
            {
                rows.AddRange(await LateSharesAsync(scope, filter, today, schedule.Calendar, names, cancellationToken));
            }

            return [.. rows.OrderByDescending(r => r.WorkingDaysLate).ThenBy(r => r.DueOn).ThenBy(r => r.TrackingNumber, StringComparer.Ordinal).ThenBy(r => r.Stage)];
        }

        /// <summary>The first responses and completions late now at the agencies the viewer answers for: both stages in one read, told apart per share by the same rule in memory.</summary>
        private async Task<IEnumerable<Row>> LateSharesAsync(
            ReportScope scope, Filter filter, DateOnly today, WorkingDayCalendar calendar, IReadOnlyDictionary<int, string> names, CancellationToken cancellationToken)
        {
            var agencies = (await AgenciesAsync(scope, filter, cancellationToken)).ToArray();
            if (filter.AgencyId is { } agency)
            {
                agencies = agencies.Contains(agency) ? [agency] : [];
            }

            var candidates = db.Assignments.AsNoTracking().Where(a => agencies.Contains(a.AgencyId));
            if (await report.ReportsToTestAsync(scope, filter.Narrowing(), cancellationToken) is { } reports)
            {
                candidates = candidates.Where(a => reports.Any(r => r.Id == a.ReportId));
            }

            var shares = await candidates
                .Where(LateNow.AnyStage(today))
                .Select(a => new { a.Report!.TrackingNumber, a.Report.Title, a.AgencyId, a.State, a.PausedAt, a.FirstRespondedAt, a.FirstResponseDueOn, a.CompletionDueOn })
                .ToListAsync(cancellationToken);
            return from a in shares
                   from late in LateNow.StagesOf(a.State, a.PausedAt, a.FirstRespondedAt, a.FirstResponseDueOn, a.CompletionDueOn, today)
                   where filter.Stage is null || filter.Stage == late.Stage
                   select new Row(a.TrackingNumber, a.Title, a.AgencyId, names.GetValueOrDefault(a.AgencyId, "?"), late.Stage, late.DueOn,
                       LateNow.WorkingDaysLate(late.DueOn, today, calendar));
        }

        /// <summary>
        /// The agencies whose shares the viewer answers for: their own (agency head) or their subtree
        /// (coordinator, overseer), narrowed to the filter's agency and everything below it.
        /// </summary>
        public async Task<IReadOnlyCollection<int>> AgenciesAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken)
        {
            IEnumerable<int> visible = scope.Subtree.Count > 0 ? scope.Subtree : scope.AssignedAgencies;
            if (filter.ScopeAgencyId is { } root)
            {
                visible = visible.Intersect(await tree.SubtreeOfAsync([root], cancellationToken));
            }

            return [.. visible];
        }

        /// <summary>Verification is the coordinators' and the overseers': an agency head's scope has no unverified work to answer for.</summary>
        public static bool WatchesVerification(ReportScope scope) => scope.Subtree.Count > 0;

        /// <summary>The list behind one of the "who is late" page's numbers.</summary>
        public async Task<View> HandleAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken)
        {
            var rows = await RowsAsync(scope, filter, cancellationToken);
            var schedule = await schedules.GetAsync(cancellationToken);
            var names = await reference.AgencyNamesAsync(cancellationToken);
            var agency = filter.AgencyId is { } id ? names.GetValueOrDefault(id) : null;
            return new View(filter, agency, schedule.LocalDate(clock.GetUtcNow()), [.. rows.Take(Limit)], rows.Count);
        }
    }
}
