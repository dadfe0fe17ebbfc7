using System.Security.Claims;
using FluentValidation;
using FluentValidation.AspNetCore;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.DeadlinePolicy;

/// <summary>/admin/tenggat: the working-day limits of DESIGN §6, validated by the policy itself.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/tenggat")]
public sealed class DeadlinePolicyController(IStringLocalizer<AdministrationResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] EditPolicy.QueryHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Index(
        EditPolicy.Form form, [FromServices] IValidator<EditPolicy.Form> validator, [FromServices] EditPolicy.Handler handler, CancellationToken cancellationToken)
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
