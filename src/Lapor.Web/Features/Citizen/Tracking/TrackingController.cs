using System.Security.Claims;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Citizen.Tracking;

/// <summary>/lacak: find a report by its number, see it (all of it once unlocked or owned), unlock it with the access code, open its files.</summary>
public sealed class TrackingController(IStringLocalizer<CitizenResource> t, TrackingAccess access) : Controller
{
    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [AllowAnonymous]
    [HttpGet("/lacak")]
    public IActionResult Lookup(string? nomor)
    {
        if (nomor is null)
        {
            return View();
        }

        if (TrackingNumber.Normalize(nomor) is { } number)
        {
            return RedirectToAction(nameof(Track), new { trackingNumber = number });
        }

        ModelState.AddModelError("nomor", t["Validation.TrackingNumber"]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View();
    }

    [AllowAnonymous]
    [HttpGet("/lacak/{trackingNumber}")]
    public async Task<IActionResult> Track([FromRoute] string trackingNumber, [FromServices] Track.Handler handler, CancellationToken cancellationToken)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        var view = await handler.HandleAsync(number, UserId, access.HasAccess(Request, number), cancellationToken);
        return view is null ? NotFound() : view.StatusOnly ? View("TrackStatus", view) : View(new Track.Page(view, WorkFeedback.DraftOf(TempData)));
    }

    [AllowAnonymous]
    [HttpPost("/lacak/{trackingNumber}/akses")]
    [EnableRateLimiting(RateLimitPolicies.TrackingCode)]
    public async Task<IActionResult> Unlock([FromRoute] string trackingNumber, Track.UnlockForm form, [FromServices] Unlock.Handler handler, CancellationToken cancellationToken)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        if (await handler.HandleAsync(number, form.AccessCode, cancellationToken))
        {
            access.Grant(Response, Request, number);
        }
        else
        {
            TempData[FlashMessage.ErrorKey] = t["Track.WrongAccessCode"].Value;
        }

        return RedirectToAction(nameof(Track), new { trackingNumber = number });
    }

    [AllowAnonymous]
    [HttpGet("/lacak/{trackingNumber}/lampiran/{attachmentId:guid}")]
    public async Task<IActionResult> Attachment([FromRoute] string trackingNumber, [FromRoute] Guid attachmentId, [FromServices] Attachments.Handler handler, CancellationToken cancellationToken)
    {
        var number = TrackingNumber.Normalize(trackingNumber);
        var file = number is null ? null : await handler.HandleAsync(number, attachmentId, UserId, access.HasAccess(Request, number), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        SecurityHeaders.ForUserFile(Response);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
