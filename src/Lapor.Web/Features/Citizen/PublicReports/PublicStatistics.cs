using Lapor.Web.Data;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.PublicReports;

/// <summary>
/// /statistik: the region's figures and each agency's completion rate for a year; numbers only, no
/// personal data. The on-time rate is the one the home page promises ("ditanggapi tepat waktu"): of
/// the agencies' shares whose first response fell due, those answered by their due date
/// (<see cref="LateNow.OnTimeShare"/>). A share still unanswered after its due date counts as late
/// (<see cref="LateNow.FirstResponse"/>, the dashboard's rule): leaving the worst cases out would make
/// an agency that never answers look punctual.
/// </summary>
public static class PublicStatistics
{
    /// <summary>Below this many routed reports an agency's rate says too little to rank it.</summary>
    public const int MinimumToRank = 10;

    public const int FirstYear = 2000;

    public sealed record AgencyRow(string Agency, int Routed, int Completed, decimal? Rate, bool Ranked);

    /// <summary><paramref name="CurrentYear"/>: the last year the page offers (no link to a year that has not begun).</summary>
    public sealed record View(int Year, int CurrentYear, int Received, IReadOnlyDictionary<ReportStatus, int> ByStatus, decimal? CompletionRate, decimal? OnTimeResponse,
        IReadOnlyList<AgencyRow> Agencies);

    public sealed class Handler(LaporDbContext db, TimeProvider clock, Infrastructure.Web.LocalTime local)
    {
        /// <summary>The figures of <paramref name="requested"/>, or of this year when it names none, a future one or one before <see cref="FirstYear"/>.</summary>
        public async Task<View> HandleAsync(int? requested, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var today = local.Date(now);
            var currentYear = now.Year;
            var year = requested is { } y && y >= FirstYear && y <= currentYear ? y : currentYear;
            var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var end = start.AddYears(1);
            var reports = db.Reports.AsNoTracking().Where(r => r.SubmittedAt >= start && r.SubmittedAt < end);
            var byStatus = await reports.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

            var inYear = db.Assignments.AsNoTracking().Where(a => a.Report!.SubmittedAt >= start && a.Report.SubmittedAt < end);
            var unansweredLate = await inYear.Where(LateNow.FirstResponse(today)).CountAsync(cancellationToken);
            var assignments = await inYear
                .Where(a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn)
                .GroupBy(a => a.AgencyId)
                .Select(g => new
                {
                    AgencyId = g.Key, Routed = g.Count(), Completed = g.Count(a => a.State == AssignmentState.Completed),
                    Responded = g.Count(a => a.FirstResponseWorkingDays != null), RespondedOnTime = g.Count(a => a.FirstResponseWorkingDays != null && a.FirstResponseOnTime == true),
                })
                .Join(db.Agencies, g => g.AgencyId, a => a.Id, (g, a) => new { a.Name, g.Routed, g.Completed, g.Responded, g.RespondedOnTime })
                .ToListAsync(cancellationToken);

            var rows = assignments
                .Select(a => new AgencyRow(a.Name, a.Routed, a.Completed, Rates.Share(a.Completed, a.Routed), a.Routed >= MinimumToRank))
                .OrderByDescending(a => a.Ranked).ThenByDescending(a => a.Rate).ThenBy(a => a.Agency)
                .ToList();
            var onTime = LateNow.OnTimeShare(assignments.Sum(a => a.RespondedOnTime), assignments.Sum(a => a.Responded), unansweredLate);
            return new View(year, currentYear, byStatus.Values.Sum(), byStatus, CompletionRate.Of(byStatus), onTime, rows);
        }
    }
}
