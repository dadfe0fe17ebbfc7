using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Dashboard;

/// <summary>
/// The period report of DESIGN §8 for the viewer's scope: reports submitted in the period, their
/// rates, durations in working days, backlog, satisfaction, and one row per agency. The dashboard
/// page and the XLSX/CSV exports show this same object.
/// </summary>
public static class PeriodReport
{
    public const int MinimumToRank = 10;

    public sealed class Filter
    {
        public int? Year { get; set; }
        public int? Quarter { get; set; }
        public int? Month { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }

        /// <summary>Narrows the scope to one agency and everything below it (only within what the viewer may see).</summary>
        public int? AgencyId { get; set; }

        /// <summary>Narrows the scope: a category (a top-level one includes its children), a classification, a channel.</summary>
        public int? CategoryId { get; set; }
        public Classification? Classification { get; set; }
        public Channel? Channel { get; set; }

        /// <summary>First and last day: custom dates win, then month, quarter, year; the default is this year.</summary>
        public (DateOnly From, DateOnly To) Range(DateOnly today)
        {
            if (From is { } from && To is { } to && from <= to && ReportingPeriod.IsPlausible(from) && ReportingPeriod.IsPlausible(to))
            {
                return (from, to);
            }

            var year = Year is { } asked && ReportingPeriod.IsPlausible(asked) ? asked : today.Year;
            if (Month is >= 1 and <= 12)
            {
                var first = new DateOnly(year, Month.Value, 1);
                return (first, first.AddMonths(1).AddDays(-1));
            }

            if (Quarter is >= 1 and <= 4)
            {
                var first = new DateOnly(year, ((Quarter.Value - 1) * 3) + 1, 1);
                return (first, first.AddMonths(3).AddDays(-1));
            }

            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
    }

    /// <summary>One report in the report-list export: facts only, never the reporter.</summary>
    public sealed record ExportRow(
        string TrackingNumber, DateTimeOffset SubmittedAt, Classification Classification, Channel Channel, ReportStatus Status, string? Title,
        string? Category, string Agencies, DateTimeOffset? FirstResponseAt, DateTimeOffset? CompletedAt);

    public sealed record Stage(decimal? OnTime, decimal? Median, decimal? Mean);

    /// <summary>One month of the trend: reports received in it, and how many of those are completed now.</summary>
    public sealed record MonthPoint(DateOnly Month, int Received, int Completed);

    public sealed record AgencyRow(int AgencyId, string Agency, int Routed, int Completed, decimal? CompletionRate, decimal? FollowUpRate, decimal? OnTimeCompletion, decimal? MedianDaysToComplete, bool Ranked);

