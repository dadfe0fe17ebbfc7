using System.Security.Claims;
using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Citizen.Tracking;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Citizen.Filing;

/// <summary>/lapor: the filing form, and the confirmation with the guest's access code shown until they say they wrote it down.</summary>
public sealed class FilingController(IStringLocalizer<CitizenResource> t, FilingReceipt receipt) : Controller
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

        // Shown on every visit (reload, Back, "Lihat status laporan" and back) until dismissed below.
        return View(new SubmittedView(number, receipt.AccessCodeFor(Request, number)));
    }

    /// <summary>"Sudah saya catat": the code leaves the confirmation page; on a shared computer the report is locked in this browser too.</summary>
    [AllowAnonymous]
    [HttpPost("/lapor/terkirim/{trackingNumber}/sudah-dicatat")]
    public IActionResult Dismiss([FromRoute] string trackingNumber, [FromForm] bool sharedDevice, [FromServices] TrackingAccess access)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        receipt.Forget(Response, Request, number);
        if (sharedDevice)
        {
            access.Revoke(Response, Request, number);
        }

        TempData[FlashMessage.SuccessKey] = t[sharedDevice ? "Submitted.DismissedAndLocked" : "Submitted.Dismissed"].Value;
        return RedirectToAction(nameof(Submitted), new { trackingNumber = number });
    }

    private async Task<IActionResult> SubmitPage(Submit.Form form, FormOptions.Handler options, CancellationToken cancellationToken)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return View("Submit", new SubmitPage(form, await options.HandleAsync(english, cancellationToken)));
    }
}

public sealed record SubmitPage(Submit.Form Form, FormOptions.View Options);

public sealed record SubmittedView(string TrackingNumber, string? AccessCode);
