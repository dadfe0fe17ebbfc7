using Lapor.Web.Data;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Dashboard;

/// <summary>Reports in the viewer's scope by status, and the completion rate they give.</summary>
public static class Summary
{
    public sealed record View(IReadOnlyDictionary<ReportStatus, int> ByStatus, int Total, decimal? CompletionRate, int Overdue);

    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
        public async Task<View> HandleAsync(ReportScope scope, CancellationToken cancellationToken)
        {
            var reports = scope.Apply(db.Reports.AsNoTracking());
            var byStatus = await reports.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var overdue = await reports.CountAsync(r => r.Assignments.Any(a =>
                (a.State == AssignmentState.Dispositioned || a.State == AssignmentState.InProgress) && (a.IsOverdue || a.CompletionDueOn < today)), cancellationToken);
            return new View(byStatus, byStatus.Values.Sum(), CompletionRate.Of(byStatus), overdue);
        }
    }
}
