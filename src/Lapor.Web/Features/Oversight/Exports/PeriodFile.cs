using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>The period report (the dashboard's figures) as an XLSX workbook, a CSV file or an A4 PDF, in the reader's language, audited.</summary>
public static class PeriodFile
{
    public const string Xlsx = "xlsx";
    public const string Pdf = "pdf";

    public sealed record Download(byte[] Content, string ContentType, string FileName);

    public sealed class Handler(
        LaporDbContext db, PeriodReport.Handler report, OverdueNow.Handler overdue, WhoIsLate.Handler now, ReferenceData reference, IStringLocalizer<OversightResource> t,
        LocalTime local, TimeProvider clock)
    {
        /// <summary>The file in <c>xlsx</c>, <c>csv</c> or <c>pdf</c> (the route allows nothing else); the CSV with <paramref name="separator"/>.</summary>
        public async Task<Download> HandleAsync(
            ReportScope scope, PeriodReport.Filter filter, string format, CsvSeparator separator, bool english, string? ipAddress, CancellationToken cancellationToken)
        {
            var view = await report.HandleAsync(scope, filter, cancellationToken);

            // Exports are personal-data processing under UU PDP: record who took which period.
            db.AuditEntries.Add(new AuditEntry(AuditAction.Export, scope.UserId, "PeriodReport", $"{view.From:yyyy-MM-dd}..{view.To:yyyy-MM-dd}", format, ipAddress, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);

            var covered = await ScopeAsync(filter, english, cancellationToken);
            var late = OverdueNow.Filter.Within(filter);
            var tables = PeriodTables.Of(view, await now.ReadinessAsync(scope, late, cancellationToken), await overdue.RowsAsync(scope, late, cancellationToken), covered, t);
            var name = string.Create(CultureInfo.InvariantCulture, $"lapor-{view.From:yyyyMMdd}-{view.To:yyyyMMdd}.{format}");
            return format switch
            {
                Xlsx => new Download(await PeriodReportExport.XlsxAsync(tables, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name),
                Pdf => new Download(PeriodPdf.Render(Heading(view, covered), tables), "application/pdf", name),
                _ => new Download(PeriodReportExport.Csv(tables, CsvDialect.For(separator)), "text/csv; charset=utf-8", name),
            };
        }

        private PeriodPdf.Heading Heading(PeriodReport.View view, string covered) => new(
            t["Dashboard.PrintTitle"], $"{t["Dashboard.Period"]}: {PeriodTables.Period(view)}", $"{t["Export.Scope"]}: {covered}",
            t["Export.Generated", $"{local.Format(clock.GetUtcNow(), "d MMMM yyyy HH:mm")} {local.ZoneName}"], t["Stats.Explain"], (page, pages) => t["Export.PageOf", page, pages]);

        /// <summary>What the figures cover: the chosen agency (or the viewer's whole area) and the category, classification and channel narrowing them.</summary>
        private async Task<string> ScopeAsync(PeriodReport.Filter filter, bool english, CancellationToken cancellationToken)
        {
            List<string> parts = [filter.AgencyId is { } agency ? (await reference.AgencyNamesAsync(cancellationToken)).GetValueOrDefault(agency, "?") : t["Dashboard.WholeArea"]];
            if (filter.CategoryId is { } id && (await reference.CategoriesAsync(cancellationToken)).FirstOrDefault(c => c.Id == id) is { } category)
            {
                parts.Add($"{t["Form.Category"]}: {(english ? category.NameEnglish : category.Name)}");
            }

            if (filter.Classification is { } classification)
            {
                parts.Add($"{t["Form.Classification"]}: {t[$"Classification.{classification}"]}");
            }

            if (filter.Channel is { } channel)
            {
                parts.Add($"{t["Common.Channel"]}: {t[$"Channel.{channel}"]}");
            }

            return string.Join(" · ", parts);
        }
    }
}
