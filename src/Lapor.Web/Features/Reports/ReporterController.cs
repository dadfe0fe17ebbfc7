using System.Security.Claims;
using FluentValidation;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Reports;

/// <summary>What the reporter does on their report's page: add information, accept or reject the answer, rate it, reopen.</summary>
[AllowAnonymous]
[Route("lacak/{trackingNumber}")]
public sealed class ReporterController(ReporterAction.Handler actions, TrackingAccess access, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpPost("informasi")]
    public Task<IActionResult> AddInformation([FromRoute] string trackingNumber, Track.InformationForm form, [FromServices] IValidator<Track.InformationForm> validator) =>
        RunAsync(trackingNumber, form.Text, validator.Validate(form), "Track.InformationAdded", (report, actor, schedule, now) =>
        {
            if (report.Status == ReportStatus.OnHold)
            {
                report.AddInformation(actor, form.Text!, schedule, now);
            }
            else
            {
                report.ReporterReply(actor, form.Text!, schedule, now);
            }
        });

    [HttpPost("puas")]
    public Task<IActionResult> Accept([FromRoute] string trackingNumber, Track.VerdictForm form) =>
        RunAsync(trackingNumber, null, null, "Track.Accepted", (report, actor, schedule, now) =>
        {
            report.Accept(actor, schedule, now);
            if (form.Rating is { } stars)
            {
                report.Rate(stars, now);
            }
        });

    [HttpPost("belum-puas")]
    public Task<IActionResult> Reject([FromRoute] string trackingNumber, Track.VerdictForm form, [FromServices] IValidator<Track.VerdictForm> validator) =>
        RunAsync(trackingNumber, form.Reason, validator.Validate(form), "Track.Rejected", (report, actor, _, now) =>
        {
            report.Reject(actor, form.Reason!, now);
            if (form.Rating is { } stars)
            {
                report.Rate(stars, now);
            }
        });

    [HttpPost("nilai")]
    public Task<IActionResult> Rate([FromRoute] string trackingNumber, Track.VerdictForm form) =>
        RunAsync(trackingNumber, null, null, "Track.Rated", (report, _, _, now) => report.Rate(form.Rating ?? 0, now));

    [HttpPost("buka-kembali")]
    public Task<IActionResult> Reopen([FromRoute] string trackingNumber, Track.VerdictForm form, [FromServices] IValidator<Track.VerdictForm> validator) =>
        RunAsync(trackingNumber, form.Reason, validator.Validate(form), "Track.Reopened", (report, actor, schedule, now) => report.Reopen(actor, form.Reason!, schedule, now));

    [HttpPost("eskalasi")]
    public Task<IActionResult> Escalate([FromRoute] string trackingNumber, Track.VerdictForm form, [FromServices] IValidator<Track.VerdictForm> validator, [FromServices] ReporterEscalation.Handler escalation) =>
        RunAsync(trackingNumber, form.Reason, validator.Validate(form), "Track.Escalated",
            (report, actor, _, now) => escalation.EscalateAsync(report, actor, form.Reason!, now, HttpContext.RequestAborted));

    private Task<IActionResult> RunAsync(
        string trackingNumber, string? typed, FluentValidation.Results.ValidationResult? validation, string doneKey,
        Action<Report, Actor, DeadlineSchedule, DateTimeOffset> change) =>
        RunAsync(trackingNumber, typed, validation, doneKey, (report, actor, schedule, now) =>
        {
            change(report, actor, schedule, now);
            return Task.CompletedTask;
        });

    private async Task<IActionResult> RunAsync(
        string trackingNumber, string? typed, FluentValidation.Results.ValidationResult? validation, string doneKey,
        Func<Report, Actor, DeadlineSchedule, DateTimeOffset, Task> change)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        var back = RedirectToAction(nameof(ReportsController.Track), "Reports", new { trackingNumber = number });
        if (validation is { IsValid: false })
        {
            return Flash(back, FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage, typed);
        }

        try
        {
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
            var outcome = await actions.RunAsync(number, userId, access.HasAccess(Request, number), change, HttpContext.RequestAborted);
            return outcome switch
            {
                ReporterAction.Outcome.NotFound => NotFound(),
                ReporterAction.Outcome.Conflict => Flash(back, FlashMessage.ErrorKey, t["Error.Conflict"], typed),
                _ => Flash(back, FlashMessage.SuccessKey, t[doneKey], null),
            };
        }
        catch (DomainException rule)
        {
            return Flash(back, FlashMessage.ErrorKey, t[$"Domain.{rule.Code}"], typed);
        }
    }

    /// <summary>Back to the report page with a message; what the reporter typed is handed back if it was not saved.</summary>
    private RedirectToActionResult Flash(RedirectToActionResult back, string key, string message, string? typed)
    {
        TempData[key] = message;
        TempData[Track.DraftKey] = FlashMessage.Draft(typed);
        TempData[Track.DraftForKey] = typed is null ? null : Request.Path.Value?.Split('/')[^1];
        return back;
    }
}
