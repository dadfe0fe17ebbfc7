using System.Globalization;
using System.Security.Claims;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Oversight.Dashboard;

/// <summary>/dashboard: the period report for the viewer's area, and its exports. For coordinators, oversight and agency heads.</summary>
[Authorize(Policy = Policies.Dashboard)]
[Route("dashboard")]
public sealed class DashboardController(StaffScopeProvider scopes, PeriodReport.Handler report) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] PeriodReport.Filter filter, [FromServices] FormOptions.Handler options, CancellationToken cancellationToken)
    {
        ViewData["Options"] = await options.HandleAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en", cancellationToken);
        return View(await report.HandleAsync(await scopes.GetAsync(cancellationToken), filter, cancellationToken));
    }

    /// <summary>The period report laid out for paper: the browser's "Save as PDF" makes the PDF.</summary>
    [HttpGet("cetak")]
    public async Task<IActionResult> Print([FromQuery] PeriodReport.Filter filter, CancellationToken cancellationToken) =>
        View(await report.HandleAsync(await scopes.GetAsync(cancellationToken), filter, cancellationToken));

    [HttpGet("laporan")]
    public async Task<IActionResult> DrillDown([FromQuery] DrillDown.Filter filter, [FromServices] DrillDown.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(await scopes.GetAsync(cancellationToken), filter, cancellationToken));

    /// <summary>
    /// Every report of the period as CSV, written row by row as the database returns them, so a
    /// province's 100k-report year streams in constant memory. No reporter identity is selected.
    /// </summary>
    [HttpGet("ekspor-laporan.csv")]
    [EnableRateLimiting(RateLimitPolicies.Export)]
    public async Task ExportReports(
        [FromQuery] PeriodReport.Filter filter, [FromServices] LaporDbContext db, [FromServices] TimeProvider clock, [FromServices] Infrastructure.Deadlines.DeadlineScheduleProvider schedules,
        [FromServices] SecurityEvents events, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var schedule = await schedules.GetAsync(cancellationToken);
        var (from, to) = filter.Range(schedule.LocalDate(clock.GetUtcNow()));
        db.AuditEntries.Add(new AuditEntry(AuditAction.Export, User.FindFirstValue(ClaimTypes.NameIdentifier), "ReportList", $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}", "csv",
            HttpContext.Connection.RemoteIpAddress?.ToString(), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        events.Exported(HttpContext, "ReportList");

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"lapor-laporan-{from:yyyyMMdd}-{to:yyyyMMdd}.csv\"");
        var rows = await report.ReportRowsAsync(scope, filter, from, to, cancellationToken);
        await PeriodReportExport.WriteReportListAsync(Response.Body, rows, cancellationToken);
    }

    [HttpGet("ekspor.{format:regex(^(xlsx|csv)$)}")]
    [EnableRateLimiting(RateLimitPolicies.Export)]
    public async Task<IActionResult> Export(
        [FromRoute] string format, [FromQuery] PeriodReport.Filter filter, [FromServices] LaporDbContext db, [FromServices] TimeProvider clock,
        [FromServices] IStringLocalizer<SharedResource> t, [FromServices] SecurityEvents events, CancellationToken cancellationToken)
    {
        var view = await report.HandleAsync(await scopes.GetAsync(cancellationToken), filter, cancellationToken);

        // Exports are personal-data processing under UU PDP: record who took which period.
        db.AuditEntries.Add(new AuditEntry(AuditAction.Export, User.FindFirstValue(ClaimTypes.NameIdentifier), "PeriodReport",
            $"{view.From:yyyy-MM-dd}..{view.To:yyyy-MM-dd}", format, HttpContext.Connection.RemoteIpAddress?.ToString(), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        events.Exported(HttpContext, "PeriodReport");

        var name = string.Create(CultureInfo.InvariantCulture, $"lapor-{view.From:yyyyMMdd}-{view.To:yyyyMMdd}.{format}");
        return format == "xlsx"
            ? File(await PeriodReportExport.XlsxAsync(view, t, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name)
            : File(PeriodReportExport.Csv(view, t), "text/csv; charset=utf-8", name);
    }
}
