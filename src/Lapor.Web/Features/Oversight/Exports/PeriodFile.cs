using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>The period report (the dashboard's figures) as an XLSX workbook or a CSV file, audited.</summary>
public static class PeriodFile
{
    public const string Xlsx = "xlsx";

    public sealed record Download(byte[] Content, string ContentType, string FileName);

    public sealed class Handler(LaporDbContext db, PeriodReport.Handler report, IStringLocalizer<OversightResource> t, TimeProvider clock)
    {
        /// <summary>The file in <c>xlsx</c> or <c>csv</c> (the route allows nothing else).</summary>
        public async Task<Download> HandleAsync(ReportScope scope, PeriodReport.Filter filter, string format, string? ipAddress, CancellationToken cancellationToken)
        {
            var view = await report.HandleAsync(scope, filter, cancellationToken);

            // Exports are personal-data processing under UU PDP: record who took which period.
            db.AuditEntries.Add(new AuditEntry(AuditAction.Export, scope.UserId, "PeriodReport", $"{view.From:yyyy-MM-dd}..{view.To:yyyy-MM-dd}", format, ipAddress, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);

            var name = string.Create(CultureInfo.InvariantCulture, $"lapor-{view.From:yyyyMMdd}-{view.To:yyyyMMdd}.{format}");
            return format == Xlsx
                ? new Download(await PeriodReportExport.XlsxAsync(view, t, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name)
                : new Download(PeriodReportExport.Csv(view, t), "text/csv; charset=utf-8", name);
        }
    }
}
