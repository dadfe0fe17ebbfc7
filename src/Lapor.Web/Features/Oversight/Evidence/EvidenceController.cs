using Lapor.Web.Features.Oversight.Dashboard;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Oversight.Evidence;

/// <summary>
/// /dashboard/bukti-dukung: the evaluation's evidence pack for a period, as XLSX or PDF, and the log of
/// socialisation and training events it lists. Coordinators and oversight read and download it for their
/// scope; only coordinators add or remove events. Officers, agency heads and citizens are refused.
/// </summary>
[Authorize(Policy = Policies.Oversight)]
[Route("dashboard")]
public sealed class EvidenceController(StaffScopeProvider scopes, IStringLocalizer<OversightResource> t) : Controller
{
    private const long MaxEventRequestBytes = 11 * 1024 * 1024;

    [HttpGet("bukti-dukung")]
    public async Task<IActionResult> Index([FromQuery] PeriodReport.Filter filter, [FromServices] EvidencePage.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(await scopes.GetAsync(cancellationToken), filter, User.IsInRole(Domain.Accounts.Roles.Coordinator), cancellationToken));

    /// <summary>The pack of the period: a workbook with a sheet per table, or an A4 PDF with the events' photos at the end.</summary>
    [HttpGet("bukti-dukung.{format:regex(^(xlsx|pdf)$)}")]
    [EnableRateLimiting(RateLimitPolicies.Export)]
    public async Task<IActionResult> Download(
        [FromRoute] string format, [FromQuery] PeriodReport.Filter filter, [FromServices] EvidenceFile.Handler handler, [FromServices] SecurityEvents events,
        CancellationToken cancellationToken)
    {
        var file = await handler.HandleAsync(await scopes.GetAsync(cancellationToken), filter, format, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        events.Exported(HttpContext, "EvidencePack");
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpPost("bukti-dukung/kegiatan")]
    [Authorize(Policy = Policies.Coordinator)]
    [RequestSizeLimit(MaxEventRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxEventRequestBytes)]
    public async Task<IActionResult> AddEvent(OutreachLog.Form form, [FromQuery] PeriodReport.Filter filter, [FromServices] OutreachLog.Handler log, CancellationToken cancellationToken)
    {
        var refused = await log.AddAsync(await scopes.GetAsync(cancellationToken), form, cancellationToken);
        TempData[refused is null ? FlashMessage.SuccessKey : FlashMessage.ErrorKey] = refused ?? t["Evidence.EventAdded"].Value;
        return RedirectToAction(nameof(Index), filter.RouteValues());
    }

    [HttpPost("bukti-dukung/kegiatan/{id:long}/hapus")]
    [Authorize(Policy = Policies.Coordinator)]
    public async Task<IActionResult> RemoveEvent([FromRoute] long id, [FromQuery] PeriodReport.Filter filter, [FromServices] OutreachLog.Handler log, CancellationToken cancellationToken)
    {
        if (!await log.RemoveAsync(await scopes.GetAsync(cancellationToken), id, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken))
        {
            return NotFound();
        }

        TempData[FlashMessage.SuccessKey] = t["Evidence.EventRemoved"].Value;
        return RedirectToAction(nameof(Index), filter.RouteValues());
    }

    [HttpGet("bukti-dukung/kegiatan/{id:long}/foto")]
    public async Task<IActionResult> Photo([FromRoute] long id, [FromServices] OutreachLog.Handler log, CancellationToken cancellationToken)
    {
        if (await log.PhotoAsync(await scopes.GetAsync(cancellationToken), id, cancellationToken) is not { } photo)
        {
            return NotFound();
        }

        SecurityHeaders.ForUserFile(Response);
        return File(photo.Content, photo.ContentType);
    }
}
