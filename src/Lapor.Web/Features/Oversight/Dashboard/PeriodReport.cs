using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Oversight.Dashboard;

/// <summary>
/// The period report of DESIGN §8 for the viewer's scope: reports submitted in the period, their
/// rates, durations in working days, backlog, satisfaction, and one row per agency. The dashboard
/// page, its print version and the XLSX/CSV exports show this same object.
/// </summary>
public static partial class PeriodReport
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

        /// <summary>Narrows to reports with this tag (a label of the managed list; an unknown one matches nothing).</summary>
        public string? Tag { get; set; }

        /// <summary>Whether anything narrows the viewer's reports: an agency, category, classification, channel or tag.</summary>
        public bool Narrows =>
            AgencyId is not null || CategoryId is not null || Classification is not null || Channel is not null || !string.IsNullOrWhiteSpace(Tag);

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

        /// <summary>The filter as it came, under the names it binds from: links to the print version and the exports keep it.</summary>
        public RouteValueDictionary RouteValues()
        {
            var values = new RouteValueDictionary();
            Add(values, nameof(Year), Year);
            Add(values, nameof(Quarter), Quarter);
            Add(values, nameof(Month), Month);
            Add(values, nameof(From), From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(values, nameof(To), To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(values, nameof(AgencyId), AgencyId);
            Add(values, nameof(CategoryId), CategoryId);
            Add(values, nameof(Classification), Classification);
            Add(values, nameof(Channel), Channel);
            Add(values, nameof(Tag), string.IsNullOrWhiteSpace(Tag) ? null : Tag.Trim());
            return values;
        }

        private static void Add(RouteValueDictionary values, string name, object? value)
        {
            if (value is not null)
            {
                values[name] = value;
            }
        }
    }

    /// <summary>One stage's times: <paramref name="OnTime"/> counts what is late now as well as what finished late (<see cref="Domain.Metrics.LateNow.OnTimeShare"/>).</summary>
    public sealed record Stage(decimal? OnTime, decimal? Median, decimal? Mean)
    {
        /// <summary>Of the period's reports, how many are late at this stage now.</summary>
        public int LateNow { get; init; }

        public int Finished { get; init; }

        public int FinishedOnTime { get; init; }

        public static Stage Of(DurationTally tally, int lateNow) =>
            new(Domain.Metrics.LateNow.OnTimeShare(tally.OnTimeCount, tally.Count, lateNow), tally.Median, tally.Mean)
            {
                LateNow = lateNow,
                Finished = tally.Count,
                FinishedOnTime = tally.OnTimeCount,
            };
    }

    /// <summary>Reports of one filing day, status, verification time and verification due day, counted.</summary>
    private sealed record ReportGroup(
        DateOnly SubmittedOn, ReportStatus Status, int? VerifyWorkingDays, bool? VerifiedOnTime, DateOnly? VerifyDueOn, int Count, int WithFirstResponse, int Accepted, int Rejected,
        int Rated, int Stars);

    /// <summary>One agency's assignments in the period: how many, how many answered, its completion times and how many are late to complete now.</summary>
    private sealed class AgencyTally
    {
        public int Assigned { get; set; }
        public int Responded { get; set; }
        public int Refusals { get; set; }
        public int CompletionLate { get; set; }
        public DurationTally Completion { get; } = new();
    }

    /// <summary>One month of the trend: reports received in it (filing day) and reports completed in it (local day of completion), each counted in the month it happened.</summary>
    public sealed record MonthPoint(DateOnly Month, int Received, int Completed);

    /// <summary><paramref name="Refusals"/>: final responses the coordinators refused ("tindak lanjut ditolak"), summed over the agency's assignments.</summary>
    public sealed record AgencyRow(
        int AgencyId, string Agency, int Routed, int Completed, decimal? CompletionRate, decimal? FollowUpRate, decimal? OnTimeCompletion, decimal? MedianDaysToComplete, bool Ranked,
        int Refusals)
    {
        /// <summary>The agency's assignments of the period whose completion is late now (counted in <see cref="OnTimeCompletion"/>).</summary>
        public int LateNow { get; init; }
    }

    public sealed record View(
        DateOnly From, DateOnly To, int Received, IReadOnlyDictionary<ReportStatus, int> ByStatus, decimal? CompletionRate, decimal? FollowUpRate,
        Stage Verify, Stage FirstResponse, Stage Completion, BacklogAgeing Backlog, decimal? Satisfaction, IReadOnlyList<AgencyRow> Agencies)
    {
        public IReadOnlyList<MonthPoint> Trend { get; init; } = [];

        public Filter Filter { get; init; } = new();

        /// <summary>Whether the per-agency figures show refused final responses: where the region validates them, or any was refused.</summary>
        public bool ShowRefusals { get; init; }

        /// <summary>The day "now" is measured on (local): the late-now figures and ages are as of this day.</summary>
        public DateOnly Today { get; init; }

        /// <summary>Final responses the reporters accepted and rejected: what <see cref="Satisfaction"/> is the share of.</summary>
        public int Accepted { get; init; }

        public int Rejected { get; init; }

        /// <summary>Reports the reporter rated (1–5 stars), and their mean rating (null when none was).</summary>
        public int Rated { get; init; }

        public decimal? MeanRating { get; init; }
    }

    public sealed partial class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, AgencyTree tree, ReferenceData reference, TimeProvider clock)
    {
        /// <summary>The report; <paramref name="fromRows"/> counts it from the rows even where the tally could answer (the reconciliation test compares both).</summary>
        public async Task<View> HandleAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken, bool fromRows = false)
        {
            var schedule = await schedules.GetAsync(cancellationToken);
            var today = schedule.LocalDate(clock.GetUtcNow());
            var (from, to) = filter.Range(today);
            var figures = !fromRows && UsesTally(scope, filter, from, to)
                ? await TalliedAsync(today, from, to, cancellationToken)
                : await CountedAsync(scope, filter, schedule, today, from, to, cancellationToken);

            var byStatus = figures.ByStatus.OrderBy(s => s.Key).ToDictionary(s => s.Key, s => s.Value);
            var verify = figures.Verify;
            var completion = new DurationTally();
            foreach (var agency in figures.PerAgency.Values)
            {
                completion.Add(agency.Completion);
            }

            var backlog = BacklogAgeing.Of(figures.Open.GroupBy(g => g.FiledOn).Select(g => (schedule.Calendar.WorkingDaysBetween(g.Key, today), g.Sum(x => x.Count))));

            var names = await reference.AgencyNamesAsync(cancellationToken);
            var rows = figures.PerAgency.Select(p =>
                {
                    var (agency, done) = (p.Value, p.Value.Completion);
                    var late = agency.CompletionLate;
                    return new AgencyRow(p.Key, names.GetValueOrDefault(p.Key, "?"), agency.Assigned, done.Count, Rates.Share(done.Count, agency.Assigned),
                        Rates.FollowUp(agency.Responded, agency.Assigned), LateNow.OnTimeShare(done.OnTimeCount, done.Count, late), done.Median,
                        agency.Assigned >= MinimumToRank, agency.Refusals) { LateNow = late };
                })
                .OrderByDescending(r => r.Ranked).ThenByDescending(r => r.CompletionRate).ThenByDescending(r => r.OnTimeCompletion).ThenBy(r => r.Agency)
                .ToList();

            var trend = new List<MonthPoint>();
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                var (received, completed) = figures.Months.GetValueOrDefault(month);
                trend.Add(new MonthPoint(month, received, completed));
            }

            var routed = byStatus.GetValueOrDefault(ReportStatus.Dispositioned) + byStatus.GetValueOrDefault(ReportStatus.InProgress) + byStatus.GetValueOrDefault(ReportStatus.Completed);
            return new View(from, to, byStatus.Values.Sum(), byStatus, CompletionRate.Of(byStatus), Rates.FollowUp(figures.RoutedWithResponse, routed),
                Stage.Of(verify, figures.VerifyLate), Stage.Of(figures.FirstResponse, figures.FirstResponseLate),
                Stage.Of(completion, figures.PerAgency.Values.Sum(a => a.CompletionLate)), backlog, Rates.Satisfaction(figures.Accepted, figures.Rejected), rows)
            {
                Trend = trend,
                Filter = filter,
                ShowRefusals = schedule.Policy.RequireFollowUpValidation || rows.Any(r => r.Refusals > 0),
                Today = today,
                Accepted = figures.Accepted,
                Rejected = figures.Rejected,
                Rated = figures.Rated,
                MeanRating = Rates.Mean(figures.Stars, figures.Rated),
            };
        }

        /// <summary>The period's figures counted from the rows: for a narrowed scope or filter, or days that are no whole months.</summary>
        private async Task<Figures> CountedAsync(ReportScope scope, Filter filter, Domain.Deadlines.DeadlineSchedule schedule, DateOnly today, DateOnly from, DateOnly to,
            CancellationToken cancellationToken)
        {
            // No date maths per row: the working days each stage took were recorded when it ended, and the
            // local filing day with the report. Reports are grouped in SQL (a few thousand groups a year; the
            // verification due day follows the filing day, so keeping it, for what is late now, adds few).
            var inPeriod = await InPeriodAsync(scope, filter, from, to, cancellationToken);
            var reportGroups = await inPeriod
                .GroupBy(r => new { r.SubmittedOn, r.Status, r.VerifyWorkingDays, r.VerifiedOnTime, r.VerifyDueOn })
                .Select(g => new ReportGroup(g.Key.SubmittedOn, g.Key.Status, g.Key.VerifyWorkingDays, g.Key.VerifiedOnTime, g.Key.VerifyDueOn,
                    g.Count(), g.Count(r => r.FirstResponseAt != null), g.Sum(r => r.TimesAccepted), g.Sum(r => r.TimesRejected),
                    g.Count(r => r.Rating != null), g.Sum(r => r.Rating ?? 0)))
                .ToListAsync(cancellationToken);

            // Driven from the period's reports (covering date index), then each report's assignments (covering
            // report index). Streamed and tallied here in one pass: grouping a year of assignments in SQLite
            // sorts them all, twice (per agency and for the first-response times), which costs more.
            // Refusals are in the covering index too, and so are the columns that say which stages are late now.
            var figures = new Figures();
            var counted = from r in inPeriod
                          join a in db.Assignments on r.Id equals a.ReportId
                          where a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn
                          select new
                          {
                              a.AgencyId, a.FirstResponseWorkingDays, a.FirstResponseOnTime, a.CompletionWorkingDays, a.CompletedOnTime, Refusals = a.ValidationRefusals,
                              // The keys LateNow decides on, as flags: instants and days are not parsed per row.
                              a.State, Paused = a.PausedAt != null, Answered = a.FirstRespondedAt != null,
                              FirstResponsePast = a.FirstResponseDueOn < today, CompletionPast = a.CompletionDueOn < today,
                          };
            await foreach (var a in counted.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var agency = figures.Agency(a.AgencyId);
                agency.Assigned++;
                agency.Refusals += a.Refusals;
                if (a.FirstResponseWorkingDays is { } responseDays)
                {
                    agency.Responded++;
                    figures.FirstResponse.Add(responseDays, a.FirstResponseOnTime == true);
                }

                // Completion durations are recorded only while an assignment is completed (a reopening clears them).
                if (a.CompletionWorkingDays is { } completionDays)
                {
                    agency.Completion.Add(completionDays, a.CompletedOnTime == true);
                }

                foreach (var stage in LateNow.StagesOf(a.State, a.Paused, a.Answered, a.FirstResponsePast, a.CompletionPast))
                {
                    if (stage == Deadline.FirstResponse)
                    {
                        figures.FirstResponseLate++;
                    }
                    else
                    {
                        agency.CompletionLate++;
                    }
                }
            }

            foreach (var g in reportGroups)
            {
                figures.ByStatus[g.Status] = figures.ByStatus.GetValueOrDefault(g.Status) + g.Count;
                figures.RoutedWithResponse += g.Status is ReportStatus.Dispositioned or ReportStatus.InProgress or ReportStatus.Completed ? g.WithFirstResponse : 0;
                figures.Accepted += g.Accepted;
                figures.Rejected += g.Rejected;
                figures.Rated += g.Rated;
                figures.Stars += g.Stars;
                figures.VerifyLate += LateNow.IsVerificationLate(g.Status, g.VerifyDueOn, today) ? g.Count : 0;
                if (g.VerifyWorkingDays is { } verifyDays)
                {
                    figures.Verify.Add(verifyDays, g.VerifiedOnTime == true, g.Count);
                }

                if (BacklogAgeing.Open.Contains(g.Status))
                {
                    figures.Open.Add((g.SubmittedOn, g.Count));
                }

                figures.CountMonth(g.SubmittedOn, g.Count, 0);
            }

            foreach (var completedOn in await CompletedOnAsync(await ScopedAsync(scope, filter, cancellationToken), schedule, from, to, cancellationToken))
            {
                figures.CountMonth(completedOn, 0, 1);
            }

            return figures;
        }

        /// <summary>The viewer's reports filed on the period's local days, narrowed by the filter (the drill-down lists and the report-list export use it too).</summary>
        public Task<IQueryable<Report>> InPeriodAsync(ReportScope scope, Filter filter, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            WithinAgencyAsync(Narrow(scope.Apply(db.Reports.AsNoTracking()).Where(r => r.SubmittedOn >= from && r.SubmittedOn <= to), filter), filter, cancellationToken);

        /// <summary>The viewer's reports of any filing day, narrowed by the filter's agency, category, classification and channel (what is late now has no period).</summary>
        public Task<IQueryable<Report>> ScopedAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken) =>
            WithinAgencyAsync(Narrow(scope.Apply(db.Reports.AsNoTracking()), filter), filter, cancellationToken);

        /// <summary>
        /// What an assignment's report must be among (<see cref="ScopedAsync"/>), or null where that is every report:
        /// every assignment belongs to one, so testing each assignment's report (a look-up per row) would only cost time.
        /// </summary>
        public async Task<IQueryable<Report>?> ReportsToTestAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken) =>
            EveryReport(scope, filter) ? null : await ScopedAsync(scope, filter, cancellationToken);

        /// <summary>Whether the question is about every report: a viewer who sees them all, and nothing narrowing them.</summary>
        private static bool EveryReport(ReportScope scope, Filter filter) => scope.SeesEveryReport && !filter.Narrows;

        /// <summary>The local days on which reports were completed within the period, whenever they were filed.</summary>
        private static async Task<List<DateOnly>> CompletedOnAsync(IQueryable<Report> reports, Domain.Deadlines.DeadlineSchedule schedule, DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            // Stored instants are UTC: a day either side covers any time zone, the local day decides.
            var (start, end) = ReportingPeriod.Instants(from.AddDays(-1), to.AddDays(1));
            var instants = await reports.Where(r => r.Status == ReportStatus.Completed && r.CompletedAt != null && r.CompletedAt >= start && r.CompletedAt < end)
                .Select(r => r.CompletedAt!.Value).ToListAsync(cancellationToken);
            return [.. instants.Select(schedule.LocalDate).Where(d => d >= from && d <= to)];
        }

        /// <summary>Reports routed to the chosen agency or any agency below it.</summary>
        private async Task<IQueryable<Report>> WithinAgencyAsync(IQueryable<Report> reports, Filter filter, CancellationToken cancellationToken)
        {
            if (filter.AgencyId is not { } root)
            {
                return reports;
            }

            var subtree = (await tree.SubtreeOfAsync([root], cancellationToken)).ToArray();
            return reports.Where(r => r.Assignments.Any(a => subtree.Contains(a.AgencyId)));
        }

        /// <summary>The category, classification and channel filters.</summary>
        private IQueryable<Report> Narrow(IQueryable<Report> reports, Filter filter)
        {
            if (filter.CategoryId is { } category)
            {
                reports = reports.Where(r => r.CategoryId == category || db.Categories.Any(c => c.Id == r.CategoryId && c.ParentId == category));
            }

            if (filter.Classification is { } classification)
            {
                reports = reports.Where(r => r.Classification == classification);
            }

            if (!string.IsNullOrWhiteSpace(filter.Tag))
            {
                // An EXISTS on the report-tag index in the same statement; a label that is no tag (or malformed) matches nothing.
                var label = Domain.Tags.TagLabel.Normalize(filter.Tag, out _) ?? "";
                reports = reports.Where(r => db.ReportTags.Any(rt => rt.ReportId == r.Id && db.Tags.Any(t => t.Id == rt.TagId && t.Label == label)));
            }

            return filter.Channel is { } channel ? reports.Where(r => r.Channel == channel) : reports;
        }
    }
}
