using Lapor.Web.Data;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.PublicReports;

/// <summary>/statistik: the region's figures and each agency's completion rate for a year; numbers only, no personal data.</summary>
public static class PublicStatistics
{
    /// <summary>Below this many routed reports an agency's rate says too little to rank it.</summary>
    public const int MinimumToRank = 10;

    public sealed record AgencyRow(string Agency, int Routed, int Completed, decimal? Rate, bool Ranked);

    public sealed record View(int Year, int Received, IReadOnlyDictionary<ReportStatus, int> ByStatus, decimal? CompletionRate, IReadOnlyList<AgencyRow> Agencies);

    public sealed class Handler(LaporDbContext db)
    {
        public async Task<View> HandleAsync(int year, CancellationToken cancellationToken)
        {
            var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var end = start.AddYears(1);
            var reports = db.Reports.AsNoTracking().Where(r => r.SubmittedAt >= start && r.SubmittedAt < end);
            var byStatus = await reports.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

            var assignments = await db.Assignments.AsNoTracking()
                .Where(a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn && a.Report!.SubmittedAt >= start && a.Report.SubmittedAt < end)
                .GroupBy(a => a.AgencyId)
                .Select(g => new { AgencyId = g.Key, Routed = g.Count(), Completed = g.Count(a => a.State == AssignmentState.Completed) })
                .Join(db.Agencies, g => g.AgencyId, a => a.Id, (g, a) => new { a.Name, g.Routed, g.Completed })
                .ToListAsync(cancellationToken);

            var rows = assignments
                .Select(a => new AgencyRow(a.Name, a.Routed, a.Completed, Rates.Share(a.Completed, a.Routed), a.Routed >= MinimumToRank))
                .OrderByDescending(a => a.Ranked).ThenByDescending(a => a.Rate).ThenBy(a => a.Agency)
                .ToList();
            return new View(year, byStatus.Values.Sum(), byStatus, CompletionRate.Of(byStatus), rows);
        }
    }
}
