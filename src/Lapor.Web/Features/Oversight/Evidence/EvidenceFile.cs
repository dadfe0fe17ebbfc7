using System.Globalization;
using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Features.Oversight.Exports;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Oversight.Evidence;

/// <summary>The evidence pack as an XLSX workbook (one sheet per table, numbers as numbers, the events' photos on a sheet of their own) or an A4 PDF (the photos at the end), in the reader's language, audited.</summary>
public static class EvidenceFile
{
    public const string Xlsx = "xlsx";
    public const string Pdf = "pdf";

    public sealed class Handler(EvidencePack.Handler pack, OutreachLog.Handler outreach, IStringLocalizer<OversightResource> t, LocalTime local, TimeProvider clock)
    {
        /// <summary>The file in <c>xlsx</c> or <c>pdf</c> (the route allows nothing else).</summary>
        public async Task<PeriodFile.Download> HandleAsync(ReportScope scope, PeriodReport.Filter filter, string format, string? ipAddress, CancellationToken cancellationToken)
        {
            var content = await pack.HandleAsync(scope, filter, cancellationToken);
            await pack.AuditAsync(scope, content, format, ipAddress, cancellationToken);

            var tables = EvidenceTables.Of(content, t);
            var pictures = await PicturesAsync(content.Events, cancellationToken);
            var name = string.Create(CultureInfo.InvariantCulture, $"bukti-dukung-{content.Report.From:yyyyMMdd}-{content.Report.To:yyyyMMdd}.{format}");
            if (format == Xlsx)
            {
                return new PeriodFile.Download(await PeriodReportExport.XlsxAsync(tables, cancellationToken, pictures), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
            }

            var heading = new PeriodPdf.Heading(
                t["Evidence.Title"], $"{t["Evidence.Region"]}: {content.Region}", $"{t["Dashboard.Period"]}: {PeriodTables.Period(content.Report)}",
                t["Export.Generated", $"{local.Format(clock.GetUtcNow(), "d MMMM yyyy HH:mm")} {local.ZoneName}"], t["Evidence.Note", content.FirstResponseDays],
                (page, pages) => t["Export.PageOf", page, pages]);
            return new PeriodFile.Download(PeriodPdf.Render(heading, tables, pictures), "application/pdf", name);
        }

        /// <summary>The events' photos with their captions, for the PDF's last pages and the workbook's photo sheet alike.</summary>
        private async Task<IReadOnlyList<PeriodPdf.Picture>> PicturesAsync(IReadOnlyList<OutreachLog.Item> events, CancellationToken cancellationToken)
        {
            var photos = await outreach.PhotoBytesAsync(events.Where(e => e.HasPhoto).Select(e => e.Id), cancellationToken);
            return [.. events.Where(e => photos.ContainsKey(e.Id))
                .Select(e => new PeriodPdf.Picture(t["Evidence.Photos"], $"{e.HeldOn.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)} · {e.Title} · {e.Audience} ({t["Evidence.ParticipantCount", e.Participants]})", photos[e.Id]))];
        }
    }
}
