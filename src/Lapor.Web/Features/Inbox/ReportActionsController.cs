using FluentValidation;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Inbox;

/// <summary>The buttons on a report's staff page. Each posts a small form, runs one transition and returns to the page.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("inbox/{trackingNumber}")]
public sealed class ReportActionsController(StaffAction.Handler actions, StaffScopeProvider scopes, IStringLocalizer<SharedResource> t) : Controller
{
    public const string DraftKey = "inbox.draft";
    public const string DraftForKey = "inbox.draftFor";

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("verifikasi")]
    public Task<IActionResult> Verify([FromRoute] string trackingNumber, VerifyForm form, [FromServices] IValidator<VerifyForm> validator) =>
        RunAsync(trackingNumber, form, validator, null, (c, scope) =>
        {
            if (!form.AgencyIds.All(scope.Subtree.Contains))
            {
                throw new DomainException("Verify.AgencyOutOfScope");
            }

            c.Report.Verify(Actor(scope, ActorRole.Coordinator), form.AgencyIds, form.ComplaintKind, form.PublicTitle, form.PublicSummary, c.Schedule, c.Now);
        });

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("tunda")]
    public Task<IActionResult> Hold([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (c, scope) => c.Report.Hold(Actor(scope, ActorRole.Coordinator), form.Text!, c.Now));

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("arsipkan")]
    public Task<IActionResult> Archive([FromRoute] string trackingNumber, ArchiveForm form, [FromServices] IValidator<ArchiveForm> validator, [FromServices] DuplicateLookup duplicates) =>
        RunAsync(trackingNumber, form, validator, form.Text, async (c, scope) =>
        {
            long? original = form.Reason == ArchiveReason.Duplicate ? await duplicates.FindAsync(scope, form.DuplicateOf, c.Report.Id, HttpContext.RequestAborted) : null;
            c.Report.Archive(Actor(scope, ActorRole.Coordinator), form.Reason!.Value, form.Text!, original, c.Now);
        });

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("pulihkan")]
    public Task<IActionResult> Restore([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (c, scope) => c.Report.Restore(Actor(scope, ActorRole.Coordinator), form.Text!, c.Now));

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("buka-kembali")]
    public Task<IActionResult> Reopen([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (c, scope) => c.Report.Reopen(Actor(scope, ActorRole.Coordinator), form.Text!, c.Schedule, c.Now));

    [Authorize(Policy = Policies.Officer)]
    [HttpPost("tanggapi")]
    public Task<IActionResult> Respond([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (c, scope) =>
            c.Report.Respond(Actor(scope, ActorRole.Officer), ActingAgency(c.Report, scope), form.Text!, Visibility(form), c.Schedule, c.Now));

    [Authorize(Policy = Policies.Officer)]
    [HttpPost("catatan")]
    public Task<IActionResult> Note([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (c, scope) =>
            c.Report.AddNote(Actor(scope, ActorRole.Officer), ActingAgency(c.Report, scope), form.Text!, c.Now));

    [Authorize(Policy = Policies.Officer)]
    [HttpPost("minta-keterangan")]
    public Task<IActionResult> RequestInformation([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (c, scope) =>
            c.Report.RequestInformation(Actor(scope, ActorRole.Officer), ActingAgency(c.Report, scope), form.Text!, c.Now));

    [Authorize(Policy = Policies.Officer)]
    [HttpPost("tindak-lanjut-akhir")]
    public Task<IActionResult> FinalResponse([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (c, scope) =>
            c.Report.RespondFinal(Actor(scope, ActorRole.Officer), ActingAgency(c.Report, scope), form.Text!, Visibility(form), c.Schedule, c.Now));

    [Authorize(Policy = Policies.Officer)]
    [HttpPost("kembalikan")]
    public Task<IActionResult> Return([FromRoute] string trackingNumber, MessageForm form, [FromServices] IValidator<MessageForm> validator) =>
        RunAsync(trackingNumber, form, validator, form.Text, (c, scope) =>
            c.Report.Return(Actor(scope, ActorRole.Officer), ActingAgency(c.Report, scope), form.Text!, c.Now));

    [Authorize(Policy = Policies.Officer)]
    [HttpPost("teruskan")]
    public Task<IActionResult> Forward([FromRoute] string trackingNumber, ForwardForm form, [FromServices] IValidator<ForwardForm> validator, [FromServices] AgencyDirectory agencies) =>
        RunAsync(trackingNumber, form, validator, form.Text, async (c, scope) =>
        {
            var from = ActingAgency(c.Report, scope);
            var target = await agencies.FindAsync(form.ToAgencyId!.Value, HttpContext.RequestAborted) ?? throw new DomainException("Forward.UnknownAgency");
            var action = target.ParentId == from ? RoutingAction.Delegate : RoutingAction.Refer;
            c.Report.Forward(Actor(scope, ActorRole.Officer), action, from, target.Id, form.Text!, c.Schedule, c.Now);
        });

    private Task<IActionResult> RunAsync<TForm>(string trackingNumber, TForm form, IValidator<TForm> validator, string? draft, Action<StaffAction.Context, ReportScope> change)
        where TForm : ActionForm =>
        RunAsync(trackingNumber, form, validator, draft, (c, scope) =>
        {
            change(c, scope);
            return Task.CompletedTask;
        });

    private async Task<IActionResult> RunAsync<TForm>(string trackingNumber, TForm form, IValidator<TForm> validator, string? draft, Func<StaffAction.Context, ReportScope, Task> change)
        where TForm : ActionForm
    {
        // Out of scope is 404 before anything else, so a bad form cannot confirm that a report exists.
        var scope = await scopes.GetAsync(HttpContext.RequestAborted);
        if (!await actions.IsInScopeAsync(trackingNumber, scope, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        var back = RedirectToAction(nameof(InboxController.Detail), "Inbox", new { trackingNumber });
        var validation = await validator.ValidateAsync(form, HttpContext.RequestAborted);
        if (!validation.IsValid)
        {
            return Fail(back, validation.Errors[0].ErrorMessage, draft);
        }

        StaffAction.Outcome outcome;
        try
        {
            outcome = await actions.RunAsync(trackingNumber, form.Version, scope, c => change(c, scope), HttpContext.RequestAborted);
        }
        catch (DomainException rule)
        {
            return Fail(back, t[$"Domain.{rule.Code}"], draft);
        }

        return outcome switch
        {
            StaffAction.Outcome.NotFound => NotFound(),
            StaffAction.Outcome.Conflict => Fail(back, t["Error.ConflictStaff"], draft),
            _ => Done(back),
        };
    }

    private RedirectToActionResult Done(RedirectToActionResult back)
    {
        TempData[FlashMessage.SuccessKey] = t["Inbox.Saved"].Value;
        return back;
    }

    /// <summary>Back to the page with the reason, keeping what the user typed so nothing is lost.</summary>
    private RedirectToActionResult Fail(RedirectToActionResult back, string message, string? draft)
    {
        TempData[FlashMessage.ErrorKey] = message;
        TempData[DraftKey] = FlashMessage.Draft(draft);
        TempData[DraftForKey] = Request.Path.Value?.Split('/')[^1];
        return back;
    }

    private static Actor Actor(ReportScope scope, ActorRole role) => new(scope.UserId, role);

    private static MessageVisibility Visibility(MessageForm form) => form.Public ? MessageVisibility.Public : MessageVisibility.ReporterOnly;

    /// <summary>The officer acts for the one of their agencies that holds the report now.</summary>
    private static int ActingAgency(Report report, ReportScope scope) =>
        report.OpenAssignments().Select(a => a.AgencyId).FirstOrDefault(id => scope.AssignedAgencies.Contains(id)) is var id and not 0
            ? id
            : throw new DomainException("Assignment.NotOpen");
}
