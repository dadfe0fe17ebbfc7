using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>/dashboard/ekspor…: the dashboard's period as files, for the same viewers and with the dashboard's filter.</summary>
[Authorize(Policy = Policies.Dashboard)]
[Route("dashboard")]
public sealed class ExportsController(StaffScopeProvider scopes, SecurityEvents events) : Controller
{
    /// <summary>
    /// Every report of the period as CSV, written row by row as the database returns them, so a
    /// province's 100k-report year streams in constant memory.
    /// </summary>
    [HttpGet("ekspor-laporan.csv")]
    [EnableRateLimiting(RateLimitPolicies.Export)]
    public async Task ExportReports([FromQuery] PeriodReport.Filter filter, [FromServices] ReportList.Handler handler, CancellationToken cancellationToken)
    {
        var export = await handler.HandleAsync(await scopes.GetAsync(cancellationToken), filter, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        events.Exported(HttpContext, "ReportList");

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName}\"";
        await PeriodReportExport.WriteReportListAsync(Response.Body, export.Rows, cancellationToken);
    }

    [HttpGet("ekspor.{format:regex(^(xlsx|csv)$)}")]
    [EnableRateLimiting(RateLimitPolicies.Export)]
    public async Task<IActionResult> Export([FromRoute] string format, [FromQuery] PeriodReport.Filter filter, [FromServices] PeriodFile.Handler handler, CancellationToken cancellationToken)
    {
        var file = await handler.HandleAsync(await scopes.GetAsync(cancellationToken), filter, format, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        events.Exported(HttpContext, "PeriodReport");
        return File(file.Content, file.ContentType, file.FileName);
    }
}
