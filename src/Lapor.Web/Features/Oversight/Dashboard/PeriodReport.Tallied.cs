using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Oversight.Dashboard;

/// <summary>
/// The period report read from the dashboard tally (<c>DashboardTallies</c>, kept with every save): the figures of
/// whole months for a viewer who sees every report, and what depends on today from the open rows only.
/// </summary>
public static partial class PeriodReport
{
    /// <summary>The period's counts, from the tally or from the rows, before they become rates (<see cref="Handler"/>).</summary>
    private sealed class Figures
    {
        public Dictionary<ReportStatus, int> ByStatus { get; } = [];
        public int RoutedWithResponse { get; set; }
        public int Accepted { get; set; }
        public int Rejected { get; set; }
        public int Rated { get; set; }
        public int Stars { get; set; }
        public int VerifyLate { get; set; }
        public int FirstResponseLate { get; set; }
        public DurationTally Verify { get; } = new();
        public DurationTally FirstResponse { get; } = new();
        public Dictionary<int, AgencyTally> PerAgency { get; } = [];

        /// <summary>Open reports (<see cref="BacklogAgeing.Open"/>) by filing day.</summary>
        public List<(DateOnly FiledOn, int Count)> Open { get; } = [];

        /// <summary>Reports received (filed) and completed, by first day of the month.</summary>
        public Dictionary<DateOnly, (int Received, int Completed)> Months { get; } = [];

        public AgencyTally Agency(int agencyId) => PerAgency.TryGetValue(agencyId, out var agency) ? agency : PerAgency[agencyId] = new AgencyTally();

        public void CountMonth(DateOnly day, int received, int completed)
        {
            var month = TallyChanges.MonthOf(day);
            var (had, done) = Months.GetValueOrDefault(month);
            Months[month] = (had + received, done + completed);
        }
    }

    public sealed partial class Handler
    {
        /// <summary>
        /// The tally holds whole months of every report, by agency: it answers whoever sees every report, for
        /// whole months, without the narrowing filters (their combinations would multiply its cells to about
        /// one per report). Anything else is counted from the rows, which a narrower question keeps few.
        /// </summary>
        private static bool UsesTally(ReportScope scope, Filter filter, DateOnly from, DateOnly to) =>
            EveryReport(scope, filter) && from.Day == 1 && to.AddDays(1).Day == 1;

        /// <summary>The period's figures from the tally (finished stages, outcomes) and, for what depends on today, from the open reports and assignments.</summary>
        private async Task<Figures> TalliedAsync(DateOnly today, DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            var figures = new Figures();

            // Figures of the report as a whole by month (the trend needs them so); each agency's over the whole period.
            var cells = await db.DashboardTallies.AsNoTracking()
                .Where(t => t.Month >= from && t.Month <= to)
                .GroupBy(t => new { t.Measure, t.AgencyId, t.Bucket, Month = t.AgencyId == 0 ? t.Month : (DateOnly?)null })
                .Select(g => new { g.Key.Measure, g.Key.AgencyId, g.Key.Bucket, g.Key.Month, Count = g.Sum(t => t.Count), OnTime = g.Sum(t => t.OnTime) })
                .ToListAsync(cancellationToken);
            foreach (var cell in cells)
            {
                var (count, onTime) = ((int)cell.Count, (int)cell.OnTime);
                switch (cell.Measure)
                {
                    case TallyMeasure.Status:
                        var status = (ReportStatus)cell.Bucket;
                        figures.ByStatus[status] = figures.ByStatus.GetValueOrDefault(status) + count;
                        figures.CountMonth(cell.Month!.Value, count, 0);
                        break;
                    case TallyMeasure.CompletedIn:
                        figures.CountMonth(cell.Month!.Value, 0, count);
                        break;
                    case TallyMeasure.FollowedUp:
                        figures.RoutedWithResponse += count;
                        break;
                    case TallyMeasure.Verification:
                        figures.Verify.AddCounted(cell.Bucket, count, onTime);
                        break;
                    case TallyMeasure.Accepted:
                        figures.Accepted += count;
                        break;
                    case TallyMeasure.Rejected:
                        figures.Rejected += count;
                        break;
                    case TallyMeasure.Rated:
                        figures.Rated += count;
                        break;
                    case TallyMeasure.Stars:
                        figures.Stars += count;
                        break;
                    case TallyMeasure.Assigned when count != 0:
                        figures.Agency(cell.AgencyId).Assigned += count;
                        break;
                    case TallyMeasure.Refusals when count != 0:
                        figures.Agency(cell.AgencyId).Refusals += count;
                        break;
                    case TallyMeasure.FirstResponse:
                        figures.FirstResponse.AddCounted(cell.Bucket, count, onTime);
                        figures.Agency(cell.AgencyId).Responded += count;
                        break;
                    case TallyMeasure.Completion:
                        figures.Agency(cell.AgencyId).Completion.AddCounted(cell.Bucket, count, onTime);
                        break;
                }
            }

            // Cells a later change emptied (a status left) are no status of the period.
            foreach (var empty in figures.ByStatus.Where(s => s.Value == 0).Select(s => s.Key).ToList())
            {
                figures.ByStatus.Remove(empty);
            }

            // What is late now and how old the backlog is depend on today: from the open rows only (state indexes).
            var openReports = db.Reports.AsNoTracking().Where(r => r.SubmittedOn >= from && r.SubmittedOn <= to)
                .Where(r => r.Status == ReportStatus.Unverified || r.Status == ReportStatus.OnHold || r.Status == ReportStatus.Dispositioned || r.Status == ReportStatus.InProgress)
                .GroupBy(r => r.SubmittedOn)
                .Select(g => new
                {
                    AgencyId = 0, FiledOn = g.Key, Count = g.Count(),
                    LateFirst = g.Count(r => r.Status == ReportStatus.Unverified && r.VerifyDueOn != null && r.VerifyDueOn < today), LateCompletion = 0,
                });

            // Found by their own copy of the filing day (running-assignment index), not through the period's reports.
            var runningAssignments = db.Assignments.AsNoTracking()
                .Where(a => (a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress) && a.PausedAt == null
                    && a.ReportSubmittedOn >= from && a.ReportSubmittedOn <= to)
                .GroupBy(a => a.AgencyId)
                .Select(g => new
                {
                    AgencyId = g.Key, FiledOn = g.Min(a => a.ReportSubmittedOn), Count = 0,
                    LateFirst = g.Count(a => a.FirstRespondedAt == null && a.FirstResponseDueOn < today), LateCompletion = g.Count(a => a.CompletionDueOn < today),
                });
            foreach (var row in await openReports.Concat(runningAssignments).ToListAsync(cancellationToken))
            {
                if (row.AgencyId == 0)
                {
                    figures.Open.Add((row.FiledOn, row.Count));
                    figures.VerifyLate += row.LateFirst;
                }
                else
                {
                    figures.FirstResponseLate += row.LateFirst;
                    figures.Agency(row.AgencyId).CompletionLate += row.LateCompletion;
                }
            }

            return figures;
        }
    }
}
