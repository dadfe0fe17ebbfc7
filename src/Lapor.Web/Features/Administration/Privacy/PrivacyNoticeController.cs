using System.Security.Claims;
using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Privacy;

/// <summary>/admin/privasi: the administrator edits the public privacy notice.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/privasi")]
public sealed class PrivacyNoticeController(IStringLocalizer<AdministrationResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] EditNotice.QueryHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Index(
        EditNotice.Form form, [FromServices] IValidator<EditNotice.Form> validator, [FromServices] EditNotice.Handler handler, CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(form, cancellationToken)).AddToModelState(ModelState);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        await handler.HandleAsync(form, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        TempData[FlashMessage.SuccessKey] = t["Common.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }
}
