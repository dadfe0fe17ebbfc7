using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Citizen.Tracking;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Security;
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
    /// <summary>The form token of an add-information form that came back, so its page lists the files staged for it again.</summary>
    public const string InformationFormKey = "information.form";

    /// <summary>
    /// Information, and up to five photos or PDFs, at any time before completion: an answer when a question
    /// waits (the report resumes as before), otherwise an addition the coordinator or the agencies are told of.
    /// Files come staged (picked and uploaded one by one) or, without script, with the form, when they are
    /// staged first; so a refused file is named with the reason, and the text typed and the files kept come back.
    /// </summary>
    [HttpPost("informasi")]
    [RequestSizeLimit(MessageUploads.MaxRequestBytes)]
    public async Task<IActionResult> AddInformation(
        [FromRoute] string trackingNumber, Track.InformationForm form, [FromServices] IValidator<Track.InformationForm> validator,
        [FromServices] Staging.Handler staging, [FromServices] FilingBrowser browser, [FromServices] SecurityEvents events,
        [FromForm(Name = "Attachments")] List<IFormFile>? attachments)
    {
        // Only the reporter's files are kept, even for a moment: anyone else gets "not found" before any is stored.
        if (TrackingNumber.Normalize(trackingNumber) is not { } number || !await MayActAsync(number))
        {
            return NotFound();
        }

        var owner = browser.Owner(Request);
        var sent = (attachments ?? []).Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (form.FormToken == Guid.Empty)
        {
            form.FormToken = Guid.NewGuid();
        }

        IReadOnlyList<string> refusals = [];
        if (sent.Count > 0)
        {
            var kept = await staging.KeepAsync(form.FormToken, owner ??= browser.EnsureOwner(HttpContext), form.Staged, sent, HttpContext.RequestAborted);
            // The ids posted stay as they are (one gone is refused when the message is saved); the new ones join them.
            (form.Staged, refusals) = ([.. form.Staged, .. kept.Staged.Select(s => s.Id).Where(id => !form.Staged.Contains(id))], kept.Refusals);
        }

        TempData[InformationFormKey] = form.FormToken;
        if (refusals.Count > 0)
        {
            // The file's name and why, rather than a rule's general wording; the files that passed stay staged.
            events.UploadRejected(HttpContext);
            return feedback.Refuse(this, BackTo(trackingNumber), string.Join(" ", refusals), form.Text);
        }

        return await RunAsync(trackingNumber, form.Text, validator.Validate(form), "Track.InformationAdded", async (s, actor) =>
        {
            var files = await staging.TakeAsync(form.FormToken, owner, form.Staged, HttpContext.RequestAborted)
                ?? throw new DomainException(Staging.GoneCode);
            s.Report.AddReporterInformation(actor, form.Text!, s.Schedule, s.Now, [.. files.Select(f => f.ToAttachment(ActorRole.Citizen, s.Now))]);
        });
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

    /// <summary>The browser unlocked the report, or the signed-in reporter owns it.</summary>
    private async Task<bool> MayActAsync(string number)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return access.HasAccess(Request, number)
            || (userId is not null && await work.ExistsAsync(reports => reports.Where(r => r.TrackingNumber == number && r.ReporterUserId == userId), HttpContext.RequestAborted));
    }

    private RedirectToActionResult BackTo(string trackingNumber) =>
        RedirectToAction(nameof(TrackingController.Track), "Tracking", new { trackingNumber = TrackingNumber.Normalize(trackingNumber) ?? trackingNumber });

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

        var back = BackTo(number);
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
