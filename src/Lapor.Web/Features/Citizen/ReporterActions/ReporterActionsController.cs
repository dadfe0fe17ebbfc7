using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Citizen.Tracking;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Citizen.ReporterActions;

/// <summary>
/// What the reporter does on their report's page — add information, accept or reject the answer,
/// rate it, reopen, escalate — on their own report only: the signed-in owner, or a browser that
/// unlocked it with the access code. Anyone else gets "not found".
/// </summary>
[AllowAnonymous]
[Route("lacak/{trackingNumber}")]
public sealed class ReporterActionsController(ReportWork work, WorkFeedback feedback, TrackingAccess access, IStringLocalizer<CitizenResource> t) : Controller
{
    /// <summary>
    /// Information, and up to five photos or PDFs, at any time before completion: an answer when a question
    /// waits (the report resumes as before), otherwise an addition the coordinator or the agencies are told of.
    /// A refused file is named with the reason, and the text typed comes back.
    /// </summary>
    [HttpPost("informasi")]
    [RequestSizeLimit(MessageUploads.MaxRequestBytes)]
    public async Task<IActionResult> AddInformation(
        [FromRoute] string trackingNumber, Track.InformationForm form, [FromServices] IValidator<Track.InformationForm> validator, [FromServices] MessageUploads files,
        [FromServices] Infrastructure.Security.SecurityEvents events, [FromForm(Name = "Attachments")] List<IFormFile>? attachments)
    {
        await using var upload = files.For(attachments ?? [], ActorRole.Citizen);
        var answer = await RunAsync(trackingNumber, form.Text, validator.Validate(form), "Track.InformationAdded", async (s, actor) =>
        {
            s.Report.AddReporterInformation(actor, form.Text!, s.Schedule, s.Now, await upload.CheckAsync(s.Now, HttpContext.RequestAborted));
            await upload.StoreAsync(HttpContext.RequestAborted);
        });
        if (upload.Refusal is { } refusal)
        {
            // The file's name and why, rather than the rule's general wording.
            TempData[Infrastructure.Web.FlashMessage.ErrorKey] = refusal;
            events.UploadRejected(HttpContext);
        }

        return answer;
    }

    [HttpPost("puas")]
    public Task<IActionResult> Accept([FromRoute] string trackingNumber, Track.VerdictForm form)
    {
        // With another agency still at work, the verdict is recorded but the report is not completed yet: say which.
        var done = "Track.AcceptedPartly";
        return RunAsync(trackingNumber, null, null, () => done, (s, actor) =>
        {
            s.Report.Accept(actor, s.Schedule, s.Now);
            if (form.Rating is { } stars)
            {
                s.Report.Rate(actor, stars, s.Now);
            }

            done = s.Report.Status == ReportStatus.Completed ? "Track.Accepted" : "Track.AcceptedPartly";
        });
    }

    [HttpPost("belum-puas")]
    public Task<IActionResult> Reject([FromRoute] string trackingNumber, Track.VerdictForm form, [FromServices] IValidator<Track.VerdictForm> validator) =>
        RunAsync(trackingNumber, form.Reason, validator.Validate(form), "Track.Rejected", (s, actor) =>
        {
            s.Report.Reject(actor, form.Reason!, s.Now);
            if (form.Rating is { } stars)
            {
                s.Report.Rate(actor, stars, s.Now);
            }
        });

    [HttpPost("nilai")]
    public Task<IActionResult> Rate([FromRoute] string trackingNumber, Track.VerdictForm form) =>
        RunAsync(trackingNumber, null, null, "Track.Rated", (s, actor) => s.Report.Rate(actor, form.Rating ?? 0, s.Now));

    [HttpPost("buka-kembali")]
    public Task<IActionResult> Reopen([FromRoute] string trackingNumber, Track.VerdictForm form, [FromServices] IValidator<Track.VerdictForm> validator) =>
        RunAsync(trackingNumber, form.Reason, validator.Validate(form), "Track.Reopened", (s, actor) => s.Report.Reopen(actor, form.Reason!, s.Schedule, s.Now));

    [HttpPost("eskalasi")]
    public Task<IActionResult> Escalate([FromRoute] string trackingNumber, Track.VerdictForm form, [FromServices] IValidator<Track.VerdictForm> validator, [FromServices] ReporterEscalation.Handler escalation) =>
        RunAsync(trackingNumber, form.Reason, validator.Validate(form), "Track.Escalated",
            (s, actor) => escalation.EscalateAsync(s.Report, actor, form.Reason!, s.Now, HttpContext.RequestAborted));

    private Task<IActionResult> RunAsync(string trackingNumber, string? typed, ValidationResult? validation, string doneKey, Action<ReportWork.Step, Actor> change) =>
        RunAsync(trackingNumber, typed, validation, () => doneKey, change);

    private Task<IActionResult> RunAsync(string trackingNumber, string? typed, ValidationResult? validation, string doneKey, Func<ReportWork.Step, Actor, Task> change) =>
        RunAsync(trackingNumber, typed, validation, () => doneKey, change);

    private Task<IActionResult> RunAsync(string trackingNumber, string? typed, ValidationResult? validation, Func<string> doneKey, Action<ReportWork.Step, Actor> change) =>
        RunAsync(trackingNumber, typed, validation, doneKey, (s, actor) =>
        {
            change(s, actor);
            return Task.CompletedTask;
        });

    private async Task<IActionResult> RunAsync(string trackingNumber, string? typed, ValidationResult? validation, Func<string> doneKey, Func<ReportWork.Step, Actor, Task> change)
    {
        if (TrackingNumber.Normalize(trackingNumber) is not { } number)
        {
            return NotFound();
        }

        var back = RedirectToAction(nameof(TrackingController.Track), "Tracking", new { trackingNumber = number });
        if (validation is { IsValid: false })
        {
            return feedback.Refuse(this, back, validation.Errors[0].ErrorMessage, typed);
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var granted = access.HasAccess(Request, number);
        var actor = new Actor(userId, ActorRole.Citizen);
        var result = await work.RunAsync(
            reports => reports.Where(r => r.TrackingNumber == number), null, s => change(s, actor), HttpContext.RequestAborted,
            mayAct: report => granted || (userId is not null && userId == report.ReporterUserId));
        return feedback.Answer(this, result, back, t[doneKey()], typed, WorkFeedback.Reader.Reporter);
    }
}
