using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Oversight.Dashboard;

/// <summary>The reports behind a dashboard number: same scope and period, narrowed by status or agency.</summary>
public static class DrillDown
{
    public const int Limit = 500;

    public sealed class Filter
    {
        public DateOnly From { get; set; }
        public DateOnly To { get; set; }
        public ReportStatus? Status { get; set; }
        public int? AgencyId { get; set; }
        public int? CategoryId { get; set; }
        public Classification? Classification { get; set; }
        public Channel? Channel { get; set; }
        public string? Tag { get; set; }

        /// <summary>Open reports of one ageing group (its position in <see cref="BacklogAgeing.Groups"/>): waiting that many working days today.</summary>
        public int? Ageing { get; set; }

        /// <summary>The dashboard's agency scope (its subtree), kept apart from the agency row being drilled into.</summary>
        public int? ScopeAgencyId { get; set; }

        /// <summary>The reports behind one of the period report's numbers: its period and narrowing, plus a status or an agency row.</summary>
        public static Filter Within(PeriodReport.View period, ReportStatus? status = null, int? agencyId = null, int? ageing = null) => new()
        {
            From = period.From,
            To = period.To,
            CategoryId = period.Filter.CategoryId,
            Classification = period.Filter.Classification,
            Channel = period.Filter.Channel,
            Tag = period.Filter.Tag,
            ScopeAgencyId = period.Filter.AgencyId,
            Status = status,
            AgencyId = agencyId,
            Ageing = ageing,
        };

        /// <summary>The filter under the names it binds from, for the drill-down's address; empty ones are left out.</summary>
        public RouteValueDictionary RouteValues()
        {
            var values = new RouteValueDictionary
            {
                [nameof(From)] = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [nameof(To)] = To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            foreach (var (name, value) in new (string, object?)[]
            {
                (nameof(CategoryId), CategoryId), (nameof(Classification), Classification), (nameof(Channel), Channel), (nameof(ScopeAgencyId), ScopeAgencyId),
                (nameof(Status), Status), (nameof(AgencyId), AgencyId), (nameof(Ageing), Ageing), (nameof(Tag), string.IsNullOrWhiteSpace(Tag) ? null : Tag),
            })
            {
                if (value is not null)
                {
                    values[name] = value;
                }
            }

            return values;
        }
    }

    public sealed record Row(string TrackingNumber, string Title, ReportStatus Status, DateTimeOffset SubmittedAt);

    public sealed record View(Filter Filter, string? Agency, IReadOnlyList<Row> Rows, bool Truncated);

    public sealed class Handler(LaporDbContext db, Infrastructure.Deadlines.DeadlineScheduleProvider schedules, PeriodReport.Handler report, TimeProvider clock)
    {
        public async Task<View> HandleAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken)
        {
            var schedule = await schedules.GetAsync(cancellationToken);

            // A hand-edited address may lack or garble the period: fall back to this year so far.
            var today = schedule.LocalDate(clock.GetUtcNow());
            if (!ReportingPeriod.IsPlausible(filter.From) || !ReportingPeriod.IsPlausible(filter.To) || filter.To < filter.From)
            {
                (filter.From, filter.To) = (new DateOnly(today.Year, 1, 1), today);
            }

            var narrowing = new PeriodReport.Filter { CategoryId = filter.CategoryId, Classification = filter.Classification, Channel = filter.Channel, AgencyId = filter.ScopeAgencyId, Tag = filter.Tag };
            var reports = await report.InPeriodAsync(scope, narrowing, filter.From, filter.To, cancellationToken);
            if (filter.Status is { } status)
            {
                reports = reports.Where(r => r.Status == status);
            }

            if (filter.AgencyId is { } agency)
            {
                reports = reports.Where(r => r.Assignments.Any(a => a.AgencyId == agency && a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn));
            }

            if (filter.Ageing is { } group && group >= 0 && group < BacklogAgeing.Groups.Count)
            {
                var (min, max) = BacklogAgeing.Groups[group];
                var (after, onOrBefore) = Ageing.Filed(min, max, today, schedule.Calendar);
                var open = BacklogAgeing.Open.ToArray();
                reports = reports.Where(r => open.Contains(r.Status));
                if (after is { } a)
                {
                    reports = reports.Where(r => r.SubmittedOn > a);
                }

                if (onOrBefore is { } b)
                {
                    reports = reports.Where(r => r.SubmittedOn <= b);
                }
            }

            var rows = await reports.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(Limit + 1)
                .Select(r => new Row(r.TrackingNumber, r.Title, r.Status, r.SubmittedAt)).ToListAsync(cancellationToken);
            var name = filter.AgencyId is { } id ? await db.Agencies.Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) : null;
            return new View(filter, name, rows.Take(Limit).ToList(), rows.Count > Limit);
        }
    }
}
