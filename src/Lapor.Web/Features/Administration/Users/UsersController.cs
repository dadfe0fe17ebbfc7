using System.Security.Claims;
using FluentValidation;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Users;

/// <summary>/admin/pengguna: accounts, their roles and agencies.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/pengguna")]
public sealed class UsersController(IStringLocalizer<AdministrationResource> t, SecurityEvents events) : Controller
{
    private string AdminId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? role, [FromServices] UserList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(role, cancellationToken));

    [HttpPost("undang")]
    public async Task<IActionResult> Invite(
        InviteUser.Form form, [FromServices] IValidator<InviteUser.Form> validator, [FromServices] InviteUser.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return Back(FlashMessage.ErrorKey, validation.Errors[0].ErrorMessage);
        }

        var (sent, message) = await handler.HandleAsync(form, AdminId, cancellationToken);
        return Back(sent ? FlashMessage.SuccessKey : FlashMessage.ErrorKey, t[message, form.Email ?? ""]);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit([FromRoute] string id, [FromServices] EditUser.QueryHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(
        [FromRoute] string id, EditUser.Form form, [FromServices] IValidator<EditUser.Form> validator, [FromServices] EditUser.Handler handler, CancellationToken cancellationToken)
    {
        form.IsOwnAccount = id == User.FindFirstValue(ClaimTypes.NameIdentifier);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            TempData[FlashMessage.ErrorKey] = validation.Errors[0].ErrorMessage;
            return RedirectToAction(nameof(Edit), new { id });
        }

        if (!await handler.HandleAsync(id, form, AdminId, cancellationToken))
        {
            return NotFound();
        }

        events.AccountChanged(HttpContext, id);
        return Back(FlashMessage.SuccessKey, t["Common.Saved"]);
    }

    /// <summary>Mails the person a link to choose a new password, and signs them out everywhere.</summary>
    [HttpPost("{id}/reset-kata-sandi")]
    public async Task<IActionResult> SendPasswordReset([FromRoute] string id, [FromServices] SendResetLink.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, AdminId, cancellationToken) ? Changed(id, t["Users.ResetLinkSent"]) : NotFound();

    /// <summary>Turns the person's second factor off (lost phone); they are told by mail and signed out.</summary>
    [HttpPost("{id}/reset-dua-faktor")]
    public async Task<IActionResult> ResetTwoFactor([FromRoute] string id, [FromServices] TurnOffTwoFactor.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, AdminId, cancellationToken) ? Changed(id, t["Users.TwoFactorReset"]) : NotFound();

    /// <summary>After a change to someone's access: logged as a security event, then back to their page.</summary>
    private RedirectToActionResult Changed(string id, string message)
    {
        events.AccountChanged(HttpContext, id);
        TempData[FlashMessage.SuccessKey] = message;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private RedirectToActionResult Back(string key, string message)
    {
        TempData[key] = message;
        return RedirectToAction(nameof(Index));
    }
}
