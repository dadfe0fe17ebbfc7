using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Citizen.Filing;
using Lapor.Web.Features.Citizen.Tracking;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Notifications;
using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Citizen.Operators;

/// <summary>
/// /operator: a village or sub-district operator files for residents who come in person, prints their slips and
/// follows the reports they entered. Only the VillageOperator role; another operator's report is a 404.
/// </summary>
[Authorize(Policy = Policies.VillageOperator)]
[Route("operator")]
public sealed class OperatorController(IStringLocalizer<CitizenResource> t, IOptions<MailOptions> mail) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "sebelum")] long? before, [FromServices] OperatorDesk.ListHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(UserId, before is > 0 ? before : null, cancellationToken));

    [HttpGet("lapor")]
    public async Task<IActionResult> File(
        [FromServices] OperatorDesk.ServicePointHandler servicePoint, [FromServices] FormOptions.Handler options, [FromServices] FilingBrowser browser,
        CancellationToken cancellationToken)
    {
        browser.Ensure(HttpContext);
        return await FormPage(new Submit.Form { SubmissionToken = Guid.NewGuid(), ForResident = true, IsGuest = false },
            [], await servicePoint.HandleAsync(UserId, cancellationToken), options, cancellationToken);
    }

    /// <summary>
    /// Held to the filing form's flood limit per address, not to the citizen's per-browser budget: a desk files many
    /// reports a day from one browser, each an audited act of a named account.
    /// </summary>
    [HttpPost("lapor")]
    [EnableRateLimiting(RateLimitPolicies.FilingAttempts)]
    [RequestSizeLimit(Submit.MaxRequestBytes)]
    public async Task<IActionResult> File(
        Submit.Form form, [FromServices] IValidator<Submit.Form> validator, [FromServices] Submit.Handler submit, [FromServices] OperatorDesk.FileHandler handler,
        [FromServices] OperatorDesk.ServicePointHandler servicePoints, [FromServices] FormOptions.Handler options, [FromServices] FilingBrowser browser,
        CancellationToken cancellationToken)
    {
        // Never from the request: the resident's name stays optional, the consent is the resident's, a phone must be one.
        (form.ForResident, form.IsGuest) = (true, false);
        var owner = browser.EnsureOwner(HttpContext);
        var uploads = await submit.StageAsync(form, owner, cancellationToken);
        ModelState.Remove("Form.Staged");
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState, "Form");
        foreach (var refusal in uploads.Refusals)
        {
            ModelState.AddModelError("Form.Attachments", refusal);
        }

        if (uploads.SomeGone)
        {
            ModelState.AddModelError("Form.Attachments", t["Upload.Gone"]);
        }

        var servicePoint = await servicePoints.HandleAsync(UserId, cancellationToken);
        if (servicePoint is null)
        {
            ModelState.AddModelError("", t["Operator.NoServicePoint"]);
        }

        if (ModelState.IsValid)
        {
            switch (await handler.HandleAsync(form, UserId, servicePoint!, owner, RateLimitPolicies.ClientAddress(HttpContext), cancellationToken))
            {
                case (ReportFiling.Filed, { } slip):
                    // The access code is in this answer only: not cached, not kept in a cookie, not stored in clear.
                    Response.Headers.CacheControl = "no-store";
                    return View("Slip", WithAddresses(slip));
                case (ReportFiling.Rejected rejected, _):
                    ModelState.AddModelError($"Form.{rejected.Field}", rejected.Message);
                    break;
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await FormPage(form, uploads.Staged, servicePoint, options, cancellationToken);
    }

    [HttpGet("laporan/{trackingNumber}")]
    public async Task<IActionResult> Report([FromRoute] string trackingNumber, [FromServices] OperatorDesk.ReportHandler handler, CancellationToken cancellationToken) =>
        TrackingNumber.Normalize(trackingNumber) is { } number && await handler.HandleAsync(number, UserId, cancellationToken) is { } page
            ? View(page)
            : NotFound();

    /// <summary>A re-print of the slip: the number, date and service point; the access code was printed once.</summary>
    [HttpGet("laporan/{trackingNumber}/tanda-terima")]
    public async Task<IActionResult> Reprint([FromRoute] string trackingNumber, [FromServices] OperatorDesk.ReprintHandler handler, CancellationToken cancellationToken) =>
        TrackingNumber.Normalize(trackingNumber) is { } number && await handler.HandleAsync(number, UserId, cancellationToken) is { } slip
            ? View("Slip", WithAddresses(slip))
            : NotFound();

    private OperatorDesk.Slip WithAddresses(OperatorDesk.Slip slip)
    {
        var site = mail.Value.PublicBaseUrl.TrimEnd('/');
        return slip with
        {
            TrackingAddress = site + Url.Action(nameof(TrackingController.Track), "Tracking", new { trackingNumber = slip.TrackingNumber }),
            LookupAddress = site + Url.Action(nameof(TrackingController.Lookup), "Tracking"),
        };
    }

    private async Task<IActionResult> FormPage(
        Submit.Form form, IReadOnlyList<Staging.Item> staged, string? servicePoint, FormOptions.Handler options, CancellationToken cancellationToken)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var uploader = StagingController.UploaderFor(Url, "Form.Attachments", "Form.Staged", form.SubmissionToken, staged);
        return View("~/Features/Citizen/Filing/Submit.cshtml", new SubmitPage(form, await options.HandleAsync(english, cancellationToken), uploader)
        {
            ServicePoint = servicePoint,
            ForResident = true,
        });
    }
}
