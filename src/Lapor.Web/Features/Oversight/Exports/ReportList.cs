using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>
/// Every report of the period, one row each, for the CSV export. No reporter identity is selected.
/// The export is audited before a row is read (UU PDP: who took which period).
/// </summary>
public static class ReportList
{
    /// <summary>One report in the report-list export: facts only, never the reporter.</summary>
    public sealed record Row(
        string TrackingNumber, DateTimeOffset SubmittedAt, Classification Classification, Channel Channel, ReportStatus Status, string? Title,
        string? Category, string Agencies, DateTimeOffset? FirstResponseAt, DateTimeOffset? CompletedAt);

    /// <summary>The period's rows, streamed from the database in submission order as they are enumerated.</summary>
    public sealed record Export(DateOnly From, DateOnly To, IAsyncEnumerable<Row> Rows)
    {
        public string FileName => string.Create(CultureInfo.InvariantCulture, $"lapor-laporan-{From:yyyyMMdd}-{To:yyyyMMdd}.csv");
    }

    public sealed class Handler(LaporDbContext db, PeriodReport.Handler report, DeadlineScheduleProvider schedules, TimeProvider clock)
    {
        public async Task<Export> HandleAsync(ReportScope scope, PeriodReport.Filter filter, string? ipAddress, CancellationToken cancellationToken)
        {
            var schedule = await schedules.GetAsync(cancellationToken);
            var (from, to) = filter.Range(schedule.LocalDate(clock.GetUtcNow()));
            db.AuditEntries.Add(new AuditEntry(AuditAction.Export, scope.UserId, "ReportList", $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}", "csv", ipAddress, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);

            var reports = await report.InPeriodAsync(scope, filter, from, to, cancellationToken);
            var rows = reports
                .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
                .Select(r => new Row(r.TrackingNumber, r.SubmittedAt, r.Classification, r.Channel, r.Status, r.IsConfidential ? null : r.PublicTitle ?? r.Title,
                    db.Categories.Where(c => c.Id == r.CategoryId).Select(c => c.Name).FirstOrDefault(),
                    string.Join("; ", r.Assignments.Where(a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn)
                        .Join(db.Agencies, a => a.AgencyId, g => g.Id, (_, g) => g.Name)),
                    r.FirstResponseAt, r.CompletedAt))
                .AsAsyncEnumerable();
            return new Export(from, to, rows);
        }
    }
}
