using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>
/// Every report of the period, one row each, for the CSV export. No reporter identity is selected, and a
/// confidential report's title is left out. The export is audited before a row is read (UU PDP: who took which period).
/// </summary>
public static class ReportList
{
    /// <summary>One report in the report-list export: facts only, never the reporter. The category is in the reader's language.</summary>
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
        public async Task<Export> HandleAsync(ReportScope scope, PeriodReport.Filter filter, bool english, string? ipAddress, CancellationToken cancellationToken)
        {
            var schedule = await schedules.GetAsync(cancellationToken);
            var (from, to) = filter.Range(schedule.LocalDate(clock.GetUtcNow()));
            db.AuditEntries.Add(new AuditEntry(AuditAction.Export, scope.UserId, "ReportList", $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}", "csv", ipAddress, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);

            var reports = await report.InPeriodAsync(scope, filter, from, to, cancellationToken);
            var rows = reports
                .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
                .Select(r => new Row(r.TrackingNumber, r.SubmittedAt, r.Classification, r.Channel, r.Status, r.IsConfidential ? null : r.PublicTitle ?? r.Title,
                    db.Categories.Where(c => c.Id == r.CategoryId).Select(c => english ? c.NameEnglish : c.Name).FirstOrDefault(),
                    string.Join("; ", r.Assignments.Where(a => a.State != AssignmentState.Returned && a.State != AssignmentState.Forwarded && a.State != AssignmentState.Withdrawn)
                        .Join(db.Agencies, a => a.AgencyId, g => g.Id, (_, g) => g.Name)),
                    r.FirstResponseAt, r.CompletedAt))
                .AsAsyncEnumerable();
            return new Export(from, to, rows);
        }
    }

    /// <summary>
    /// Writes the rows as CSV while they arrive, so memory stays flat whatever the period's size: headers and
    /// statuses, classifications and channels in the reader's language, times in the deployment's zone (WIB by default).
    /// </summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<Row> rows, CsvDialect csv, IStringLocalizer t, LocalTime local, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, CsvDialect.Encoding, bufferSize: 64 * 1024) { NewLine = CsvDialect.LineBreak };
        var zone = local.ZoneName;
        await writer.WriteLineAsync(csv.Line(
        [
            t["Export.TrackingNumber"], t["Export.SubmittedAt", zone], t["Form.Classification"], t["Common.Channel"], t["Mine.Status"], t["Export.Title"],
            t["Form.Category"], t["Export.Agencies"], t["Export.FirstResponseAt", zone], t["Export.CompletedAt", zone],
        ]));
        string Time(DateTimeOffset? instant) => instant is { } at ? local.Format(at, CsvDialect.DateTimeFormat) : "";
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(csv.Line(
            [
                r.TrackingNumber, Time(r.SubmittedAt), t[$"Classification.{r.Classification}"], t[$"Channel.{r.Channel}"], t[$"Status.{r.Status}"],
                r.Title ?? "", r.Category ?? "", r.Agencies, Time(r.FirstResponseAt), Time(r.CompletedAt),
            ]));
        }
    }
}
