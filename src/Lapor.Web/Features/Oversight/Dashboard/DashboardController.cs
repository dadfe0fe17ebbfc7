using System.Globalization;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Oversight.Dashboard;

/// <summary>/dashboard: the period report for the viewer's area, its print version, the reports behind its numbers, and who is late now. For coordinators, oversight and agency heads.</summary>
[Authorize(Policy = Policies.Dashboard)]
[Route("dashboard")]
public sealed class DashboardController(StaffScopeProvider scopes) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] PeriodReport.Filter filter, [FromServices] Overview.Handler overview, CancellationToken cancellationToken) =>
        View(await overview.HandleAsync(await scopes.GetAsync(cancellationToken), filter, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en", cancellationToken));

    /// <summary>The period report laid out for paper: the browser's "Save as PDF" makes the PDF.</summary>
    [HttpGet("cetak")]
    public async Task<IActionResult> Print([FromQuery] PeriodReport.Filter filter, [FromServices] PeriodReport.Handler report, CancellationToken cancellationToken) =>
        View(await report.HandleAsync(await scopes.GetAsync(cancellationToken), filter, cancellationToken));

    [HttpGet("laporan")]
    public async Task<IActionResult> DrillDown([FromQuery] DrillDown.Filter filter, [FromServices] DrillDown.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(await scopes.GetAsync(cancellationToken), filter, cancellationToken));

    /// <summary>Who is late now, and where: late stages per agency, OPDs nobody works, and the officers' workload, whatever the period.</summary>
    [HttpGet("siapa-terlambat")]
    public async Task<IActionResult> WhoIsLate([FromQuery] OverdueNow.Filter filter, [FromServices] WhoIsLate.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(await scopes.GetAsync(cancellationToken), filter, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en", cancellationToken));

    /// <summary>What is late now behind one of the overdue table's numbers: a stage, an agency, or all, most late first.</summary>
    [HttpGet("terlambat")]
    public async Task<IActionResult> Overdue([FromQuery] OverdueNow.Filter filter, [FromServices] OverdueNow.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(await scopes.GetAsync(cancellationToken), filter, cancellationToken));
}
