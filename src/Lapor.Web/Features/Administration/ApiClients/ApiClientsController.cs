using System.Security.Claims;
using FluentValidation;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.ApiClients;

/// <summary>/admin/api: the systems allowed to call Lapor's API. A new key is shown once, then only its prefix.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/api")]
public sealed class ApiClientsController(IStringLocalizer<AdministrationResource> t) : Controller
{
    private string? AdminId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ClientList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(null, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create(
        CreateClient.Form form, [FromServices] IValidator<CreateClient.Form> validator, [FromServices] CreateClient.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Back(FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage);
        }

        var result = await handler.HandleAsync(form, AdminId, cancellationToken);
        if (result.Page is null)
        {
            return Back(FlashMessage.ErrorKey, t[result.Error!]);
        }

        // Shown in this response only, never stored or redirected through a cookie.
        Response.Headers.CacheControl = "no-store";
        return View(nameof(Index), result.Page);
    }

    [HttpPost("{id:int}/cabut")]
    public async Task<IActionResult> Revoke([FromRoute] int id, [FromServices] RevokeClient.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, AdminId, cancellationToken) ? Back(FlashMessage.SuccessKey, t["ApiClients.Revoked"]) : NotFound();

    private RedirectToActionResult Back(string key, string message)
    {
        TempData[key] = message;
        return RedirectToAction(nameof(Index));
    }
}
