using System.Globalization;
using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>
/// /dashboard/ekspor…: the dashboard's period as files, for the same viewers and with the dashboard's filter, in the
/// reader's language. CSVs take <c>?separator=Semicolon</c> for Excel with Indonesian regional settings.
/// </summary>
[Authorize(Policy = Policies.Dashboard)]
[Route("dashboard")]
public sealed class ExportsController(StaffScopeProvider scopes, SecurityEvents events) : Controller
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>
    /// Every report of the period as CSV, written row by row as the database returns them, so a
    /// province's 100k-report year streams in constant memory.
    /// </summary>
    [HttpGet("ekspor-laporan.csv")]
    [EnableRateLimiting(RateLimitPolicies.Export)]
    public async Task ExportReports(
        [FromQuery] PeriodReport.Filter filter, [FromQuery] CsvSeparator separator, [FromServices] ReportList.Handler handler, [FromServices] IStringLocalizer<OversightResource> t,
        [FromServices] LocalTime local, CancellationToken cancellationToken)
    {
        var export = await handler.HandleAsync(await scopes.GetAsync(cancellationToken), filter, English, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        events.Exported(HttpContext, "ReportList");

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName}\"";
        await ReportList.WriteAsync(Response.Body, export.Rows, CsvDialect.For(separator), t, local, cancellationToken);
    }

    /// <summary>The period report as a workbook (one sheet per table), a CSV or an A4 PDF.</summary>
    [HttpGet("ekspor.{format:regex(^(xlsx|csv|pdf)$)}")]
    [EnableRateLimiting(RateLimitPolicies.Export)]
    public async Task<IActionResult> Export(
        [FromRoute] string format, [FromQuery] PeriodReport.Filter filter, [FromQuery] CsvSeparator separator, [FromServices] PeriodFile.Handler handler, CancellationToken cancellationToken)
    {
        var file = await handler.HandleAsync(await scopes.GetAsync(cancellationToken), filter, format, separator, English, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        events.Exported(HttpContext, "PeriodReport");
        return File(file.Content, file.ContentType, file.FileName);
    }
}