    public sealed record View(
        DateOnly From, DateOnly To, int Received, IReadOnlyDictionary<ReportStatus, int> ByStatus, decimal? CompletionRate, decimal? FollowUpRate,
        Stage Verify, Stage FirstResponse, Stage Completion, BacklogAgeing Backlog, decimal? Satisfaction, decimal? Connectedness, decimal? OfficerActivity,
        IReadOnlyList<AgencyRow> Agencies)
    {
        public IReadOnlyList<MonthPoint> Trend { get; init; } = [];

        public Filter Filter { get; init; } = new();
    }

    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, AgencyTree tree, ReferenceData reference, TimeProvider clock)
    {
        public async Task<View> HandleAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken)
        {
            var schedule = await schedules.GetAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var today = schedule.LocalDate(now);
            var (from, to) = filter.Range(today);
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), schedule.TimeZone.GetUtcOffset(from.ToDateTime(TimeOnly.MinValue)));
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), schedule.TimeZone.GetUtcOffset(to.ToDateTime(TimeOnly.MinValue)));

            // The period's reports as a query, reused as a subquery below: a list of ids as parameters breaks at 100k reports.
            var inPeriod = await WithinAgencyAsync(Narrow(scope.Apply(db.Reports.AsNoTracking()).Where(r => r.SubmittedAt >= start && r.SubmittedAt < end), filter), filter, cancellationToken);
            var reports = await inPeriod
                .Select(r => new
                {
                    r.Id, r.Status, r.SubmittedAt, r.VerifiedAt, r.VerifyDueOn, r.FirstResponseAt,
                    Accepted = r.TimesAccepted,
                    Rejected = r.TimesRejected,
                })
                .ToListAsync(cancellationToken);
            // Driven from the period's reports (date index), then each report's assignments (report index):
            // a filter on the assignments would look at every assignment ever made.
            var assignments = await (
                    from r in inPeriod
                    join a in db.Assignments on r.Id equals a.ReportId
                    where a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded
                    select new { a.ReportId, a.AgencyId, a.State, a.AssignedAt, a.FirstRespondedAt, a.FirstResponseDueOn, a.ClosedAt, a.CompletionDueOn })
                .ToListAsync(cancellationToken);

            int Days(DateTimeOffset a, DateTimeOffset b) => schedule.Calendar.WorkingDaysBetween(schedule.LocalDate(a), schedule.LocalDate(b));

            var byStatus = reports.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
            var routed = reports.Where(r => r.Status is ReportStatus.Dispositioned or ReportStatus.InProgress or ReportStatus.Completed).ToList();
            var verified = reports.Where(r => r.VerifiedAt is not null).ToList();
            var responded = assignments.Where(a => a.FirstRespondedAt is not null).ToList();
            var completed = assignments.Where(a => a.State == AssignmentState.Completed && a.ClosedAt is not null).ToList();

            var verify = new Stage(
                Rates.OnTime(verified.Count(r => r.VerifyDueOn is null || schedule.LocalDate(r.VerifiedAt!.Value) <= r.VerifyDueOn), verified.Count),
                Rates.Median([.. verified.Select(r => Days(r.SubmittedAt, r.VerifiedAt!.Value))]),
                Rates.Mean([.. verified.Select(r => Days(r.SubmittedAt, r.VerifiedAt!.Value))]));
            var firstResponse = new Stage(
                Rates.OnTime(responded.Count(a => schedule.LocalDate(a.FirstRespondedAt!.Value) <= a.FirstResponseDueOn), responded.Count),
                Rates.Median([.. responded.Select(a => Days(a.AssignedAt, a.FirstRespondedAt!.Value))]),
                Rates.Mean([.. responded.Select(a => Days(a.AssignedAt, a.FirstRespondedAt!.Value))]));
            var completion = new Stage(
                Rates.OnTime(completed.Count(a => schedule.LocalDate(a.ClosedAt!.Value) <= a.CompletionDueOn), completed.Count),
                Rates.Median([.. completed.Select(a => Days(a.AssignedAt, a.ClosedAt!.Value))]),
                Rates.Mean([.. completed.Select(a => Days(a.AssignedAt, a.ClosedAt!.Value))]));

            var backlog = BacklogAgeing.Of(reports
                .Where(r => r.Status is ReportStatus.Unverified or ReportStatus.OnHold or ReportStatus.Dispositioned or ReportStatus.InProgress)
                .Select(r => Days(r.SubmittedAt, now)));

            var names = await reference.AgencyNamesAsync(cancellationToken);
            var rows = assignments.GroupBy(a => a.AgencyId).Select(g =>
                {
                    var done = g.Where(a => a.State == AssignmentState.Completed && a.ClosedAt is not null).ToList();
                    return new AgencyRow(g.Key, names.GetValueOrDefault(g.Key, "?"), g.Count(), done.Count, Rates.Share(done.Count, g.Count()),
                        Rates.FollowUp(g.Count(a => a.FirstRespondedAt is not null), g.Count()),
                        Rates.OnTime(done.Count(a => schedule.LocalDate(a.ClosedAt!.Value) <= a.CompletionDueOn), done.Count),
                        Rates.Median([.. done.Select(a => Days(a.AssignedAt, a.ClosedAt!.Value))]),
                        g.Count() >= MinimumToRank);
                })
                .OrderByDescending(r => r.Ranked).ThenByDescending(r => r.CompletionRate).ThenByDescending(r => r.OnTimeCompletion).ThenBy(r => r.Agency)
                .ToList();

            var trend = new List<MonthPoint>();
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                var inMonth = reports.Where(r => { var d = schedule.LocalDate(r.SubmittedAt); return d.Year == month.Year && d.Month == month.Month; }).ToList();
                trend.Add(new MonthPoint(month, inMonth.Count, inMonth.Count(r => r.Status == ReportStatus.Completed)));
            }

            var (connected, active, total) = await AgencyStaffingAsync(scope, now, cancellationToken);
            return new View(from, to, reports.Count, byStatus, CompletionRate.Of(byStatus),
                Rates.FollowUp(routed.Count(r => r.FirstResponseAt is not null), routed.Count), verify, firstResponse, completion, backlog,
                Rates.Satisfaction(reports.Sum(r => r.Accepted), reports.Sum(r => r.Rejected)),
                Rates.OfAgencies(connected, total), Rates.OfAgencies(active, total), rows) { Trend = trend, Filter = filter };
        }

        /// <summary>The period's reports as export rows, streamed from the database in submission order.</summary>
        public async Task<IAsyncEnumerable<ExportRow>> ReportRowsAsync(ReportScope scope, Filter filter, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(from.ToDateTime(TimeOnly.MinValue)));
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(to.ToDateTime(TimeOnly.MinValue)));
            var reports = await WithinAgencyAsync(Narrow(scope.Apply(db.Reports.AsNoTracking()).Where(r => r.SubmittedAt >= start && r.SubmittedAt < end), filter), filter, cancellationToken);
            return reports
                .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
                .Select(r => new ExportRow(r.TrackingNumber, r.SubmittedAt, r.Classification, r.Channel, r.Status, r.IsConfidential ? null : r.PublicTitle ?? r.Title,
                    db.Categories.Where(c => c.Id == r.CategoryId).Select(c => c.Name).FirstOrDefault(),
                    string.Join("; ", r.Assignments.Where(a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded)
                        .Join(db.Agencies, a => a.AgencyId, g => g.Id, (_, g) => g.Name)),
                    r.FirstResponseAt, r.CompletedAt))
                .AsAsyncEnumerable();
        }

        /// <summary>Reports routed to the chosen agency or any agency below it.</summary>
        public async Task<IQueryable<Report>> WithinAgencyAsync(IQueryable<Report> reports, Filter filter, CancellationToken cancellationToken)
        {
            if (filter.AgencyId is not { } root)
            {
                return reports;
            }

            var subtree = (await tree.SubtreeOfAsync([root], cancellationToken)).ToArray();
            return reports.Where(r => r.Assignments.Any(a => subtree.Contains(a.AgencyId)));
        }

        /// <summary>The category, classification and channel filters; shared with the drill-down so its lists match the numbers.</summary>
        public IQueryable<Report> Narrow(IQueryable<Report> reports, Filter filter)
        {
            if (filter.CategoryId is { } category)
            {
                reports = reports.Where(r => r.CategoryId == category || db.Categories.Any(c => c.Id == r.CategoryId && c.ParentId == category));
            }

            if (filter.Classification is { } classification)
            {
                reports = reports.Where(r => r.Classification == classification);
            }

            return filter.Channel is { } channel ? reports.Where(r => r.Channel == channel) : reports;
        }

        /// <summary>Of the OPDs in scope: how many have an officer, and how many an officer who signed in within 30 days.</summary>
        private async Task<(int Connected, int Active, int Total)> AgencyStaffingAsync(ReportScope scope, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var inScope = (scope.Subtree.Count > 0 ? scope.Subtree : scope.AssignedAgencies).ToHashSet();
            var agencies = (await reference.AgenciesAsync(cancellationToken))
                .Where(a => inScope.Contains(a.Id) && a.IsActive && a.Kind is AgencyKind.Opd or AgencyKind.SubUnit)
                .Select(a => a.Id).ToHashSet();

            // Every officer's memberships (a province has a few thousand), narrowed here rather than with hundreds of parameters.
            var since = now.AddDays(-30);
            var officers = (await (from m in db.AgencyMemberships
                                   join u in db.Users on m.UserId equals u.Id
                                   where !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == m.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Officer))
                                   select new { m.AgencyId, u.LastSignInAt })
                                  .ToListAsync(cancellationToken))
                .Where(o => agencies.Contains(o.AgencyId))
                .ToList();
            return (officers.Select(o => o.AgencyId).Distinct().Count(),
                officers.Where(o => o.LastSignInAt >= since).Select(o => o.AgencyId).Distinct().Count(),
                agencies.Count);
        }
    }
}
