using System.Security.Claims;
using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Citizen.Reports;

public sealed class ReportsController(IStringLocalizer<SharedResource> t, TrackingAccess access, FilingReceipt receipt) : Controller
{
    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [AllowAnonymous]
    [HttpGet("/lapor")]
    public async Task<IActionResult> Submit([FromServices] FormOptions.Handler options, CancellationToken cancellationToken) =>
        await SubmitPage(new Submit.Form { SubmissionToken = Guid.NewGuid() }, options, cancellationToken);

    [AllowAnonymous]
    [HttpPost("/lapor")]
    [EnableRateLimiting(RateLimitPolicies.Filing)]
    [RequestSizeLimit(55 * 1024 * 1024)]
    public async Task<IActionResult> Submit(
        Submit.Form form, [FromServices] IValidator<Submit.Form> validator, [FromServices] Submit.Handler handler,
        [FromServices] FormOptions.Handler options, [FromServices] SecurityEvents events, CancellationToken cancellationToken)
    {
        form.IsGuest = UserId is null;
        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.AddToModelState(ModelState, "Form");
        if (ModelState.IsValid)
        {
            switch (await handler.HandleAsync(form, UserId, cancellationToken))
            {
                case ReportFiling.Filed filed:
                    if (filed.AccessCode is not null)
                    {
                        receipt.Remember(Response, Request, filed.TrackingNumber, filed.AccessCode);
                    }

                    return RedirectToAction(nameof(Submitted), new { trackingNumber = filed.TrackingNumber });
                case ReportFiling.Rejected rejected:
                    if (rejected.Field == "Attachments")
                    {
                        events.UploadRejected(HttpContext);
                    }

                    ModelState.AddModelError($"Form.{rejected.Field}", rejected.Message);
                    break;
            }
        }

        // Browsers cannot refill file inputs: say so, keep everything else.
        if (form.Attachments.Count > 0)
        {
            ModelState.AddModelError("Form.Attachments", t["Validation.AttachAgain"]);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await SubmitPage(form, options, cancellationToken);
    }

    [AllowAnonymous]
    [HttpGet("/lapor/terkirim/{trackingNumber}")]
    [GetOnly]
    public IActionResult Submitted([FromRoute] string trackingNumber)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        // Shown once: a reload, or the next person at a shared computer, no longer sees it.
        var code = receipt.AccessCodeFor(Request, number);
        if (code is not null)
        {
            receipt.Forget(Response, Request, number);
        }

        return View(new SubmittedView(number, code));
    }

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

    [Authorize]
    [HttpGet("/laporan-saya")]
    public async Task<IActionResult> Mine([FromServices] Mine.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(UserId!, cancellationToken));

    private async Task<IActionResult> SubmitPage(Submit.Form form, FormOptions.Handler options, CancellationToken cancellationToken)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return View("Submit", new SubmitPage(form, await options.HandleAsync(english, cancellationToken)));
    }
}

public sealed record SubmitPage(Submit.Form Form, FormOptions.View Options);

public sealed record SubmittedView(string TrackingNumber, string? AccessCode);
