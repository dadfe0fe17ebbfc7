using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>/inbox/{trackingNumber}: a report's staff page, revealing an anonymous reporter, and its files.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("inbox/{trackingNumber}")]
public sealed class ReportPageController(StaffScopeProvider scopes, IStringLocalizer<StaffWorkResource> t) : Controller
{

    [HttpGet("")]
    public async Task<IActionResult> Detail(
        string trackingNumber, [FromServices] ReportDetail.Handler handler, [FromServices] OutOfScopeProbes probes, [FromServices] Inbox.Readings readings,
        CancellationToken cancellationToken)
    {
        if (Domain.Reports.TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        var scope = await scopes.GetAsync(cancellationToken);
        var page = await handler.HandleAsync(number, scope, StaffRoles.Of(User), WorkFeedback.DraftOf(TempData), cancellationToken);
        if (page is null)
        {
            await probes.RecordAsync(HttpContext, number, cancellationToken);
            return NotFound();
        }

        if (page.Report.SeenVersion is not { } seen || seen < page.Report.Version)
        {
            await readings.SawAsync(scope.UserId, page.Report.ReportId, page.Report.Version, cancellationToken);
        }
        return View(page);
    }

    /// <summary>Asked by the open page every 20 seconds: who else has it open, and the report's version now.</summary>
    [HttpGet("kehadiran")]
    public async Task<IActionResult> Presence(string trackingNumber, [FromServices] ReportPresence presence, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return Domain.Reports.TrackingNumber.Normalize(trackingNumber) is { } number
            && await presence.HereAsync(number, await scopes.GetAsync(cancellationToken), cancellationToken) is { } answer
            ? Json(new { others = answer.Others, version = answer.Version })
            : NotFound();
    }

    /// <summary>The similar earlier reports (issue 21), fetched by the page of a report at verification.</summary>
    [Authorize(Policy = Policies.Coordinator)]
    [HttpGet("serupa")]
    public async Task<IActionResult> Similar(string trackingNumber, [FromServices] SimilarReports.Handler handler, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return Domain.Reports.TrackingNumber.Normalize(trackingNumber) is { } number
            && await handler.PanelAsync(await scopes.GetAsync(cancellationToken), number, cancellationToken) is { } panel
            ? PartialView("_SimilarReports", panel)
            : NotFound();
    }

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("identitas")]
    public async Task<IActionResult> Reveal([FromRoute] string trackingNumber, string? reason, [FromServices] RevealIdentity.Handler handler, [FromServices] Infrastructure.Security.SecurityEvents events, CancellationToken cancellationToken)
    {
        if (Domain.Reports.TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            TempData[FlashMessage.ErrorKey] = t["Validation.Required", t["Inbox.RevealReason"]].Value;
            return RedirectToAction(nameof(Detail), new { trackingNumber = number });
        }

        // The reason is kept in the audit log, whose column holds this many characters.
        if (reason.Trim().Length > RevealIdentity.MaxReasonLength)
        {
            TempData[FlashMessage.ErrorKey] = t["Validation.MaxLength", t["Inbox.RevealReason"], RevealIdentity.MaxReasonLength].Value;
            return RedirectToAction(nameof(Detail), new { trackingNumber = number });
        }

        var view = await handler.HandleAsync(number, reason, await scopes.GetAsync(cancellationToken), HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        events.IdentityRevealed(HttpContext, number);
        return View(view);
    }

    [HttpGet("lampiran/{attachmentId:guid}")]
    public async Task<IActionResult> Attachment([FromRoute] string trackingNumber, [FromRoute] Guid attachmentId, [FromServices] StaffAttachment.Handler handler, CancellationToken cancellationToken)
    {
        var file = await handler.HandleAsync(trackingNumber, attachmentId, await scopes.GetAsync(cancellationToken), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        SecurityHeaders.ForUserFile(Response);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
