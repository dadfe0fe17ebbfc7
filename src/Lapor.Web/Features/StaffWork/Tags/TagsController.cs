using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Features.StaffWork.ReportPage;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.Tags;

/// <summary>Attaching and removing a report's tags: coordinators only, on reports in their scope (others get 404, as for every staff action).</summary>
[Authorize(Policy = Policies.Coordinator)]
[Route("inbox/{trackingNumber}/tag")]
public sealed class TagsController(ReportTags.Handler tags, WorkFeedback feedback, StaffScopeProvider scopes, OutOfScopeProbes probes, IStringLocalizer<StaffWorkResource> t)
    : Controller
{
    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Attach([FromRoute] string trackingNumber, ReportTags.TagForm form) =>
        RunAsync(trackingNumber, scope => tags.AttachAsync(scope, trackingNumber, form.Label, HttpContext.RequestAborted));

    [HttpPost("hapus")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Remove([FromRoute] string trackingNumber, ReportTags.TagForm form) =>
        RunAsync(trackingNumber, scope => tags.RemoveAsync(scope, trackingNumber, form.Label, HttpContext.RequestAborted));

    private async Task<IActionResult> RunAsync(string trackingNumber, Func<ReportScope, Task<WorkResult>> change)
    {
        // Out of scope is 404 before the form is read, so a bad label cannot confirm that a report exists.
        var scope = await scopes.GetAsync(HttpContext.RequestAborted);
        if (!await tags.InScopeAsync(scope, trackingNumber, HttpContext.RequestAborted))
        {
            await probes.RecordAsync(HttpContext, trackingNumber, HttpContext.RequestAborted);
            return NotFound();
        }

        var back = RedirectToAction(nameof(ReportPageController.Detail), "ReportPage", new { trackingNumber });
        return feedback.Answer(this, await change(scope), back, t["Common.Saved"].Value, null, WorkFeedback.Reader.Staff);
    }
}
