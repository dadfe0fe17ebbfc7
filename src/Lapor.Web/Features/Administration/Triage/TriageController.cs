using System.Security.Claims;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Triage;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Triage;

/// <summary>/admin/saran-instansi: the suggestion model's accuracy, its threshold, and training it again now.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/saran-instansi")]
public sealed class TriageController(IStringLocalizer<AdministrationResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] TriageOverview.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpPost("ambang")]
    public async Task<IActionResult> Threshold(TriageOverview.ThresholdForm form, [FromServices] TriageOverview.SetThreshold handler, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(form.Percent, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken))
        {
            TempData[FlashMessage.SuccessKey] = t["Common.Saved"].Value;
        }
        else
        {
            TempData[FlashMessage.ErrorKey] = t["Domain.Triage.ThresholdRange"].Value;
        }

        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// "Latih ulang sekarang": trains in this request (seconds on a sample of 50,000) unless another instance
    /// is training; the page then shows the new model's figures.
    /// </summary>
    [HttpPost("latih-ulang")]
    public async Task<IActionResult> Retrain([FromServices] TriageJob job, CancellationToken cancellationToken)
    {
        var outcome = await job.TrainAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        TempData[outcome == TriageJob.Outcome.Trained ? FlashMessage.SuccessKey : FlashMessage.ErrorKey] = t[$"Triage.Outcome.{outcome}"].Value;
        return RedirectToAction(nameof(Index));
    }
}
