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

/// <summary>
/// /lacak: find a report by its number, see it (all of it once unlocked or owned), unlock it with the
/// access code or the signed link, ask for a new link, open its files.
/// </summary>
public sealed class TrackingController(IStringLocalizer<CitizenResource> t, TrackingAccess access, FilingBrowser browser) : Controller
{
    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [AllowAnonymous]
    [HttpGet("/lacak")]
    public async Task<IActionResult> Lookup(string? nomor, [FromServices] Lookup.Handler handler, CancellationToken cancellationToken)
    {
        if (nomor is null)
        {
            return View(new Lookup.View(null));
        }

        if (TrackingNumber.Normalize(nomor) is not { } number)
        {
            ModelState.AddModelError("nomor", t["Validation.TrackingNumber"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new Lookup.View(nomor));
        }

        return await handler.ExistsAsync(number, cancellationToken) ? RedirectToAction(nameof(Track), new { trackingNumber = number }) : Unknown(nomor, number);
    }

    [AllowAnonymous]
    [HttpGet("/lacak/{trackingNumber}")]
    public async Task<IActionResult> Track(
        [FromRoute] string trackingNumber, [FromServices] Track.Handler handler, [FromServices] Staging.Handler staging, CancellationToken cancellationToken)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        var view = await handler.HandleAsync(number, UserId, access.HasAccess(Request, number), cancellationToken);
        if (view is null)
        {
            return Unknown(number, number);
        }

        return view.StatusOnly ? View("TrackStatus", view)
            : View(new Track.Page(view, WorkFeedback.DraftOf(TempData), view.Details is { CanAddInformation: true } ? await InformationUploaderAsync(staging, cancellationToken) : null));
    }

    /// <summary>The add-information form's picker: a new form, or the one that came back with the files staged for it.</summary>
    private async Task<Uploader> InformationUploaderAsync(Staging.Handler staging, CancellationToken cancellationToken)
    {
        // TempData gives a Guid back as a Guid (its JSON reader recognises one).
        var token = TempData[ReporterActions.ReporterActionsController.InformationFormKey] is Guid kept ? kept : Guid.NewGuid();
        var staged = await staging.ListForFormAsync(token, browser.Owner(Request), cancellationToken);
        return Filing.StagingController.UploaderFor(Url, "Attachments", "Staged", token, staged) with { Label = t["Track.AddPhotos"], Help = t["Track.AddPhotosHelp"] };
    }

    /// <summary>
    /// The signed link from the confirmation: unlocks the report in this browser, then leaves for the
    /// clean page at once, so the token stays in no address bar, history or Referer.
    /// </summary>
    [AllowAnonymous]
    [HttpGet("/lacak/{trackingNumber}/tautan")]
    [GetOnly]
    [EnableRateLimiting(RateLimitPolicies.TrackingCode)]
    public async Task<IActionResult> OpenLink(
        [FromRoute] string trackingNumber, [FromQuery(Name = "t")] string? token, [FromServices] ReportLink.OpenHandler handler, [FromServices] SecurityEvents events,
        CancellationToken cancellationToken)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        var outcome = await handler.HandleAsync(number, token, cancellationToken);
        if (outcome == ReportLink.Outcome.Opened)
        {
            access.Grant(Response, Request, number);
        }
        else
        {
            events.ReportLinkRefused(HttpContext, number);
            TempData[FlashMessage.ErrorKey] = outcome == ReportLink.Outcome.Expired
                ? t["Track.LinkExpired", (int)ReportLinks.Lifetime.TotalDays].Value
                : t["Track.LinkRefused"].Value;
        }

        Response.Headers.CacheControl = "no-store";
        return RedirectToAction(nameof(Track), new { trackingNumber = number });
    }

    /// <summary>"Kirim ulang tautan": a new link to the contact on file; the same answer whether there is one or not.</summary>
    [AllowAnonymous]
    [HttpPost("/lacak/{trackingNumber}/tautan-baru")]
    [EnableRateLimiting(RateLimitPolicies.AccountMail)]
    public async Task<IActionResult> ResendLink(
        [FromRoute] string trackingNumber, [FromServices] ReportLink.ResendHandler handler, [FromServices] SecurityEvents events, CancellationToken cancellationToken)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        await handler.HandleAsync(number, cancellationToken);
        events.ReportLinkRequested(HttpContext, number);
        TempData[FlashMessage.SuccessKey] = t["Track.LinkResent"].Value;
        return RedirectToAction(nameof(Track), new { trackingNumber = number });
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

    /// <summary>A well-formed number no report has: the lookup page says so, with what was typed kept.</summary>
    private ViewResult Unknown(string typed, string number)
    {
        ModelState.AddModelError("nomor", t["Track.NotFound", number]);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View(nameof(Lookup), new Lookup.View(typed));
    }
}
