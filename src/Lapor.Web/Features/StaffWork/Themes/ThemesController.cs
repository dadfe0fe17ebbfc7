using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.Themes;

/// <summary>/tema: the coordinator's themed periods (open one, end one early).</summary>
[Authorize(Policy = Policies.Coordinator)]
[Route("tema")]
public sealed class ThemesController(IStringLocalizer<StaffWorkResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Themes.Handler themes, CancellationToken cancellationToken) =>
        View(await themes.PageAsync(null, null, cancellationToken));

    /// <summary>A refused form comes back as typed, with the reason, so nothing written is lost.</summary>
    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Open(Themes.Form form, [FromServices] Themes.Handler themes, CancellationToken cancellationToken)
    {
        if (await themes.OpenAsync(form, cancellationToken) is { } error)
        {
            return View(nameof(Index), await themes.PageAsync(form, error, cancellationToken));
        }

        TempData[FlashMessage.SuccessKey] = t["Common.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/akhiri")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> End(int id, [FromServices] Themes.Handler themes, CancellationToken cancellationToken)
    {
        if (!await themes.EndAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData[FlashMessage.SuccessKey] = t["Common.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }
}
