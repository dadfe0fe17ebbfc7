using System.Globalization;
using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Features.StaffWork.ReportPage;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.ManualEntries;

/// <summary>/inbox/baru: staff enter a report received outside the web form.</summary>
[Authorize(Policy = Policies.Intake)]
[Route("inbox/baru")]
public sealed class ManualEntryController(StaffScopeProvider scopes, FormOptions.Handler options, IStringLocalizer<StaffWorkResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var scope = await scopes.GetAsync(cancellationToken);
        var form = new ManualEntry.Form { SubmissionToken = Guid.NewGuid(), TargetAgencyId = scope.AssignedAgencies.Count > 0 ? scope.AssignedAgencies[0] : null };
        return await PageAsync(form, cancellationToken);
    }

    [HttpPost("")]
    [RequestSizeLimit(55 * 1024 * 1024)]
    public async Task<IActionResult> Create(ManualEntry.Form form, [FromServices] IValidator<ManualEntry.Form> validator, [FromServices] ManualEntry.Handler handler, CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState, "Form");
        if (ModelState.IsValid)
        {
            var scope = await scopes.GetAsync(cancellationToken);
            var role = User.IsInRole(Roles.Coordinator) ? ActorRole.Coordinator : ActorRole.Officer;
            switch (await handler.HandleAsync(form, scope.UserId, role, cancellationToken))
            {
                case ReportFiling.Filed filed:
                    TempData[FlashMessage.SuccessKey] = (filed.AccessCode, ManualEntry.ReplyAddress(form.Channel!.Value, form.ReporterPhone)) switch
                    {
                        (null, _) => t["Inbox.Entered", filed.TrackingNumber].Value,
                        ({ } code, var (channel, number)) => t["Inbox.EnteredOnChannel", filed.TrackingNumber, t[$"Channel.{form.Channel}"], number, code].Value,
                        ({ } code, null) => t["Inbox.EnteredWithCode", filed.TrackingNumber, code].Value,
                    };
                    return RedirectToAction(nameof(ReportPageController.Detail), "ReportPage", new { trackingNumber = filed.TrackingNumber });
                case ReportFiling.Rejected rejected:
                    ModelState.AddModelError($"Form.{rejected.Field}", rejected.Message);
                    break;
            }
        }

        if (form.Attachments.Count > 0)
        {
            ModelState.AddModelError("Form.Attachments", t["Validation.AttachAgain"]);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await PageAsync(form, cancellationToken);
    }

    private async Task<ViewResult> PageAsync(ManualEntry.Form form, CancellationToken cancellationToken)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return View(new ManualEntry.Page(form, await options.HandleAsync(english, cancellationToken)));
    }
}
