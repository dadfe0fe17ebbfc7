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

        /// <summary>Narrows to reports with this tag (a label of the managed list; an unknown one matches nothing).</summary>
        public string? Tag { get; set; }

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

    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, AgencyTree tree, ReferenceData reference, TimeProvider clock)
    {
        public async Task<View> HandleAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken)
        {
            var schedule = await schedules.GetAsync(cancellationToken);
            var today = schedule.LocalDate(clock.GetUtcNow());
            var (from, to) = filter.Range(today);

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
            // Refusals are in the covering index too; the column shows where the region validates
            // follow-ups or any agency was refused before (a region that switched validation off).
            // So are the columns that say which stages are late now (LateNow, decided per share here).
            var validates = schedule.Policy.RequireFollowUpValidation;
            var firstResponse = new DurationTally();
            var firstResponseLate = 0;
            var perAgency = new Dictionary<int, AgencyTally>();
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
                if (!perAgency.TryGetValue(a.AgencyId, out var agency))
                {
                    perAgency[a.AgencyId] = agency = new AgencyTally();
                }

                agency.Assigned++;
                agency.Refusals += a.Refusals;
                if (a.FirstResponseWorkingDays is { } responseDays)
                {
                    agency.Responded++;
                    firstResponse.Add(responseDays, a.FirstResponseOnTime == true);
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
                        firstResponseLate++;
                    }
                    else
                    {
                        agency.CompletionLate++;
                    }
                }
            }

            var verifyLate = reportGroups.Where(g => LateNow.IsVerificationLate(g.Status, g.VerifyDueOn, today)).Sum(g => g.Count);

            var byStatus = reportGroups.GroupBy(g => g.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
            var routed = reportGroups.Where(g => g.Status is ReportStatus.Dispositioned or ReportStatus.InProgress or ReportStatus.Completed).ToList();

            var verify = new DurationTally();
            foreach (var g in reportGroups.Where(g => g.VerifyWorkingDays is not null))
            {
                verify.Add(g.VerifyWorkingDays!.Value, g.VerifiedOnTime == true, g.Count);
            }

            var completion = new DurationTally();
            foreach (var agency in perAgency.Values)
            {
                completion.Add(agency.Completion);
            }

            var open = reportGroups.Where(g => BacklogAgeing.Open.Contains(g.Status));
            var backlog = BacklogAgeing.Of(open.GroupBy(g => g.SubmittedOn).Select(g => (schedule.Calendar.WorkingDaysBetween(g.Key, today), g.Sum(x => x.Count))));

            var names = await reference.AgencyNamesAsync(cancellationToken);
            var rows = perAgency.Select(p =>
                {
                    var (agency, done) = (p.Value, p.Value.Completion);
                    var late = agency.CompletionLate;
                    return new AgencyRow(p.Key, names.GetValueOrDefault(p.Key, "?"), agency.Assigned, done.Count, Rates.Share(done.Count, agency.Assigned),
                        Rates.FollowUp(agency.Responded, agency.Assigned), LateNow.OnTimeShare(done.OnTimeCount, done.Count, late), done.Median,
                        agency.Assigned >= MinimumToRank, agency.Refusals) { LateNow = late };
                })
                .OrderByDescending(r => r.Ranked).ThenByDescending(r => r.CompletionRate).ThenByDescending(r => r.OnTimeCompletion).ThenBy(r => r.Agency)
                .ToList();

            var completedOn = await CompletedOnAsync(await ScopedAsync(scope, filter, cancellationToken), schedule, from, to, cancellationToken);
            var trend = new List<MonthPoint>();
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                var inMonth = reportGroups.Where(g => g.SubmittedOn.Year == month.Year && g.SubmittedOn.Month == month.Month).ToList();
                trend.Add(new MonthPoint(month, inMonth.Sum(g => g.Count), completedOn.Count(d => d.Year == month.Year && d.Month == month.Month)));
            }

            return new View(from, to, reportGroups.Sum(g => g.Count), byStatus, CompletionRate.Of(byStatus),
                Rates.FollowUp(routed.Sum(g => g.WithFirstResponse), routed.Sum(g => g.Count)),
                Stage.Of(verify, verifyLate), Stage.Of(firstResponse, firstResponseLate), Stage.Of(completion, perAgency.Values.Sum(a => a.CompletionLate)), backlog,
                Rates.Satisfaction(reportGroups.Sum(g => g.Accepted), reportGroups.Sum(g => g.Rejected)), rows)
            {
                Trend = trend,
                Filter = filter,
                ShowRefusals = validates || rows.Any(r => r.Refusals > 0),
                Today = today,
                Accepted = reportGroups.Sum(g => g.Accepted),
                Rejected = reportGroups.Sum(g => g.Rejected),
                Rated = reportGroups.Sum(g => g.Rated),
                MeanRating = Rates.Mean(reportGroups.Sum(g => g.Stars), reportGroups.Sum(g => g.Rated)),
            };
        }

        /// <summary>The viewer's reports filed on the period's local days, narrowed by the filter (the drill-down lists and the report-list export use it too).</summary>
        public Task<IQueryable<Report>> InPeriodAsync(ReportScope scope, Filter filter, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            WithinAgencyAsync(Narrow(scope.Apply(db.Reports.AsNoTracking()).Where(r => r.SubmittedOn >= from && r.SubmittedOn <= to), filter), filter, cancellationToken);

        /// <summary>The viewer's reports of any filing day, narrowed by the filter's agency, category, classification and channel (what is late now has no period).</summary>
        public Task<IQueryable<Report>> ScopedAsync(ReportScope scope, Filter filter, CancellationToken cancellationToken) =>
            WithinAgencyAsync(Narrow(scope.Apply(db.Reports.AsNoTracking()), filter), filter, cancellationToken);

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
