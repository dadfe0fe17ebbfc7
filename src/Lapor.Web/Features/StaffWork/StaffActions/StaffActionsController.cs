using FluentValidation;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Agencies;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Features.StaffWork.Inbox;
using Lapor.Web.Features.StaffWork.ReportPage;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.StaffActions;

/// <summary>
/// The buttons on a report's staff page. Each posts a small form with the version the user saw,
/// runs one domain method through <see cref="ReportWork"/> and returns to the page.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("inbox/{trackingNumber}")]
public sealed class StaffActionsController(
    ReportWork work, WorkFeedback feedback, StaffScopeProvider scopes, OutOfScopeProbes probes, AgencyInbox.Handler inbox, CoordinatorQueue.Handler queue, Readings readings,
    IStringLocalizer<StaffWorkResource> t) : Controller
{
    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("verifikasi")]
    public Task<IActionResult> Verify([FromRoute] string trackingNumber, VerifyForm form, [FromServices] IValidator<VerifyForm> validator, [FromServices] TriageHint.Recorder triage) =>
        RunAsync(trackingNumber, form, validator, null, async (s, scope) =>
        {
            InScope(scope, form.Chosen);
            await triage.CheckCategoryAsync(form.CategoryId, s.Report.CategoryId, HttpContext.RequestAborted);
            s.Report.Verify(Coordinator(scope), [.. form.Chosen], form.ComplaintKind, form.PublicTitle, form.PublicSummary, s.Schedule, s.Now, form.CategoryId);

            // Saved with the verification: what the coordinator did with the suggestion they saw.
            await triage.RecordAsync(s.Report, scope, form.TriageModelId, [.. form.Chosen], s.Now, HttpContext.RequestAborted);
        });

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("tunda")]
    public Task<IActionResult> Hold([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) => s.Report.Hold(Coordinator(scope), form.Text!, s.Now));

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("arsipkan")]
    public Task<IActionResult> Archive([FromRoute] string trackingNumber, ArchiveForm form, [FromServices] IValidator<ArchiveForm> validator, [FromServices] DuplicateMarking duplicates) =>
        RunAsync(trackingNumber, form, validator, form.Text, async (s, scope) =>
        {
            // A duplicate goes the same way as the one-click "duplikat dari": supporters moved, the original's history, the reporter pointed to it.
            if (form.Reason == ArchiveReason.Duplicate)
            {
                await duplicates.MarkAsync(s, scope, Coordinator(scope), form.DuplicateOf, form.Text, HttpContext.RequestAborted);
                return;
            }

            s.Report.Archive(Coordinator(scope), form.Reason!.Value, form.Text!, null, s.Now);
        });

    /// <summary>"Duplikat dari" on a similar report: archives this one as its duplicate with the standard message to the reporter.</summary>
    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("duplikat-dari")]
    public Task<IActionResult> MarkDuplicate([FromRoute] string trackingNumber, DuplicateForm form, [FromServices] IValidator<DuplicateForm> validator, [FromServices] DuplicateMarking duplicates) =>
        RunAsync(trackingNumber, form, validator, null, (s, scope) => duplicates.MarkAsync(s, scope, Coordinator(scope), form.Original, null, HttpContext.RequestAborted));

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("pulihkan")]
    public Task<IActionResult> Restore([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) => s.Report.Restore(Coordinator(scope), form.Text!, s.Schedule, s.Now));

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("buka-kembali")]
    public Task<IActionResult> Reopen([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) => s.Report.Reopen(Coordinator(scope), form.Text!, s.Schedule, s.Now));

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("tambah-instansi")]
    public Task<IActionResult> Route([FromRoute] string trackingNumber, AgencyForm form, [FromServices] IValidator<AgencyForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) =>
        {
            InScope(scope, [form.AgencyId!.Value]);
            s.Report.Route(Coordinator(scope), form.AgencyId!.Value, form.Text ?? "", s.Schedule, s.Now);
        });

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("tarik-instansi")]
    public Task<IActionResult> Withdraw([FromRoute] string trackingNumber, AgencyForm form, [FromServices] IValidator<AgencyForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) => s.Report.Withdraw(Coordinator(scope), form.AgencyId!.Value, form.Text ?? "", s.Schedule, s.Now));

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("alihkan")]
    public Task<IActionResult> Reroute([FromRoute] string trackingNumber, AgencyForm form, [FromServices] IValidator<AgencyForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) =>
        {
            var to = form.ToAgencyId ?? throw new DomainException("Forward.UnknownAgency");
            InScope(scope, [to]);
            s.Report.Reroute(Coordinator(scope), form.AgencyId!.Value, to, form.Text ?? "", s.Schedule, s.Now);
        });

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("ingatkan")]
    public Task<IActionResult> Remind([FromRoute] string trackingNumber, AgencyForm form, [FromServices] IValidator<AgencyForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) => s.Report.Remind(Coordinator(scope), form.AgencyId!.Value, form.Text ?? "", s.Now));

    [Authorize(Policy = Policies.Oversight)]
    [HttpPost("validasi")]
    public Task<IActionResult> Validate([FromRoute] string trackingNumber, AgencyForm form, [FromServices] IValidator<AgencyForm> validator) =>
        RunAsync(trackingNumber, form, validator, null, (s, scope) => s.Report.ValidateFinal(Validator(scope), form.AgencyId!.Value, s.Schedule, s.Now));

    [Authorize(Policy = Policies.Oversight)]
    [HttpPost("tolak-tindak-lanjut")]
    public Task<IActionResult> Refuse([FromRoute] string trackingNumber, AgencyForm form, [FromServices] IValidator<AgencyForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) => s.Report.RefuseFinal(Validator(scope), form.AgencyId!.Value, form.Text ?? "", s.Now));

    [Authorize(Policy = Policies.Officer)]
    [HttpPost("tanggapi")]
    public Task<IActionResult> Respond([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) => s.Report.Respond(Officer(scope), form.Text!, Visibility(form), s.Schedule, s.Now));

    /// <summary>Officers note for their agency (also after handing the work on); coordinators for the coordination. Oversight reads (DESIGN §2).</summary>
    [Authorize(Policy = Policies.Notes)]
    [HttpPost("catatan")]
    public Task<IActionResult> Note([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) =>
        {
            var roles = StaffRoles.Of(User);
            var actor = roles.IsOfficer && s.Report.AgenciesWithAccess().Any(scope.AssignedAgencies.Contains) ? Officer(scope)
                : roles.IsCoordinator ? Coordinator(scope)
                : throw new DomainException("Assignment.NotOpen");
            s.Report.AddNote(actor, form.Text!, s.Now);
        });

    [Authorize(Policy = Policies.Officer)]
    [HttpPost("minta-keterangan")]
    public Task<IActionResult> RequestInformation([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) => s.Report.RequestInformation(Officer(scope), form.Text!, s.Now));

    /// <summary>
    /// The answer may bring up to five photos or PDFs of the work done. They are checked once the report and
    /// the form pass, stored only when the report takes the answer, and deleted again if it is not saved; a
    /// refused file is named with the reason, and the text typed comes back.
    /// </summary>
    [Authorize(Policy = Policies.Officer)]
    [HttpPost("tindak-lanjut-akhir")]
    [RequestSizeLimit(MessageUploads.MaxRequestBytes)]
    public async Task<IActionResult> FinalResponse(
        [FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator, [FromServices] MessageUploads evidence,
        [FromServices] Infrastructure.Security.SecurityEvents events, [FromForm(Name = "Attachments")] List<IFormFile>? files)
    {
        await using var upload = evidence.For(files ?? [], ActorRole.Officer);
        var answer = await RunAsync(trackingNumber, form, validator, form.Text, async (s, scope) =>
        {
            s.Report.RespondFinal(Officer(scope), form.Text!, Visibility(form), s.Schedule, s.Now, await upload.CheckAsync(s.Now, HttpContext.RequestAborted));
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

    [Authorize(Policy = Policies.Officer)]
    [HttpPost("kembalikan")]
    public Task<IActionResult> Return([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (s, scope) => s.Report.Return(Officer(scope), form.Text!, s.Schedule, s.Now));

    [Authorize(Policy = Policies.Officer)]
    [HttpPost("teruskan")]
    public Task<IActionResult> Forward([FromRoute] string trackingNumber, ForwardForm form, [FromServices] IValidator<ForwardForm> validator, [FromServices] AgencyDirectory agencies) =>
        RunAsync(trackingNumber, form, validator, form.Text, async (s, scope) =>
        {
            var to = await agencies.FindAsync(form.ToAgencyId!.Value, HttpContext.RequestAborted) ?? throw new DomainException("Forward.UnknownAgency");
            s.Report.Forward(Officer(scope), new AgencyRef(to.Id, to.ParentId), form.Text!, s.Schedule, s.Now);
        });

    /// <summary>"Ambil": the officer takes the agency's share of this report on.</summary>
    [Authorize(Policy = Policies.Officer)]
    [HttpPost("ambil")]
    public async Task<IActionResult> Take([FromRoute] string trackingNumber, EntrustForm form, [FromServices] Ownership.Handler ownership)
    {
        var scope = await scopes.GetAsync(HttpContext.RequestAborted);
        var result = await ownership.EntrustAsync(scope, StaffRoles.Of(User), trackingNumber, form.Version, scope.UserId, HttpContext.RequestAborted);
        return await AnswerAsync(trackingNumber, form, result, null, scope);
    }

    /// <summary>Hands the agency's share to a colleague: an officer to another officer of the agency, or the agency head to one of theirs.</summary>
    [HttpPost("serahkan")]
    public async Task<IActionResult> Entrust([FromRoute] string trackingNumber, EntrustForm form, [FromServices] IValidator<EntrustForm> validator, [FromServices] Ownership.Handler ownership)
    {
        var roles = StaffRoles.Of(User);
        if (!roles.IsOfficer && !roles.IsAgencyHead)
        {
            return Forbid();
        }

        // Out of the user's inbox is 404 before the form is read, as for every other action.
        var scope = await scopes.GetAsync(HttpContext.RequestAborted);
        if (!await ownership.InInboxAsync(scope, trackingNumber, HttpContext.RequestAborted))
        {
            await probes.RecordAsync(HttpContext, trackingNumber, HttpContext.RequestAborted);
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, HttpContext.RequestAborted);
        if (!validation.IsValid)
        {
            return feedback.Refuse(this, RedirectToAction(nameof(ReportPageController.Detail), "ReportPage", new { trackingNumber }), validation.Errors[0].ErrorMessage, null);
        }

        var result = await ownership.EntrustAsync(scope, roles, trackingNumber, form.Version, form.OfficerUserId!, HttpContext.RequestAborted);
        return await AnswerAsync(trackingNumber, form, result, null, scope);
    }

    private Task<IActionResult> RunAsync<TForm>(string trackingNumber, TForm form, IValidator<TForm> validator, string? typed, Action<ReportWork.Step, ReportScope> change)
        where TForm : ActionForm =>
        RunAsync(trackingNumber, form, validator, typed, (s, scope) =>
        {
            change(s, scope);
            return Task.CompletedTask;
        });

    private async Task<IActionResult> RunAsync<TForm>(string trackingNumber, TForm form, IValidator<TForm> validator, string? typed, Func<ReportWork.Step, ReportScope, Task> change)
        where TForm : ActionForm
    {
        // Out of scope is 404 before anything else, so a bad form cannot confirm that a report exists.
        var scope = await scopes.GetAsync(HttpContext.RequestAborted);
        IQueryable<Report> Find(IQueryable<Report> reports) => scope.Apply(reports).Where(r => r.TrackingNumber == trackingNumber);
        if (!await work.ExistsAsync(Find, HttpContext.RequestAborted))
        {
            await probes.RecordAsync(HttpContext, trackingNumber, HttpContext.RequestAborted);
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, HttpContext.RequestAborted);
        if (!validation.IsValid)
        {
            return feedback.Refuse(this, RedirectToAction(nameof(ReportPageController.Detail), "ReportPage", new { trackingNumber }), validation.Errors[0].ErrorMessage, typed);
        }

        var result = await work.RunAsync(Find, form.Version, s => change(s, scope), HttpContext.RequestAborted);
        return await AnswerAsync(trackingNumber, form, result, typed, scope);
    }

    /// <summary>Back to the report with the outcome; after "simpan &amp; berikutnya" that worked, on to the next report of the remembered list (or to the list when it has none).</summary>
    private async Task<IActionResult> AnswerAsync(string trackingNumber, ActionForm form, WorkResult result, string? typed, ReportScope scope)
    {
        IActionResult back = RedirectToAction(nameof(ReportPageController.Detail), "ReportPage", new { trackingNumber });
        var done = t["Common.Saved"].Value;
        if (result.Succeeded)
        {
            await readings.SawAsync(scope.UserId, trackingNumber, HttpContext.RequestAborted);
        }

        if (result.Succeeded && form.Next)
        {
            // Coordinators move through their queue (whose list the memory then holds), officers through their agency's inbox.
            var next = StaffRoles.Of(User).IsCoordinator
                ? await queue.NextAfterAsync(scope, InboxMemory.QueueFilter(HttpContext), trackingNumber, HttpContext.RequestAborted)
                : await inbox.NextAfterAsync(scope, InboxMemory.Filter(HttpContext), trackingNumber, HttpContext.RequestAborted);
            if (next is null)
            {
                (back, done) = (Redirect(Url.Action(nameof(InboxController.Index), "Inbox") + InboxMemory.Recall(HttpContext)), t["Inbox.SavedListDone", trackingNumber].Value);
            }
            else
            {
                (back, done) = (RedirectToAction(nameof(ReportPageController.Detail), "ReportPage", new { trackingNumber = next }), t["Inbox.SavedNext", trackingNumber].Value);
            }
        }

        return feedback.Answer(this, result, back, done, typed, WorkFeedback.Reader.Staff);
    }

    private static void InScope(ReportScope scope, IEnumerable<int> agencyIds)
    {
        if (!agencyIds.All(scope.Subtree.Contains))
        {
            throw new DomainException("Verify.AgencyOutOfScope");
        }
    }

    private static Actor Coordinator(ReportScope scope) => new(scope.UserId, ActorRole.Coordinator);

    /// <summary>Coordinators validate follow-ups; so does the inspectorate (oversight) where the region gives it that job.</summary>
    private Actor Validator(ReportScope scope) => new(scope.UserId, StaffRoles.Of(User).IsCoordinator ? ActorRole.Coordinator : ActorRole.Oversight);

    private static Actor Officer(ReportScope scope) => Actor.Officer(scope.UserId, scope.AssignedAgencies.ToArray());

    private static MessageVisibility Visibility(MessageForm form) => form.Public ? MessageVisibility.Public : MessageVisibility.ReporterOnly;
}
