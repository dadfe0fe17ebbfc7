using System.Security.Claims;
using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Citizen.Tracking;
using Lapor.Web.Features.Shared.Attachments;
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
public sealed class FilingController(IStringLocalizer<CitizenResource> t, FilingReceipt receipt, LocalTime time, TimeProvider clock) : Controller
{
    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [AllowAnonymous]
    [HttpGet("/lapor")]
    public async Task<IActionResult> Submit([FromServices] FormOptions.Handler options, [FromServices] FilingBrowser browser, CancellationToken cancellationToken)
    {
        // The filing cookie comes with the form: it owns the photos staged for it and keys the filing limit.
        browser.Ensure(HttpContext);
        return await SubmitPage(new Submit.Form { SubmissionToken = Guid.NewGuid() }, [], options, cancellationToken);
    }

    [AllowAnonymous]
    [HttpPost("/lapor")]
    [EnableRateLimiting(RateLimitPolicies.FilingAttempts)]
    [RequestSizeLimit(Filing.Submit.MaxRequestBytes)]
    public async Task<IActionResult> Submit(
        Submit.Form form, [FromServices] IValidator<Submit.Form> validator, [FromServices] Submit.Handler handler, [FromServices] FormOptions.Handler options,
        [FromServices] FilingBrowser browser, [FromServices] FilingBudget budget, [FromServices] SecurityEvents events, [FromServices] SupportOffers.Handler offers,
        CancellationToken cancellationToken)
    {
        form.IsGuest = UserId is null;
        var (address, cookie) = (RateLimitPolicies.ClientAddress(HttpContext), browser.Read(Request));
        var owner = browser.EnsureOwner(HttpContext);

        // Files sent the plain way are staged before anything else is checked: an error anywhere keeps them.
        var uploads = await handler.StageAsync(form, owner, cancellationToken);
        ModelState.Remove("Form.Staged");
        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.AddToModelState(ModelState, "Form");
        AddUploadErrors(uploads, events);
        // The same problem at the same place is open already: offered once, beside "tetap kirim laporan baru", with everything kept.
        if (ModelState.IsValid && !form.KeepNew && await offers.FindAsync(SupportOffers.DraftOf(form), cancellationToken) is { Count: > 0 } similar)
        {
            return await SubmitPage(form, uploads.Staged, options, cancellationToken, similar);
        }

        if (ModelState.IsValid && budget.BlockedUntil(address, cookie) is { } until)
        {
            return await LimitReachedPage(form, uploads, until, options, events, cancellationToken);
        }

        if (ModelState.IsValid)
        {
            switch (await handler.HandleAsync(form, UserId, owner, cancellationToken))
            {
                case ReportFiling.Filed filed:
                    if (filed.IsNew)
                    {
                        budget.Spend(address, cookie);
                    }

                    if (filed.AccessCode is not null)
                    {
                        receipt.Remember(Response, Request, filed.TrackingNumber, filed.AccessCode);
                    }

                    return RedirectToAction(nameof(Submitted), new { trackingNumber = filed.TrackingNumber });
                case ReportFiling.Rejected rejected:
                    ModelState.AddModelError($"Form.{rejected.Field}", rejected.Message);
                    break;
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await SubmitPage(form, uploads.Staged, options, cancellationToken);
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

    private void AddUploadErrors(Staging.Kept uploads, SecurityEvents events)
    {
        foreach (var refusal in uploads.Refusals)
        {
            events.UploadRejected(HttpContext);
            ModelState.AddModelError("Form.Attachments", refusal);
        }

        if (uploads.SomeGone)
        {
            ModelState.AddModelError("Form.Attachments", t["Upload.Gone"]);
        }
    }

    /// <summary>429, with everything typed and every staged photo kept, and the local time the citizen may send again.</summary>
    private async Task<IActionResult> LimitReachedPage(
        Submit.Form form, Staging.Kept uploads, DateTimeOffset until, FormOptions.Handler options, SecurityEvents events, CancellationToken cancellationToken)
    {
        // Said to the minute, rounded up: at the time named, sending works.
        var now = clock.GetUtcNow();
        var remainder = until.Ticks % TimeSpan.TicksPerMinute;
        until = remainder == 0 ? until : until.AddTicks(TimeSpan.TicksPerMinute - remainder);
        var today = time.Date(until) == time.Date(now);
        var at = time.Format(until, today ? "HH:mm" : "dddd, d MMMM yyyy HH:mm") + " " + time.ZoneName;
        ModelState.AddModelError("", today ? t["Submit.LimitReachedToday", at] : t["Submit.LimitReachedLater", at]);
        Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, (until - now).TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        events.RateLimited(HttpContext);
        return await SubmitPage(form, uploads.Staged, options, cancellationToken);
    }

    private async Task<IActionResult> SubmitPage(
        Submit.Form form, IReadOnlyList<Staging.Item> staged, FormOptions.Handler options, CancellationToken cancellationToken, IReadOnlyList<SupportOffers.Offer>? similar = null)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var uploader = StagingController.UploaderFor(Url, "Form.Attachments", "Form.Staged", form.SubmissionToken, staged);
        return View("Submit", new SubmitPage(form, await options.HandleAsync(english, cancellationToken), uploader) { Similar = similar ?? [] });
    }
}

public sealed record SubmitPage(Submit.Form Form, FormOptions.View Options, Uploader Uploader)
{
    /// <summary>The same form at a village operator's desk (<c>/operator/lapor</c>), filing for a resident who came in person.</summary>
    public bool ForResident { get; init; }

    /// <summary>The operator's service point; null at the desk when the administrator has not set one (the form is not offered).</summary>
    public string? ServicePoint { get; init; }

    /// <summary>Open public reports of the same problem at the same place, offered once before filing (<see cref="SupportOffers"/>).</summary>
    public IReadOnlyList<SupportOffers.Offer> Similar { get; init; } = [];
}

public sealed record SubmittedView(string TrackingNumber, string? AccessCode);
